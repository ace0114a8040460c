import DuijieBase
import DuijieCorpus
import DuijieEvaluation
import DuijieRanking
import DuijieVectors
import Foundation

/// A ranking-quality benchmark: documents to rank (as a corpus of achievements), queries, and
/// graded judgments.
public struct QualitySuite: Sendable {
    /// One query of a suite.
    public struct Query: Sendable {
        /// The query id used in the judgments.
        public let id: String
        /// Free text, when the query is text.
        public let text: String?
        /// A demand of the corpus, when the query is a demand.
        public let demandID: String?
        /// A document to leave out of the ranking (the query's own paper in topical suites).
        public let excludedDocument: String?
        /// The query's fields (field ids of the suite's corpus), when the suite knows them.
        public let fields: [String]

        /// The text to rank for: the query's text, or a demand query's title and description.
        public func text(in corpus: Corpus) -> String {
            text ?? demandID.flatMap { corpus.demand($0) }.map { [$0.title, $0.description ?? ""].joined(separator: "。") } ?? ""
        }

        /// Creates a query.
        public init(id: String, text: String?, demandID: String? = nil, excludedDocument: String? = nil, fields: [String] = []) {
            self.id = id
            self.text = text
            self.demandID = demandID
            self.excludedDocument = excludedDocument
            self.fields = fields
        }
    }

    /// The suite's name.
    public let name: String
    /// The documents, as achievements (plus the demands and other records of a full corpus).
    public let corpus: Corpus
    /// The queries, in a fixed order.
    public let queries: [Query]
    /// The judgments: query id → document id → grade.
    public let qrels: Qrels

    /// Creates a suite.
    public init(name: String, corpus: Corpus, queries: [Query], qrels: Qrels) {
        self.name = name
        self.corpus = corpus
        self.queries = queries
        self.qrels = qrels
    }

    /// The names of the suites `load` knows.
    public static let names = ["demo", "csl-known-item", "csl-topical", "csl-keyword", "csl-problem", "patent-keyphrase", "patent-related", "nsfc-expert"]

    /// Which queries of a suite to use: the tuning part, the test part (the default for
    /// reporting), or all. The split is fixed by the suite's seed: a seeded shuffle of the query
    /// ids, the first half tuning, the rest test.
    public enum Part: String, Sendable, CaseIterable {
        case tune, test, all
    }

    /// The queries of one part.
    public func queries(_ part: Part) -> [Query] {
        guard part != .all else { return queries }
        let tuning = TuningSplit.tuningHalf(of: queries.map(\.id), seed: splitSeed)
        return queries.filter { tuning.contains($0.id) == (part == .tune) }
    }

    /// The seed of the tuning/test split.
    public var splitSeed: UInt64 = 7

    /// Builds a suite.
    ///
    /// - Parameters:
    ///   - name: One of `names`.
    ///   - datasets: The shared datasets folder (for the CSL suites).
    ///   - demoCorpus: The demo corpus folder (for `demo`).
    ///   - queryCount: For CSL suites, how many papers become queries (a seeded sample).
    ///   - seed: The sampling seed.
    /// - Throws: `DuijieError` when a file is missing or malformed.
    public static func load(_ name: String, datasets: String, demoCorpus: String = "Corpus/demo",
                            queryCount: Int = 500, seed: UInt64 = 2026) throws(DuijieError) -> QualitySuite {
        switch name {
        case "demo": return try demo(corpusPath: demoCorpus)
        case "csl-known-item", "csl-topical":
            return try csl(topical: name == "csl-topical", datasets: datasets, queryCount: queryCount, seed: seed)
        case "csl-keyword":
            return try cslKeyword(datasets: datasets, queryCount: queryCount, seed: seed)
        case "csl-problem":
            return try cslProblem(datasets: datasets, queryCount: queryCount, seed: seed)
        case "patent-keyphrase", "patent-related":
            return try patents(related: name == "patent-related", datasets: datasets, queryCount: queryCount, seed: seed)
        case "nsfc-expert":
            return try grantExperts(datasets: datasets, queryCount: queryCount, seed: seed)
        default:
            throw DuijieError(.invalidInput, "unknown suite \"\(name)\" (known: \(names.joined(separator: ", ")))")
        }
    }

    /// The demo corpus: each judged demand against all achievements, with the hand judgments.
    static func demo(corpusPath: String) throws(DuijieError) -> QualitySuite {
        let corpus = try CorpusLoader.loadValidated(corpusPath).corpus
        let path = corpusPath + "/qrels/demand-achievement.qrels"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw DuijieError(.io, "\(path): cannot read the judgments") }
        let qrels = try Qrels(parsing: text, fileName: path)
        let queries = qrels.queryIDs.map { Query(id: $0, text: nil, demandID: $0, excludedDocument: nil) }
        return QualitySuite(name: "demo", corpus: corpus, queries: queries, qrels: qrels)
    }
}

extension QualitySuite {
    /// Ranks the queries of a part and collects the rankings as a TREC run (the query's excluded
    /// document, if any, left out).
    ///
    /// - Parameters:
    ///   - name: The run's name.
    ///   - part: Which queries.
    ///   - rank: Ranks one query: document ids with scores, best first.
    public func run(named name: String, part: Part, parallelism: Parallelism = .automatic,
                    rank: @Sendable (Query) -> [(document: String, score: Double)]) -> TRECRun {
        let selected = queries(part)
        let rankings = parallelism.mapChunks(count: selected.count, minimumChunk: 4) { range in
            range.map { index -> (String, [TRECRun.Entry]) in
                let query = selected[index]
                let entries = rank(query).filter { $0.document != query.excludedDocument }.map { TRECRun.Entry(document: $0.document, score: $0.score) }
                return (query.id, entries)
            }
        }.flatMap { $0 }
        return TRECRun(name: name, rankings: Dictionary(uniqueKeysWithValues: rankings))
    }

    /// The judgments of one part's queries.
    public func qrels(_ part: Part) -> Qrels {
        guard part != .all else { return qrels }
        var subset = Qrels()
        for query in queries(part) {
            for (document, grade) in qrels.judgments[query.id] ?? [:] { subset.setGrade(grade, query: query.id, document: document) }
        }
        return subset
    }
}
