import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieShortlist
import DuijieWorkspace

/// A shortlist request as the API takes it: a record id or a text, the target, how many,
/// every filter of `duijie recommend`, and the language of reasons.
struct ShortlistQuery: Sendable {
    var recordID: String?
    var text: String?
    var target: RecommendationTarget = .achievement
    var top = 10
    var values = FilterValues()
    var chinese = true
    /// The weights to rank by (the workspace's learned ones); the shipped weights when nil.
    var weights: RecommendationWeights?
    /// The learning run (`duijie learn`) `weights` come from.
    var weightsFit: Int64?

    /// The request fields, read from `body` (which the caller finishes).
    static func read(_ body: inout RequestObject) throws -> ShortlistQuery {
        var query = ShortlistQuery()
        query.recordID = try body.string("recordID", maxLength: 200)
        query.text = try body.string("text", maxLength: 5_000)
        if (query.recordID == nil) == (query.text == nil) {
            throw APIError(.badRequest, "give exactly one of recordID and text", field: query.recordID == nil ? "text" : "recordID")
        }
        if let target = try body.string("target", maxLength: 20) {
            guard let value = RecommendationTarget(rawValue: target) else {
                throw APIError(.badRequest, "target \(target): expected one of \(RecommendationTarget.allCases.map(\.rawValue).joined(separator: ", "))", field: "target")
            }
            query.target = value
        }
        query.top = try body.integer("top", in: 1...1_000) ?? 10
        if let language = try body.string("language", maxLength: 5) {
            guard language == "zh" || language == "en" else { throw APIError(.badRequest, "language \(language): expected zh or en", field: "language") }
            query.chinese = language == "zh"
        }
        if var filters = try body.object("filters") {
            query.values.regions = try filters.strings("regions")
            query.values.includePairedRegions = try filters.bool("includePairedRegions") ?? false
            query.values.fields = try filters.strings("fields")
            query.values.minMaturity = try filters.string("minMaturity", maxLength: 40)
            query.values.modes = try filters.strings("modes")
            query.values.kinds = try filters.strings("kinds")
            query.values.dualUse = try filters.bool("dualUse")
            query.values.maxPerInstitution = try filters.integer("maxPerInstitution", in: 1...1_000)
            query.values.diversity = try filters.number("diversity", in: 0...1).map(Float.init)
            query.values.minScore = try filters.number("minScore", in: 0...1_000).map(Float.init)
            try filters.finish()
        }
        return query
    }

    /// The shortlist, ranked by `recommender` without what `access.user` may not see (neither
    /// among the results nor on a result's graph path).
    ///
    /// - Throws: `APIError` 404 for a record that is not there (or not the user's to see),
    ///   400 for a filter value the corpus does not know.
    func run(_ recommender: Recommender, hidden: Set<String>, access: Access, workbench: Workbench) throws -> ShortlistSection {
        var filters: RecommendationFilters
        do {
            filters = try values.resolve(in: recommender.corpus)
        } catch {
            let field = "filters." + error.value.requestMember
            throw APIError(.badRequest, "\(field) \(error.given): \(error.problem)", field: field)
        }
        filters.excludedIDs = hidden
        let corpus = recommender.corpus
        let visible = { (id: String) in workbench.canSee(id, access, in: corpus) }
        if let recordID {
            guard visible(recordID), let results = recommender.recommend(for: recordID, target: target, top: top, weights: weights, filters: filters) else {
                throw APIError(.notFound, "recordID \(recordID): no such record", field: "recordID")
            }
            return ShortlistSection(queryID: recordID, title: "\(recordID) \(corpus.displayName(of: recordID))",
                                    results: results.map { $0.withoutPath(unless: visible) })
        }
        let text = text ?? ""
        let results = recommender.recommend(text: text, target: target, top: top, weights: weights, filters: filters)
        return ShortlistSection(queryID: "text", title: text, results: results.map { $0.withoutPath(unless: visible) })
    }

    /// The shortlist as the API answers it: each result with its details and explanation.
    func json(_ section: ShortlistSection, corpus: Corpus, generation: Int) -> JSONValue {
        let table = ShortlistTable(corpus: corpus, target: target, chinese: chinese)
        let located = target == .institution || target == .enterprise
        let features = RankingConfiguration.recommender.features
        let results: [JSONValue] = section.results.enumerated().map { rank, result in
            let explanation = result.explanation
            let path = explanation.path
            return .object([
                ("rank", .int(rank + 1)), ("id", .string(result.id)), ("name", .string(corpus.displayName(of: result.id))),
                ("score", .number(Double(result.score))),
                ("organization", .string(located ? "" : table.organizationOrLocation(of: result.id))),
                ("location", .string(corpus.regionOfRecord(result.id).map(corpus.displayName(of:)) ?? "")),
                ("regionRelation", .string(explanation.regionRelation.name(chinese: chinese))),
                ("features", .object(features.map { ($0.name(chinese: false), .number(Double(result.features[$0]))) })),
                ("reasons", .array(explanation.reasons.map { .string($0.sentence(chinese: chinese)) })),
                ("matchedTerms", .array(explanation.matchedTerms.map { .string($0.term) })),
                ("path", path.map { ids in .array(ids.map { .object([("id", .string($0)), ("name", .string(corpus.displayName(of: $0)))]) }) } ?? .null),
                ("weakMatch", .bool(explanation.reasons.contains(.weakMatch))),
            ])
        }
        return .object([
            ("query", .object([("recordID", .optional(recordID)), ("text", .optional(text)), ("title", .string(section.title)),
                               ("target", .string(target.rawValue))])),
            ("generation", .int(generation)),
            ("weightsFit", weightsFit.map { .int($0) } ?? .null),
            ("results", .array(results)),
        ])
    }
}
