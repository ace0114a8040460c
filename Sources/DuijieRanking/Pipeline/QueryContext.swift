import DuijieCorpus

/// What a query asks for: its text, the record its graph walk starts from, and the metadata a
/// candidate is fitted against. Built from a record of the corpus or from free text.
package struct QueryContext: Sendable {
    let text: String
    /// The record the query is (nil for free text: the walk then starts from the text's best matches).
    let seedID: String?
    let region: String?
    let fields: [String]
    let minimumMaturity: Maturity?
    let transferModes: [TransferMode]
    let budget: Double?
    /// For an achievement as the source: its maturity and price, fitted against demands.
    let maturity: Maturity?
    let price: Double?
}

extension QueryContext {
    /// A free-text query: no seed record and no metadata but, when known, its fields (metadata
    /// features are otherwise neutral).
    package init(text: String, fields: [String] = []) {
        self.init(text: text, seedID: nil, region: nil, fields: fields, minimumMaturity: nil, transferModes: [], budget: nil,
                  maturity: nil, price: nil)
    }
}

extension Recommender {
    /// The query a record of the corpus makes — a demand, an achievement, an expert, an
    /// institution or an enterprise; nil for any other id.
    package func context(for id: String) -> QueryContext? {
        switch corpus.kind(of: id) {
        case .demand:
            let demand = corpus.demand(id)!
            return QueryContext(text: demand.queryText,
                                seedID: id, region: demand.region, fields: demand.fields, minimumMaturity: demand.minMaturity,
                                transferModes: demand.transferModes, budget: demand.budget, maturity: nil, price: nil)
        case .achievement:
            let achievement = corpus.achievement(id)!
            return QueryContext(text: ([achievement.title] + achievement.keywords + [achievement.abstract ?? ""]).joined(separator: "。"),
                                seedID: id, region: achievement.region, fields: achievement.fields, minimumMaturity: nil,
                                transferModes: achievement.transferModes, budget: nil, maturity: achievement.maturity, price: achievement.price)
        case .expert, .institution, .enterprise:
            let text = profileSources.text(of: id) ?? ""
            return QueryContext(text: text, seedID: id, region: corpus.regionOfRecord(id), fields: corpus.fieldsOfRecord(id),
                                minimumMaturity: nil, transferModes: [], budget: nil, maturity: nil, price: nil)
        default:
            return nil
        }
    }
}
