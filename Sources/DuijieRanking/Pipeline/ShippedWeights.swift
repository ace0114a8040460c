import DuijieBase
import DuijieCorpus
import DuijieJSON

/// The recommender's weights file: for each direction (demand → achievement, expert,
/// institution; achievement → demand, enterprise), the weights cross-validation fitted and what
/// they reached, with how they were fitted. `Corpus/weights/recommender.json` is the file;
/// `ShippedWeights.fileText` is the same bytes compiled in, so an installed `duijie` needs no
/// file beside it (a test keeps the two equal).
public struct WeightsFile: Sendable {
    /// One direction's fitted weights and what they reached.
    public struct Entry: Sendable, Equatable {
        /// The kind of record the queries are.
        public let source: String
        /// What is recommended.
        public let target: RecommendationTarget
        /// The weights.
        public let weights: RecommendationWeights
        /// Mean nDCG@10 of held-out sources under cross-validation.
        public let crossValidatedNDCG: Double
        /// Mean nDCG@10 of text similarity alone over the same sources.
        public let textOnlyNDCG: Double
        /// The judged sources.
        public let queries: Int

        /// An entry from a cross-validation.
        public init(source: String, target: RecommendationTarget, weights: RecommendationWeights, crossValidatedNDCG: Double,
                    textOnlyNDCG: Double, queries: Int) {
            self.source = source
            self.target = target
            self.weights = weights
            self.crossValidatedNDCG = crossValidatedNDCG
            self.textOnlyNDCG = textOnlyNDCG
            self.queries = queries
        }
    }

    /// How the weights were fitted (judgments, folds, seed, the command that wrote the file), as
    /// written.
    public let fitting: JSONValue
    /// One entry per target.
    public let entries: [Entry]

    /// A file's contents.
    public init(fitting: JSONValue, entries: [Entry]) {
        self.fitting = fitting
        self.entries = entries
    }

    /// Reads a weights file's text.
    ///
    /// - Throws: `DuijieError` naming the file and the field that is missing or wrong.
    public init(parsing text: String, fileName: String) throws(DuijieError) {
        guard let document = try? JSONParser.parse(text) else { throw DuijieError(.invalidInput, "\(fileName): not a JSON document") }
        guard let fitting = document["fitting"], case .array(let targets)? = document["targets"] else {
            throw DuijieError(.invalidInput, "\(fileName): expected an object with \"fitting\" and a \"targets\" list")
        }
        var entries: [Entry] = []
        for (position, item) in targets.enumerated() {
            let place = "\(fileName): targets[\(position)]"
            func number(_ value: JSONValue?, _ field: String) throws(DuijieError) -> Double {
                guard case .number(let number)? = value, number.isFinite else { throw DuijieError(.invalidInput, "\(place): \(field) must be a number") }
                return number
            }
            guard case .string(let source)? = item["source"] else { throw DuijieError(.invalidInput, "\(place): source must be a string") }
            guard case .string(let name)? = item["target"], let target = RecommendationTarget(rawValue: name) else {
                throw DuijieError(.invalidInput, "\(place): target must be one of \(RecommendationTarget.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let weights = try RecommendationWeights(json: item["weights"], place: place)
            entries.append(Entry(source: source, target: target, weights: weights,
                                 crossValidatedNDCG: try number(item["crossValidatedNDCG10"], "crossValidatedNDCG10"),
                                 textOnlyNDCG: try number(item["textOnlyNDCG10"], "textOnlyNDCG10"),
                                 queries: Int(try number(item["queries"], "queries"))))
        }
        for target in RecommendationTarget.allCases where !entries.contains(where: { $0.target == target }) {
            throw DuijieError(.invalidInput, "\(fileName): no weights for target \(target.rawValue)")
        }
        self.init(fitting: fitting, entries: entries)
    }

    /// The file's text: the fitting, then one line per target.
    public var text: String {
        let lines = entries.map { entry in
            JSONWriter.string(.object([
                ("source", .string(entry.source)), ("target", .string(entry.target.rawValue)),
                ("weights", entry.weights.jsonValue(features: RankingConfiguration.recommender.features)),
                ("crossValidatedNDCG10", .number(entry.crossValidatedNDCG)), ("textOnlyNDCG10", .number(entry.textOnlyNDCG)),
                ("queries", .number(Double(entry.queries))),
            ]))
        }
        return "{\n\"fitting\": " + JSONWriter.string(fitting) + ",\n\"targets\": [\n" + lines.joined(separator: ",\n") + "\n]\n}\n"
    }

    /// The entry for a target.
    public func entry(for target: RecommendationTarget) -> Entry? { entries.first { $0.target == target } }
}

/// The weights `duijie` ships, compiled in from `Corpus/weights/recommender.json`.
enum ShippedWeights {
    /// The shipped file, parsed once.
    static let file: WeightsFile = {
        do { return try WeightsFile(parsing: fileText, fileName: "recommender.json (compiled in)") } catch {
            preconditionFailure("the compiled-in weights do not parse: \(error)")
        }
    }()
}
