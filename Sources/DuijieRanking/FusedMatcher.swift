import DuijieBase
import DuijieCorpus
import DuijieJSON
import DuijieText
import DuijieVectors
import Foundation

/// Weights of the text features a `FusedMatcher` adds up, as `DuijieBench tune` fits them.
public struct FusionWeights: Sendable, Equatable {
    /// The weight of the TF-IDF cosine.
    public var tfidf: Float
    /// The weight of the BM25 score, divided by the query's best BM25 score (so it lies in 0…1).
    public var bm25: Float
    /// The weight of the LSA cosine.
    public var lsa: Float
    /// The weight of graph proximity: personalized PageRank from the query's best TF-IDF
    /// matches through the corpus graph (with text-neighbour links), divided by its maximum.
    public var graph: Float
    /// The LSA dimensions the weights were fitted with.
    public var lsaDimensions: Int

    /// Creates weights.
    public init(tfidf: Float, bm25: Float, lsa: Float, graph: Float = 0, lsaDimensions: Int = 256) {
        self.tfidf = tfidf
        self.bm25 = bm25
        self.lsa = lsa
        self.graph = graph
        self.lsaDimensions = lsaDimensions
    }

    /// The weights in feature order: TF-IDF, BM25, LSA, graph.
    public var vector: [Float] { [tfidf, bm25, lsa, graph] }

    /// The weights as a JSON object (the file `DuijieBench tune` writes).
    public var jsonValue: JSONValue {
        .object([("tfidf", .number(Double(tfidf))), ("bm25", .number(Double(bm25))), ("lsa", .number(Double(lsa))),
                 ("graph", .number(Double(graph))), ("lsaDimensions", .number(Double(lsaDimensions)))])
    }

    /// Reads weights from a JSON file holding an object with `tfidf`, `bm25`, `lsa`, optionally
    /// `graph` (0 when absent), and `lsaDimensions` (directly, or under a `weights` key, as
    /// `DuijieBench tune` writes).
    ///
    /// - Throws: `DuijieError` naming the file and the missing or bad field.
    public static func load(_ path: String) throws(DuijieError) -> FusionWeights {
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        let parsed: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) { return .success(try JSONParser.parse(buffer)) } catch { return .failure(error) }
        }
        guard case .success(let document) = parsed else { throw DuijieError(.invalidInput, "\(path): not a JSON document") }
        let object = document["weights"] ?? document
        func number(_ key: String) throws(DuijieError) -> Double {
            guard case .number(let value)? = object[key], value.isFinite else { throw DuijieError(.invalidInput, "\(path): weights: \(key) must be a number") }
            return value
        }
        let graph = object["graph"] == nil ? 0 : try number("graph")
        let weights = FusionWeights(tfidf: Float(try number("tfidf")), bm25: Float(try number("bm25")), lsa: Float(try number("lsa")),
                                    graph: Float(graph), lsaDimensions: Int(try number("lsaDimensions")))
        guard weights.lsaDimensions >= 1, weights.vector.allSatisfy({ $0 >= 0 }) else {
            throw DuijieError(.invalidInput, "\(path): weights must be non-negative and lsaDimensions at least 1")
        }
        return weights
    }
}

/// Ranks achievements by a weighted sum of features — TF-IDF cosine, normalized BM25, LSA
/// cosine and graph proximity — with weights fitted by `DuijieBench tune`.
public struct FusedMatcher: Sendable {
    /// TF-IDF, with the LSA model.
    public let tfidf: TextMatcher
    /// BM25.
    public let bm25: TextMatcher
    /// The corpus graph with text-neighbour links, when built.
    public let graph: CorpusGraph?
    private let achievementNodes: [Int]

    /// The names of the features, in order.
    public static let featureNames = ["TF-IDF", "BM25", "LSA", "graph"]

    /// How many best TF-IDF matches seed the graph walk of a query.
    public static let graphSeeds = 10

    /// Builds the indexes over `corpus`; with `includesGraph`, also the corpus graph with each
    /// achievement linked to its 10 nearest by TF-IDF.
    ///
    /// - Throws: `DuijieError` when the SVD fails.
    public init(corpus: Corpus, analyzer: Analyzer, lsaDimensions: Int, includesGraph: Bool = false,
                parallelism: Parallelism = .automatic) throws(DuijieError) {
        tfidf = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: lsaDimensions), parallelism: parallelism)
        bm25 = try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: .bm25(BM25Options()), parallelism: parallelism)
        if includesGraph {
            let built = CorpusGraph(corpus: corpus, textNeighbors: tfidf.nearestNeighbors(k: 10, parallelism: parallelism))
            graph = built
            achievementNodes = corpus.achievements.map { built.node(of: $0.id) ?? -1 }
        } else {
            graph = nil
            achievementNodes = []
        }
    }

    /// The feature scores of every achievement for `text`, in `featureNames` order (the graph
    /// feature all zero when no graph was built).
    public func features(text: String) -> [[Float]] {
        let lexical = tfidf.scores(text: text, semantic: false)
        var bm25Scores = bm25.scores(text: text, semantic: false)
        let best = bm25Scores.max() ?? 0
        if best > 0 { bm25Scores = bm25Scores.map { $0 / best } }
        var proximity = [Float](repeating: 0, count: lexical.count)
        if let graph {
            var seeds: [String: Double] = [:]
            for hit in TopKSelector.best(Self.graphSeeds, of: lexical) where hit.score > 0 {
                seeds[tfidf.documentIDs[Int(hit.index)]] = Double(hit.score)
            }
            if let scores = graph.proximity(from: seeds, options: .init(tolerance: 1e-7)) {
                proximity = achievementNodes.map { $0 >= 0 ? Float(scores[$0]) : 0 }
                let top = proximity.max() ?? 0
                if top > 0 { proximity = proximity.map { $0 / top } }
            }
        }
        return [lexical, bm25Scores, tfidf.scores(text: text, semantic: true), proximity]
    }

    /// The `top` achievements for `text` by the weighted sum of the features.
    public func match(text: String, top: Int, weights: FusionWeights) -> [(documentID: String, score: Float)] {
        let features = self.features(text: text)
        let vector = weights.vector
        var scores = [Float](repeating: 0, count: features[0].count)
        for (feature, weight) in zip(features, vector) where weight != 0 {
            for index in scores.indices { scores[index] += weight * feature[index] }
        }
        return TopKSelector.best(top, of: scores).filter { $0.score > 0 }.map { (tfidf.documentIDs[Int($0.index)], $0.score) }
    }
}
