import DuijieCorpus

/// What a text index holds of one record: an id and three weighted fields. An achievement is
/// its title, keywords and abstract; an expert, institution, demand or enterprise is indexed by
/// its text profile (`ProfileSources`): a title and a body.
public struct IndexedDocument: Sendable, Equatable {
    /// The record's id.
    public var id: String
    /// The title field.
    public var title: String
    /// The keywords field.
    public var keywords: [String]
    /// The body field (an achievement's abstract, a profile's text).
    public var body: String

    /// A document from its fields.
    public init(id: String, title: String, keywords: [String] = [], body: String) {
        self.id = id
        self.title = title
        self.keywords = keywords
        self.body = body
    }

    /// An achievement as it is indexed.
    public init(_ achievement: Achievement) {
        self.init(id: achievement.id, title: achievement.title, keywords: achievement.keywords, body: achievement.abstract ?? "")
    }
}
