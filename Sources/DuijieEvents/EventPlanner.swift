import DuijieCorpus
import DuijieMatching
import DuijieRanking

/// Pairs and schedules an event.
///
/// 1. Eligibility: a pair is out when either side lists the other as never-meet, when both
///    belong to one organization (conflict of interest; a must-meet overrides this), or when
///    they share no available slot.
/// 2. Fixed meetings first: locked meetings, must-meet pairs and the mutual requests that fit
///    (`EventRequests`), counted against both sides' limits.
/// 3. The other meetings: the maximum-score b-matching (`CapacitatedMatching`, exact, by
///    minimum-cost flow) on reciprocal scores scaled to integers (score × 10⁶, rounded; one
///    point more for a one-sided request), at or above the minimum score unless requested, within
///    each participant's maximum (capped by its available slots), serving every minimum first
///    when that is feasible.
/// 4. The schedule (`MeetingScheduler`), then the reasons for every shortfall and unplaced meeting.
public enum EventPlanner {
    /// Options.
    public struct Options: Sendable {
        /// The default minimum score, 0.1: below it a pair is filler, not a match. On the
        /// demo's judgments (322 demand → achievement and demand → expert pairs graded 2 or 3),
        /// no relevant pair scores below 0.15 in the recommender, so 0.1 loses none of them,
        /// while quotas are no longer filled with pairs such as 0.047 or 0.025 (docs/cli.md,
        /// "Minimum score").
        public static let defaultMinimumScore: Float = 0.1

        /// Pairs whose reciprocal score is below this are not proposed (must-meets, locks and
        /// requests are kept). 0 proposes any eligible pair, though a pair scoring 0 only
        /// serves minimums.
        public var minimumScore: Float

        /// When replanning: the participants whose agendas change anyway (they lost a meeting,
        /// or had none). New meetings are proposed only with at least one of them, and a pair of
        /// two of them counts one point more (`EventReplanner`); `nil` plans from scratch.
        public var changing: Set<String>?

        /// Options; by default the minimum score is `defaultMinimumScore`.
        public init(minimumScore: Float = Options.defaultMinimumScore, changing: Set<String>? = nil) {
            self.minimumScore = minimumScore
            self.changing = changing
        }
    }

    /// Pairs and schedules `event` with the given pair scores.
    public static func plan(_ event: Event, scores: PairScores, corpus: Corpus? = nil, options: Options = .init()) -> EventPlan {
        let context = EventContext(event: event, scores: scores, corpus: corpus)
        let requests = EventRequests(context: context, changing: options.changing)
        let fixed = fixedMeetings(context, requests: requests)
        let input = matchingInput(context: context, fixed: fixed, options: options, requests: requests)
        let matching = CapacitatedMatching(left: input.left, right: input.right, pairs: input.pairs, totalLimit: input.totalLimit)
        let pairs = input.pairs
        let vetoes = input.vetoes
        let chosen = fixed.map { ($0.d, $0.s) } + matching.chosen.map { (pairs[$0].left, pairs[$0].right) }
        return EventScheduling.schedule(context: context, meetings: chosen, fixed: fixed, vetoes: vetoes, minimumScore: options.minimumScore)
    }

    /// Locks, then must-meets, then the mutual requests that fit, once per pair.
    static func fixedMeetings(_ context: EventContext, requests: EventRequests) -> [(d: Int, s: Int, lock: Event.LockedMeeting?)] {
        let fixed = locksAndMustMeets(context)
        return fixed + requests.mutualMeetings(context, fixed: fixed).map { ($0.d, $0.s, nil) }
    }

