/// The weights that fuse a candidate's features into its score.
public struct RecommendationWeights: Sendable, Equatable {
    /// One weight per feature.
    public var features: RankingFeatures

    /// Creates weights, one per feature.
    public init(_ features: RankingFeatures) { self.features = features }

    /// Creates weights from one value per feature, in `RankingFeatures.Name.allCases` order.
    public init(_ values: [Float]) { features = RankingFeatures(values: values) }

    /// The weights in `RankingFeatures.Name.allCases` order.
    public var values: [Float] { features.values }

    /// The shipped weights for a target: `Corpus/weights/recommender.json`, fitted by
    /// cross-validation on the demo corpus's judgments (`DuijieBench recommender --all`; the file
    /// says how, and what they reached).
    public static func defaults(for target: RecommendationTarget) -> RecommendationWeights {
        ShippedWeights.file.entry(for: target)!.weights
    }
}
