import DuijieMatching

/// Participants' requests to meet (`wantToMeet`), in the planner's terms.
///
/// How requests enter the objective (docs/cli.md, "Requests"):
/// 1. **Mutual requests first.** Pairs that asked for each other are chosen before anything
///    else but locks and must-meets: an exact b-matching over the mutual pairs within what is
///    left of everyone's maximum (all of them when they fit; by score when they do not).
/// 2. **One-sided requests** join the main b-matching with one point added to their score
///    (weight (score + 1) × 10⁶), so a request outweighs any unrequested pair the same
///    participant could have instead, and are proposed whatever the minimum score.
/// 3. A request is never a reason to break a rule: a no-thanks from the other side, one
///    organization on both sides, or no common slot keep the pair apart, and say so.
struct EventRequests {
    /// `[d, s]` pairs where both sides asked.
    let mutual: Set<[Int]>
    /// `[d, s]` pairs where exactly one side asked.
    let oneSided: Set<[Int]>
    /// When replanning: the participants whose agendas change anyway.
    let changing: Set<String>?

    /// The requests of `context`'s event; when replanning (`changing`), a mutual request is
    /// placed first only when one of its two agendas changes anyway.
    init(context: EventContext, changing: Set<String>? = nil) {
        self.changing = changing
        let scores = context.scores
        var mutual = Set<[Int]>(), oneSided = Set<[Int]>()
        for (d, id) in scores.demandIDs.enumerated() {
            let participant = context.participant(id)
            for (s, other) in scores.supplyIDs.enumerated() {
                let asks = participant.wantToMeet.contains(other)
                let asked = context.participant(other).wantToMeet.contains(id)
                if asks && asked { mutual.insert([d, s]) } else if asks || asked { oneSided.insert([d, s]) }
            }
        }
        self.mutual = mutual
        self.oneSided = oneSided
    }

    /// Whether either side asked.
    func isRequested(_ d: Int, _ s: Int) -> Bool { mutual.contains([d, s]) || oneSided.contains([d, s]) }

    /// Step 1: the mutual requests to place before the main pairing, given the fixed meetings.
    func mutualMeetings(_ context: EventContext, fixed: [(d: Int, s: Int, lock: Event.LockedMeeting?)]) -> [(d: Int, s: Int)] {
        let scores = context.scores
        let fixedPairs = Set(fixed.map { [$0.d, $0.s] })
        let candidates = mutual.filter { pair in
            let opensAgenda = changing.map { $0.contains(scores.demandIDs[pair[0]]) || $0.contains(scores.supplyIDs[pair[1]]) } ?? true
            return opensAgenda && !fixedPairs.contains(pair) && context.veto(pair[0], pair[1]) == nil
        }.sorted { $0.lexicographicallyPrecedes($1) }
        guard !candidates.isEmpty else { return [] }
        var used = [Int](repeating: 0, count: scores.demandIDs.count + scores.supplyIDs.count)
        for pair in fixed { used[pair.d] += 1; used[scores.demandIDs.count + pair.s] += 1 }
        func room(_ id: String, _ index: Int) -> CapacitatedMatching.Bounds {
            let participant = context.participant(id)
            return .init(minimum: 0, maximum: context.meetingCapacity(of: participant) - used[index])
        }
        let left = scores.demandIDs.enumerated().map { room($1, $0) }
        let right = scores.supplyIDs.enumerated().map { room($1, scores.demandIDs.count + $0) }
        let pairs = candidates.map { CapacitatedMatching.Pair(left: $0[0], right: $0[1], weight: 1_000_000 + EventPlanner.weight(of: scores.reciprocal($0[0], $0[1]))) }
        let tables = context.event.slots.reduce(0) { $0 + $1.tables }
        let matching = CapacitatedMatching(left: left, right: right, pairs: pairs, totalLimit: max(0, tables - fixed.count))
        return matching.chosen.map { (pairs[$0].left, pairs[$0].right) }
    }

    /// The weight of a pair in the main pairing: score × 10⁶, plus 10⁶ per side that asked.
    func weight(_ d: Int, _ s: Int, score: Float) -> Int64 {
        EventPlanner.weight(of: score) + (mutual.contains([d, s]) ? 2_000_000 : oneSided.contains([d, s]) ? 1_000_000 : 0)
    }
}