    /// Locks, then must-meets, once per pair.
    static func locksAndMustMeets(_ context: EventContext) -> [(d: Int, s: Int, lock: Event.LockedMeeting?)] {
        let scores = context.scores
        var fixed: [(d: Int, s: Int, lock: Event.LockedMeeting?)] = []
        var fixedPairs = Set<[Int]>()
        for lock in context.event.locked {
            guard let d = context.demandIndex[lock.demand], let s = context.supplyIndex[lock.supply], fixedPairs.insert([d, s]).inserted else { continue }
            fixed.append((d, s, lock))
        }
        for (d, id) in scores.demandIDs.enumerated() {
            for other in context.participant(id).mustMeet { if let s = context.supplyIndex[other], fixedPairs.insert([d, s]).inserted { fixed.append((d, s, nil)) } }
        }
        for (s, id) in scores.supplyIDs.enumerated() {
            for other in context.participant(id).mustMeet { if let d = context.demandIndex[other], fixedPairs.insert([d, s]).inserted { fixed.append((d, s, nil)) } }
        }
        return fixed
    }

    /// The b-matching the event asks for once its fixed meetings are counted: bounds per
    /// participant, the eligible pairs with integer weights, and the limit of all tables.
    static func matchingInput(context: EventContext, fixed: [(d: Int, s: Int, lock: Event.LockedMeeting?)], options: Options, requests: EventRequests)
        -> (left: [CapacitatedMatching.Bounds], right: [CapacitatedMatching.Bounds], pairs: [CapacitatedMatching.Pair], totalLimit: Int,
            vetoes: (neverMeet: Int, sameOrganization: Int, noCommonSlot: Int)) {
        let scores = context.scores
        let demandCount = scores.demandIDs.count
        let fixedPairs = Set(fixed.map { [$0.d, $0.s] })
        var fixedCount = [Int](repeating: 0, count: demandCount + scores.supplyIDs.count)
        for pair in fixed { fixedCount[pair.d] += 1; fixedCount[demandCount + pair.s] += 1 }

        var pairs: [CapacitatedMatching.Pair] = []
        var vetoes = (neverMeet: 0, sameOrganization: 0, noCommonSlot: 0)
        for d in 0..<demandCount {
            for s in scores.supplyIDs.indices where !fixedPairs.contains([d, s]) {
                switch context.veto(d, s) {
                case .neverMeet: vetoes.neverMeet += 1; continue
                case .sameOrganization: vetoes.sameOrganization += 1; continue
                case .noCommonSlot: vetoes.noCommonSlot += 1; continue
                case nil: break
                }
                let score = scores.reciprocal(d, s)
                guard score >= options.minimumScore || requests.isRequested(d, s) else { continue }
                var weight = requests.weight(d, s, score: score)
                if let changing = options.changing {
                    // Replanning: no new meeting between two untouched agendas; one more point
                    // when both agendas change anyway.
                    let touched = [scores.demandIDs[d], scores.supplyIDs[s]].filter { changing.contains($0) }.count
                    if touched == 0 { continue }
                    if touched == 2 { weight += 1_000_000 }
                }
                pairs.append(.init(left: d, right: s, weight: weight))
            }
        }
        func bounds(_ participant: Event.Participant, _ index: Int) -> CapacitatedMatching.Bounds {
            let maximum = context.meetingCapacity(of: participant)
            return .init(minimum: participant.minimumMeetings - fixedCount[index], maximum: maximum - fixedCount[index])
        }
        return (scores.demandIDs.enumerated().map { bounds(context.participant($1), $0) },
                scores.supplyIDs.enumerated().map { bounds(context.participant($1), demandCount + $0) },
                pairs, max(0, context.event.slots.reduce(0) { $0 + $1.tables } - fixed.count), vetoes)
    }

    /// The b-matching `plan` solves for an event, once its locks and must-meets are counted:
    /// each participant's remaining bounds, the eligible pairs with their integer weights, and
    /// the tables left in all slots (for checking against another solver).
    public struct PairingProblem: Sendable {
        /// Bounds of the demand-side participants, in event order.
        public let demand: [CapacitatedMatching.Bounds]
        /// Bounds of the supply-side participants, in event order.
        public let supply: [CapacitatedMatching.Bounds]
        /// The eligible pairs (demand index, supply index, weight).
        public let pairs: [CapacitatedMatching.Pair]
        /// At most this many meetings in all.
        public let totalLimit: Int
    }

