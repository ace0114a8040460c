import DuijieText
import DuijieVectors
import Foundation

/// Weights of the text features a `FusedMatcher` adds up, as `duijie tune` fits them.
public struct FusionWeights: Sendable, Equatable {
    /// The weight of the TF-IDF cosine.
    public var tfidf: Float
    /// The weight of the BM25 score, divided by the query's best BM25 score (so it lies in 0…1).
    public var bm25: Float
    /// The weight of the LSA cosine.
    public var lsa: Float
    /// The LSA dimensions the weights were fitted with.
    public var lsaDimensions: Int

    /// Creates weights.
    public init(tfidf: Float, bm25: Float, lsa: Float, lsaDimensions: Int = 256) {
        self.tfidf = tfidf
        self.bm25 = bm25
        self.lsa = lsa
        self.lsaDimensions = lsaDimensions
    }

    /// The weights as a JSON object (the file `duijie tune` writes).
    public var jsonValue: JSONValue {
        .object([("tfidf", .number(Double(tfidf))), ("bm25", .number(Double(bm25))), ("lsa", .number(Double(lsa))),
                 ("lsaDimensions", .number(Double(lsaDimensions)))])
    }

    /// Reads weights from a JSON file holding an object with `tfidf`, `bm25`, `lsa` and
    /// `lsaDimensions` (directly, or under a `weights` key, as `duijie tune` writes).
    ///
    /// - Throws: `CorpusError` naming the file and the missing or bad field.
    public static func load(_ path: String) throws(CorpusError) -> FusionWeights {
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        let parsed: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) { return .success(try JSONParser.parse(buffer)) } catch { return .failure(error) }
        }
        guard case .success(let document) = parsed else { throw CorpusError("\(path): not a JSON document") }
        let object = document["weights"] ?? document
        func number(_ key: String) throws(CorpusError) -> Double {
            guard case .number(let value)? = object[key], value.isFinite else { throw CorpusError("\(path): weights: \(key) must be a number") }
            return value
        }
        let weights = FusionWeights(tfidf: Float(try number("tfidf")), bm25: Float(try number("bm25")), lsa: Float(try number("lsa")),
                                    lsaDimensions: Int(try number("lsaDimensions")))
        guard weights.lsaDimensions >= 1, [weights.tfidf, weights.bm25, weights.lsa].allSatisfy({ $0 >= 0 }) else {
            throw CorpusError("\(path): weights must be non-negative and lsaDimensions at least 1")
        }
        return weights
    }
}

/// Ranks achievements by a weighted sum of text features — TF-IDF cosine, normalized BM25 and
/// LSA cosine — with weights fitted by `duijie tune`.
public struct FusedMatcher: Sendable {
    /// TF-IDF, with the LSA model.
    public let tfidf: TextMatcher
    /// BM25.
    public let bm25: TextMatcher

    /// Builds both indexes over `corpus`.
    ///
    /// - Throws: `LinearAlgebraError` when the SVD fails.
    public init(corpus: Corpus, analyzer: Analyzer, lsaDimensions: Int, parallelism: Parallelism = .automatic) throws(LinearAlgebraError) {
        tfidf = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: lsaDimensions), parallelism: parallelism)
        bm25 = try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: .bm25(BM25Options()), parallelism: parallelism)
    }

    /// The three feature scores of every achievement for `text`: TF-IDF, BM25 / max BM25, LSA.
    public func features(text: String) -> (tfidf: [Float], bm25: [Float], lsa: [Float]) {
        var bm25Scores = bm25.scores(text: text, semantic: false)
        let best = bm25Scores.max() ?? 0
        if best > 0 { bm25Scores = bm25Scores.map { $0 / best } }
        return (tfidf.scores(text: text, semantic: false), bm25Scores, tfidf.scores(text: text, semantic: true))
    }

    /// The `top` achievements for `text` by the weighted sum of the features.
    public func match(text: String, top: Int, weights: FusionWeights) -> [(achievementID: String, score: Float)] {
        let (a, b, c) = features(text: text)
        var scores = [Float](repeating: 0, count: a.count)
        for index in scores.indices { scores[index] = weights.tfidf * a[index] + weights.bm25 * b[index] + weights.lsa * c[index] }
        return TopKSelector.best(top, of: scores).filter { $0.score > 0 }.map { (tfidf.achievementIDs[Int($0.index)], $0.score) }
    }
}
