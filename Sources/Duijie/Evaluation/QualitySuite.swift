import DuijieEvaluation
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
    }

    /// The suite's name.
    public let name: String
    /// The documents, as achievements (plus the demands and other records of a full corpus).
    public let corpus: Corpus
    /// The queries, in a fixed order.
    public let queries: [Query]
    /// The judgments: query id → document id → grade.
    public let qrels: Qrels

    /// The names of the suites `load` knows.
    public static let names = ["demo", "csl-known-item", "csl-topical"]

    /// Builds a suite.
    ///
    /// - Parameters:
    ///   - name: One of `names`.
    ///   - datasets: The shared datasets folder (for the CSL suites).
    ///   - demoCorpus: The demo corpus folder (for `demo`).
    ///   - queryCount: For CSL suites, how many papers become queries (a seeded sample).
    ///   - seed: The sampling seed.
    /// - Throws: `CorpusError` when a file is missing or malformed.
    public static func load(_ name: String, datasets: String, demoCorpus: String = "Corpus/demo",
                            queryCount: Int = 500, seed: UInt64 = 2026) throws(CorpusError) -> QualitySuite {
        switch name {
        case "demo": return try demo(corpusPath: demoCorpus)
        case "csl-known-item", "csl-topical":
            return try csl(topical: name == "csl-topical", datasets: datasets, queryCount: queryCount, seed: seed)
        default:
            throw CorpusError("unknown suite \"\(name)\" (known: \(names.joined(separator: ", ")))")
        }
    }

    /// The demo corpus: each judged demand against all achievements, with the hand judgments.
    static func demo(corpusPath: String) throws(CorpusError) -> QualitySuite {
        let corpus = try CorpusLoader.loadValidated(corpusPath).corpus
        let path = corpusPath + "/qrels/demand-achievement.qrels"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CorpusError("\(path): cannot read the judgments") }
        let qrels: Qrels
        do { qrels = try Qrels(parsing: text, fileName: path) } catch { throw CorpusError(error.description) }
        let queries = qrels.queryIDs.map { Query(id: $0, text: nil, demandID: $0, excludedDocument: nil) }
        return QualitySuite(name: "demo", corpus: corpus, queries: queries, qrels: qrels)
    }

    /// CSL papers (csl_sample.tsv: title, abstract, keywords, discipline, category). Documents are
    /// the abstracts alone. Known-item: a paper's title must find its own abstract. Topical: a
    /// title against the other papers, same discipline grade 2, same category only grade 1.
    static func csl(topical: Bool, datasets: String, queryCount: Int, seed: UInt64) throws(CorpusError) -> QualitySuite {
        let path = datasets + "/csl/csl_sample.tsv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CorpusError("\(path): cannot read the CSL sample (is ../shared/datasets beside the repository?)")
        }
        struct Paper { let title: String; let abstract: String; let discipline: String; let category: String }
        var papers: [Paper] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 5 else {
                throw CorpusError("\(path):\(index + 1): expected 5 tab-separated columns, found \(columns.count)")
            }
            papers.append(Paper(title: columns[0], abstract: columns[1], discipline: columns[3], category: columns[4]))
        }
        let achievements = papers.enumerated().map { Achievement(id: "csl-\($0.offset)", title: "", abstract: $0.element.abstract) }
        var generator = SplitMix64(seed: seed)
        var order = Array(papers.indices)
        order.shuffle(using: &generator)
        let sample = order.prefix(min(queryCount, papers.count)).sorted()
        var qrels = Qrels()
        var queries: [Query] = []
        for index in sample {
            let queryID = "q-\(index)"
            queries.append(Query(id: queryID, text: papers[index].title, demandID: nil, excludedDocument: topical ? "csl-\(index)" : nil))
            if topical {
                for (other, paper) in papers.enumerated() where other != index {
                    if paper.discipline == papers[index].discipline {
                        qrels.setGrade(2, query: queryID, document: "csl-\(other)")
                    } else if paper.category == papers[index].category {
                        qrels.setGrade(1, query: queryID, document: "csl-\(other)")
                    }
                }
            } else {
                qrels.setGrade(1, query: queryID, document: "csl-\(index)")
            }
        }
        return QualitySuite(name: topical ? "csl-topical" : "csl-known-item", corpus: Corpus(achievements: achievements), queries: queries, qrels: qrels)
    }
}

/// The mean metrics of one ranker over a suite's queries.
public struct QualityScores: Sendable {
    /// Mean nDCG@10 (linear gains).
    public let ndcg10: Double
    /// Mean reciprocal rank.
    public let mrr: Double
    /// Mean recall@100.
    public let recall100: Double
    /// Queries evaluated (those with at least one relevant document).
    public let queryCount: Int

    /// Evaluates a ranking function over a suite.
    ///
    /// - Parameters:
    ///   - suite: The suite.
    ///   - rank: Returns the ranked document ids for a query (at least 100).
    public static func evaluate(_ suite: QualitySuite, parallelism: Parallelism = .automatic,
                                rank: @Sendable (QualitySuite.Query) -> [String]) -> QualityScores {
        let judged = suite.queries.filter { suite.qrels.judgments[$0.id]?.values.contains(where: { $0 > 0 }) ?? false }
        let perQuery = parallelism.mapChunks(count: judged.count, minimumChunk: 8) { range in
            range.map { index -> (Double, Double, Double) in
                let query = judged[index]
                let judgments = suite.qrels.judgments[query.id] ?? [:]
                let ranking = rank(query).filter { $0 != query.excludedDocument }
                return (RankingMetrics.ndcg(ranking, judgments, k: 10), RankingMetrics.reciprocalRank(ranking, judgments),
                        RankingMetrics.recall(ranking, judgments, k: 100))
            }
        }.flatMap { $0 }
        let count = Double(max(perQuery.count, 1))
        return QualityScores(ndcg10: perQuery.reduce(0) { $0 + $1.0 } / count, mrr: perQuery.reduce(0) { $0 + $1.1 } / count,
                             recall100: perQuery.reduce(0) { $0 + $1.2 } / count, queryCount: perQuery.count)
    }
}