    /// The pairing problem of `event` with the given scores, exactly as `plan` builds it.
    public static func pairingProblem(_ event: Event, scores: PairScores, corpus: Corpus? = nil, options: Options = .init()) -> PairingProblem {
        let context = EventContext(event: event, scores: scores, corpus: corpus)
        let requests = EventRequests(context: context, changing: options.changing)
        let input = matchingInput(context: context, fixed: fixedMeetings(context, requests: requests), options: options, requests: requests)
        return PairingProblem(demand: input.left, supply: input.right, pairs: input.pairs, totalLimit: input.totalLimit)
    }

    /// A reciprocal score as the integer weight the pairing maximizes: score × 10⁶, rounded.
    public static func weight(of score: Float) -> Int64 {
        Int64((Double(score) * 1_000_000).rounded())
    }

    /// Scores the pairs with the recommender, then pairs and schedules.
    public static func plan(_ event: Event, recommender: Recommender, options: Options = .init()) -> EventPlan {
        plan(event, scores: PairScores(event: event, recommender: recommender), corpus: recommender.corpus, options: options)
    }
}

/// What the planner knows about an event's participants: indexes, slots, organizations.
struct EventContext {
    let event: Event
    let scores: PairScores
    let demandIndex: [String: Int]
    let supplyIndex: [String: Int]
    private let byID: [String: Event.Participant]
    private let organizations: [String: String]
    let slotIndex: [String: Int]
    /// Each participant's available slots as a bit set (64 slots per word).
    private let slotMasks: [String: [UInt64]]

    enum Veto { case neverMeet, sameOrganization, noCommonSlot }

    init(event: Event, scores: PairScores, corpus: Corpus?) {
        self.event = event
        self.scores = scores
        demandIndex = Dictionary(scores.demandIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        supplyIndex = Dictionary(scores.supplyIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        byID = Dictionary(event.participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        slotIndex = Dictionary(event.slots.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var organizations: [String: String] = [:]
        for participant in event.participants {
            if let organization = participant.organization ?? participant.records.first.flatMap({ Self.organization(of: $0, corpus) }) {
                organizations[participant.id] = organization
            }
        }
        self.organizations = organizations
        let words = (event.slots.count + 63) / 64
        var masks: [String: [UInt64]] = [:]
        let slotIndex = self.slotIndex
        for participant in event.participants {
            var mask = [UInt64](repeating: 0, count: words)
            let slots = participant.availability.isEmpty ? Array(event.slots.indices) : participant.availability.compactMap { slotIndex[$0] }
            for slot in slots { mask[slot / 64] |= 1 << UInt64(slot % 64) }
            masks[participant.id] = mask
        }
        slotMasks = masks
    }

    func participant(_ id: String) -> Event.Participant { byID[id]! }

    /// The organization a record belongs to: a demand's enterprise, an achievement's owner, an
    /// expert's institution; an enterprise or institution is its own.
    static func organization(of record: String, _ corpus: Corpus?) -> String? {
        guard let corpus else { return nil }
        switch corpus.kind(of: record) {
        case .demand: return corpus.demand(record)?.enterprise
        case .achievement: return corpus.achievement(record)?.owner
        case .expert: return corpus.expert(record)?.institution
        case .enterprise, .institution: return record
        default: return nil
        }
    }

    /// The most meetings a participant can have: its maximum, or the slots it can attend.
    func meetingCapacity(of participant: Event.Participant) -> Int {
        min(participant.maximumMeetings, availableSlots(participant).count)
    }

    /// The slot indexes a participant can attend.
    func availableSlots(_ participant: Event.Participant) -> [Int] {
        participant.availability.isEmpty ? Array(event.slots.indices) : participant.availability.compactMap { slotIndex[$0] }.sorted()
    }

    func veto(_ d: Int, _ s: Int) -> Veto? {
        let a = participant(scores.demandIDs[d])
        let b = participant(scores.supplyIDs[s])
        if a.neverMeet.contains(b.id) || b.neverMeet.contains(a.id) { return .neverMeet }
        if let organization = organizations[a.id], organization == organizations[b.id] { return .sameOrganization }
        if !zip(slotMasks[a.id]!, slotMasks[b.id]!).contains(where: { $0 & $1 != 0 }) { return .noCommonSlot }
        return nil
    }
}
