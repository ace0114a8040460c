import DuijieBase
import DuijieRanking

/// A simulated history of a centre's outcomes over the demo corpus, for testing that learning
/// from feedback recovers what the centre's clients prefer.
///
/// For each of the first `demands` demands (by id), a broker shortlists the top 20 achievements
/// of the shipped weights and follows every one up. The grades follow a **hidden preference**:
/// with `preferringNearby`, clients value a supplier by text similarity plus 0.6 × the region
/// relation (they want suppliers close by; the shipped demand → achievement weights give region
/// 0); the best by that value signs (3), the next two negotiate (2), the next three meet (1),
/// the rest end without a deal (0). Without it, the same grades are dealt by a seeded shuffle:
/// outcomes that no weighting of the features can predict.
public enum SimulatedOutcomes {
    /// One outcome: the demand, the achievement and the grade.
    public typealias Outcome = (demand: String, achievement: String, grade: Int)

    /// Outcomes for the first `demands` demands of `recommender`'s corpus.
    public static func history(_ recommender: Recommender, demands: Int, preferringNearby: Bool, seed: UInt64 = 11) -> [Outcome] {
        let grades = [3, 2, 2, 1, 1, 1] + [Int](repeating: 0, count: 14)
        var generator = SplitMix64(seed: seed)
        return recommender.corpus.demands.map(\.id).sorted().prefix(demands).flatMap { demand -> [Outcome] in
            let shortlist = recommender.recommend(demand: demand, target: .achievement, top: 20) ?? []
            var ordered = shortlist
            if preferringNearby {
                let value = { (result: Recommendation) in result.features.text + 0.6 * result.features.region }
                ordered = shortlist.enumerated().sorted { (value($0.element), -$0.offset) > (value($1.element), -$1.offset) }.map(\.element)
            } else {
                ordered.seededShuffle(using: &generator)
            }
            return zip(ordered, grades).map { (demand, $0.id, $1) }
        }
    }
}
