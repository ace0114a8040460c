import DuijieBase
import DuijieCorpus
import DuijieJSON

/// Weights of plain-document ranking, with how they were fitted and what they reached: those of
/// the `documents` configuration (TF-IDF, BM25, LSA, graph) fitted on one quality suite by
/// `DuijieBench tune`, or those of `expandedDocuments` (adding the RM3-expanded query and word
/// BM25) fitted across every suite by `DuijieBench transfer` (`general.json`, compiled in as
/// `DocumentWeights.general`). The files in `Corpus/weights/` other than `recommender.json`, and
/// what `duijie match --weights FILE` reads.
public struct DocumentWeights: Sendable {
    /// The suite the weights were fitted on.
    public let suite: String
    /// The weights.
    public let weights: RecommendationWeights
    /// The LSA dimensions the semantic feature had.
    public let lsaDimensions: Int
    /// How the weights were fitted (split, folds, seed, grid, command), as written.
    public let fitting: JSONValue
    /// Mean nDCG@10 of held-out tuning queries under cross-validation.
    public let crossValidatedNDCG: Double
    /// Mean nDCG@10 of the fitted weights on the suite's test queries.
    public let testNDCG: Double
    /// Mean nDCG@10 of TF-IDF alone on the same test queries.
    public let testTextOnlyNDCG: Double

    /// Weights with their provenance.
    public init(suite: String, weights: RecommendationWeights, lsaDimensions: Int, fitting: JSONValue, crossValidatedNDCG: Double,
                testNDCG: Double, testTextOnlyNDCG: Double) {
        self.suite = suite
        self.weights = weights
        self.lsaDimensions = lsaDimensions
        self.fitting = fitting
        self.crossValidatedNDCG = crossValidatedNDCG
        self.testNDCG = testNDCG
        self.testTextOnlyNDCG = testTextOnlyNDCG
    }

    /// Reads a weights file's text.
    ///
    /// - Throws: `DuijieError` naming the file and the field that is missing or wrong.
    public init(parsing text: String, fileName: String) throws(DuijieError) {
        guard let document = try? JSONParser.parse(text), case .object = document else {
            throw DuijieError(.invalidInput, "\(fileName): not a JSON object")
        }
        func number(_ field: String) throws(DuijieError) -> Double {
            guard case .number(let value)? = document[field], value.isFinite else {
                throw DuijieError(.invalidInput, "\(fileName): \(field) must be a number")
            }
            return value
        }
        guard case .string(let suite)? = document["suite"] else { throw DuijieError(.invalidInput, "\(fileName): suite must be a string") }
        guard let fitting = document["fitting"] else { throw DuijieError(.invalidInput, "\(fileName): fitting is missing") }
        let weights = try RecommendationWeights(json: document["weights"], place: fileName)
        for name in RankingFeatures.Name.allCases where weights.features[name] != 0 && !RankingConfiguration.expandedDocuments.computes(name) {
            throw DuijieError(.invalidInput, "\(fileName): weights.\(name.rawValue): plain documents have no such feature")
        }
        let dimensions = try number("lsaDimensions")
        guard dimensions >= 1, dimensions == dimensions.rounded() else {
            throw DuijieError(.invalidInput, "\(fileName): lsaDimensions must be a whole number, at least 1")
        }
        self.init(suite: suite, weights: weights, lsaDimensions: Int(dimensions), fitting: fitting,
                  crossValidatedNDCG: try number("crossValidatedNDCG10"), testNDCG: try number("testNDCG10"),
                  testTextOnlyNDCG: try number("testTextOnlyNDCG10"))
    }

    /// Reads a weights file.
    ///
    /// - Throws: `DuijieError` naming the file and what is wrong with it.
    public static func load(_ path: String) throws(DuijieError) -> DocumentWeights {
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        return try DocumentWeights(parsing: String(decoding: bytes, as: UTF8.self), fileName: path)
    }

    /// The configuration the weights need: `expandedDocuments` when the expanded query or word
    /// BM25 has a weight, else `documents` (which computes less).
    public var configuration: RankingConfiguration {
        weights.features.feedback > 0 || weights.features.words > 0 ? .expandedDocuments : .documents
    }

    /// The file's text.
    public var text: String {
        JSONWriter.string(.object([
            ("suite", .string(suite)), ("fitting", fitting), ("lsaDimensions", .number(Double(lsaDimensions))),
            ("weights", weights.jsonValue(features: configuration.features)),
            ("crossValidatedNDCG10", .number(crossValidatedNDCG)), ("testNDCG10", .number(testNDCG)),
            ("testTextOnlyNDCG10", .number(testTextOnlyNDCG)),
        ])) + "\n"
    }
}
