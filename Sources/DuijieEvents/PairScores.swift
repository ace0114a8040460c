import DuijieRanking
import DuijieText

/// Both directions' scores for every demand-side × supply-side pair of an event.
///
/// With a recommender (a corpus or an index), the demand side's score for a supply participant
/// is the best recommender score of any of its records as a candidate for any of the demand
/// participant's records (or profile text); the supply side's score for a demand participant
/// likewise, read the other way (RECON's reciprocal view, Pizzato et al. 2010). A participant
/// with only a profile text cannot be a candidate, so for it the other direction's score is
/// used for both. Two profile-only participants — and every pair when there is no corpus — are
/// scored by `ProfileSimilarity`: the cosine of their texts weighted by the event's own term
/// statistics, so the loaded corpus does not decide who meets whom.
public struct PairScores: Sendable {
    /// The demand-side participants' ids, in event order.
    public let demandIDs: [String]
    /// The supply-side participants' ids, in event order.
    public let supplyIDs: [String]
    /// `demandScores[d][s]`: how well supply `s` fits demand `d`.
    public let demandScores: [[Float]]
    /// `supplyScores[d][s]`: how well demand `d` fits supply `s`.
    public let supplyScores: [[Float]]

    /// Scores given directly (for tests and benchmarks).
    public init(demandIDs: [String], supplyIDs: [String], demandScores: [[Float]], supplyScores: [[Float]]) {
        precondition(demandScores.count == demandIDs.count && supplyScores.count == demandIDs.count)
        precondition(demandScores.allSatisfy { $0.count == supplyIDs.count } && supplyScores.allSatisfy { $0.count == supplyIDs.count })
        self.demandIDs = demandIDs
        self.supplyIDs = supplyIDs
        self.demandScores = demandScores
        self.supplyScores = supplyScores
    }

    /// Scores every pair with the recommender (profile-only pairs by their texts).
    public init(event: Event, recommender: Recommender) {
        self.init(event: event, recommender: recommender, analyzer: recommender.achievements.analyzer)
    }

    /// Scores every pair from the participants' profiles alone (no corpus): both directions
    /// are the cosine of the two texts, weighted by the event's own term statistics.
    public init(event: Event, analyzer: Analyzer) {
        self.init(event: event, recommender: nil, analyzer: analyzer)
    }

    private init(event: Event, recommender: Recommender?, analyzer: Analyzer) {
        let profiles = ProfileSimilarity(event: event, analyzer: analyzer, recordText: { recommender?.matchedText(of: $0) })
        guard let recommender else {
            let demand = event.participants.filter { $0.side == .demand }
            let supply = event.participants.filter { $0.side == .supply }
            let scores = demand.map { d in supply.map { s in profiles.similarity(d.id, s.id) } }
            self.init(demandIDs: demand.map(\.id), supplyIDs: supply.map(\.id), demandScores: scores, supplyScores: scores)
            return
        }
        let demand = event.participants.filter { $0.side == .demand }
        let supply = event.participants.filter { $0.side == .supply }
        func bestScores(from queries: [Event.Participant], to candidates: [Event.Participant]) -> [[Float]] {
            let records = Array(Set(candidates.flatMap(\.records))).sorted()
            return queries.map { query in
                var best: [String: Float] = [:]
                let lists = query.records.compactMap { recommender.scores(of: records, forRecord: $0) }
                    + (query.records.isEmpty ? [recommender.scores(of: records, forText: query.profile ?? "")] : [])
                for list in lists { for (record, score) in zip(records, list) { best[record] = max(best[record] ?? 0, score) } }
                return candidates.map { candidate in candidate.records.map { best[$0] ?? 0 }.max() ?? -1 }  // −1: profile only
            }
        }
        var forDemand = bestScores(from: demand, to: supply)
        let forSupply = bestScores(from: supply, to: demand)  // [s][d]
        var reverse = (0..<demand.count).map { d in (0..<supply.count).map { s in forSupply[s][d] } }
        for d in demand.indices {
            for s in supply.indices {
                switch (forDemand[d][s] < 0, reverse[d][s] < 0) {
                case (true, true):
                    let similarity = profiles.similarity(demand[d].id, supply[s].id)
                    forDemand[d][s] = similarity
                    reverse[d][s] = similarity
                case (true, false): forDemand[d][s] = reverse[d][s]
                case (false, true): reverse[d][s] = forDemand[d][s]
                case (false, false): break
                }
            }
        }
        self.init(demandIDs: demand.map(\.id), supplyIDs: supply.map(\.id), demandScores: forDemand, supplyScores: reverse)
    }

    /// The harmonic mean of the two directions (0 when either is 0).
    public func reciprocal(_ d: Int, _ s: Int) -> Float {
        let a = max(0, demandScores[d][s])
        let b = max(0, supplyScores[d][s])
        return a + b > 0 ? 2 * a * b / (a + b) : 0
    }
}
