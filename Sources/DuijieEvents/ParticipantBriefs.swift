import DuijieCorpus
import DuijieText

/// What an agenda tells a participant about each counterpart: the organization, a short
/// profile, what the counterpart needs or offers, and the topics the two share — words, not
/// scores.
public struct ParticipantBriefs: Sendable {
    /// One participant as others read about it.
    public struct Brief: Sendable, Equatable {
        /// The organization it belongs to, by name (empty when unknown or the participant is one).
        public let organization: String
        /// Its profile, at most `summaryLength` characters.
        public let summary: String
        /// What it needs (demand side: its demands' titles) or offers (supply side:
        /// achievements' titles, an expert's research, an institution's description).
        public let topics: [String]
    }

    /// Longest summary shown, in characters.
    public static let summaryLength = 60
    /// Most shared topics shown per meeting.
    public static let sharedTopicCount = 5

    private let briefs: [String: Brief]
    private let texts: [String: String]
    private let sharedWords: SharedWords?

    /// Briefs of every participant of `event`.
    ///
    /// - Parameters:
    ///   - corpus: The corpus the participants' records are in, when there is one.
    ///   - recordText: A record's matched text (the recommender's), for shared topics.
    ///   - sharedWords: Finds the dictionary words two texts share; `nil` shows no topics.
    public init(event: Event, corpus: Corpus?, recordText: (String) -> String?, sharedWords: SharedWords?) {
        var briefs: [String: Brief] = [:]
        var texts: [String: String] = [:]
        let inventions = Self.inventions(of: Set(event.participants.flatMap(\.records)), corpus)
        for participant in event.participants {
            let recordTexts = participant.records.compactMap(recordText)
            texts[participant.id] = ([participant.profile ?? ""] + recordTexts).filter { !$0.isEmpty }.joined(separator: "。")
            let topics = participant.records.flatMap { record in
                inventions[record].map { Array($0.prefix(3)) } ?? Self.topic(of: record, corpus).map { [$0] } ?? []
            }
            let profile = participant.profile ?? participant.records.lazy.compactMap { Self.description(of: $0, corpus) }.first ?? ""
            let organization = participant.organization.map { corpus?.displayName(of: $0) ?? $0 }
                ?? participant.records.first.flatMap { EventContext.organization(of: $0, corpus) }.map { corpus?.displayName(of: $0) ?? $0 } ?? ""
            briefs[participant.id] = Brief(organization: organization == participant.name ? "" : organization,
                                           summary: Self.shortened(profile), topics: topics)
        }
        self.briefs = briefs
        self.texts = texts
        self.sharedWords = sharedWords
    }

    /// The brief of participant `id`.
    public func brief(of id: String) -> Brief? { briefs[id] }

    /// The words the two participants' texts share, longest spans first, at most `sharedTopicCount`.
    public func sharedTopics(_ first: String, _ second: String) -> [String] {
        guard let sharedWords, let a = texts[first], let b = texts[second], !a.isEmpty, !b.isEmpty else { return [] }
        return Array(sharedWords.words(sharedBy: a, and: b).prefix(Self.sharedTopicCount))
    }

    /// The titles of the achievements each expert among `records` invented, in corpus order:
    /// what an expert offers.
    static func inventions(of records: Set<String>, _ corpus: Corpus?) -> [String: [String]] {
        guard let corpus else { return [:] }
        let experts = records.filter { corpus.expert($0) != nil }
        guard !experts.isEmpty else { return [:] }
        var result: [String: [String]] = [:]
        for achievement in corpus.achievements {
            for inventor in achievement.inventors where experts.contains(inventor) { result[inventor, default: []].append(achievement.title) }
        }
        return result
    }

    /// What a record stands for in one line: a demand's or achievement's title, an expert's
    /// name and title, an institution's or enterprise's name.
    static func topic(of id: String, _ corpus: Corpus?) -> String? {
        guard let corpus else { return nil }
        if let demand = corpus.demand(id) { return demand.title }
        if let achievement = corpus.achievement(id) { return achievement.title }
        if let expert = corpus.expert(id) { return [expert.name, expert.title].compactMap { $0 }.joined(separator: " ") }
        if corpus.kind(of: id) != nil { return corpus.displayName(of: id) }
        return nil
    }

    /// A record's own description: a demand's or achievement's text, an expert's bio, an
    /// institution's or enterprise's description.
    static func description(of id: String, _ corpus: Corpus?) -> String? {
        guard let corpus else { return nil }
        let text = corpus.demand(id)?.description ?? corpus.achievement(id)?.abstract ?? corpus.expert(id)?.bio
            ?? corpus.institution(id)?.description ?? corpus.enterprise(id)?.description
        return text.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// At most `summaryLength` characters, ending with "…" when cut; line breaks become spaces.
    static func shortened(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > summaryLength else { return flat }
        return String(flat.prefix(summaryLength - 1)) + "…"
    }
}
