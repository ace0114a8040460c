import DuijieEvaluation
@testable import DuijieRanking
import DuijieTestSupport
import Testing

/// Learning weights from a centre's outcomes (`duijie learn`), on simulated histories whose
/// hidden preference is known (see `SimulatedOutcomes`).
@Suite struct FeedbackLearningTests {
    static func qrels(_ outcomes: [SimulatedOutcomes.Outcome]) -> Qrels {
        var qrels = Qrels()
        for outcome in outcomes { qrels.setGrade(outcome.grade, query: outcome.demand, document: outcome.achievement) }
        return qrels
    }

    @Test func learningRecoversAHiddenPreferenceForNearbySuppliers() {
        let recommender = DemoRecommender.shared.recommender
        let history = SimulatedOutcomes.history(recommender, demands: 60, preferringNearby: true)
        let shipped = RecommendationWeights.defaults(for: .achievement)
        let outcome = FeedbackLearning.learn(recommender, qrels: Self.qrels(history), target: .achievement, current: shipped)
        #expect(outcome.queries == 60 && outcome.folds == 5)
        // The clients' value weighs region; the shipped weights do not, so they rank the
        // signed supplier lower than learned weights do on queries those weights never saw.
        #expect(shipped.features.region == 0 && outcome.learned.features.region > 0.1, "\(outcome.learned)")
        #expect(outcome.heldOutNDCG.mean > outcome.currentNDCG.mean + 0.05, "\(outcome.heldOutNDCG) vs \(outcome.currentNDCG)")
        #expect(outcome.isBetter && outcome.difference.lower > 0 && outcome.pValue < 0.01)
        // The intervals hold their means.
        for estimate in [outcome.currentNDCG, outcome.heldOutNDCG, outcome.difference] {
            #expect(estimate.lower <= estimate.mean && estimate.mean <= estimate.upper)
        }
    }

    @Test func outcomesNoWeightingPredictsAreNotAdopted() {
        let recommender = DemoRecommender.shared.recommender
        let history = SimulatedOutcomes.history(recommender, demands: 60, preferringNearby: false)
        let outcome = FeedbackLearning.learn(recommender, qrels: Self.qrels(history), target: .achievement,
                                             current: .defaults(for: .achievement))
        // Weights fitted on four folds of noise rank the fifth no better than the shipped ones.
        #expect(!outcome.isBetter, "\(outcome.difference)")
        #expect(outcome.difference.lower <= 0)
    }

    @Test func tooFewJudgedQueriesChangeNothing() {
        let recommender = DemoRecommender.shared.recommender
        let history = SimulatedOutcomes.history(recommender, demands: 6, preferringNearby: true)
        let shipped = RecommendationWeights.defaults(for: .achievement)
        let outcome = FeedbackLearning.learn(recommender, qrels: Self.qrels(history), target: .achievement, current: shipped)
        #expect(outcome.queries == 6 && outcome.folds == 0 && !outcome.isBetter)
        #expect(outcome.learned == shipped)
        // Without cross-validation the "held-out" scores are the current ones: no difference.
        #expect(outcome.difference.mean == 0 && outcome.heldOutNDCG == outcome.currentNDCG)
    }

    @Test func coordinateAscentFromStartingWeightsNeverEndsWorse() {
        // Objective by hand: maximal at (0.25, 0.75); started there it must stay.
        let objective = { (weights: [Float]) in -Double(abs(weights[0] - 0.25) + abs(weights[1] - 0.75)) }
        let (weights, value) = CoordinateAscent.maximize(count: 2, start: [1, 3], objective)
        #expect(weights == [0.25, 0.75] && value == 0)
    }

    @Test func theBootstrapIntervalOfConstantsIsTheConstant() {
        let interval = Significance.bootstrapInterval(of: [0.4, 0.4, 0.4])
        #expect(abs(interval.lower - 0.4) < 1e-12 && abs(interval.upper - 0.4) < 1e-12)
        #expect(Significance.bootstrapInterval(of: []) == (0, 0))
    }
}
