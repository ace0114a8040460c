import DuijieBase
import DuijieJSON

extension RecommendationWeights {
    /// Reads a `weights` object of a weights file: feature name → non-negative weight. A feature
    /// left out weighs 0; an unknown name is an error (a misspelt weight must not vanish).
    ///
    /// - Parameter place: Where the object is (file and position), for messages.
    /// - Throws: `DuijieError` naming `place` and the field.
    public init(json: JSONValue?, place: String) throws(DuijieError) {
        guard case .object(let members)? = json else { throw DuijieError(.invalidInput, "\(place): weights must be an object") }
        var features = RankingFeatures()
        for (key, value) in members {
            guard let name = RankingFeatures.Name(rawValue: key) else {
                let known = RankingFeatures.Name.allCases.map(\.rawValue).joined(separator: ", ")
                throw DuijieError(.invalidInput, "\(place): weights.\(key) is not a feature (known: \(known))")
            }
            guard case .number(let number) = value, number.isFinite, number >= 0 else {
                throw DuijieError(.invalidInput, "\(place): weights.\(key) must be a non-negative number")
            }
            features[name] = Float(number)
        }
        self.init(features)
    }

    /// The weights of `features` as a JSON object, each printed as the shortest decimal of its
    /// Float (0.35, not 0.3499999940395355).
    public func jsonValue(features names: [RankingFeatures.Name]) -> JSONValue {
        .object(names.map { name in (name.rawValue, .number(Double(String(features[name]))!)) })
    }
}
