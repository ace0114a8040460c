import DuijieMatching

/// Turns chosen pairs into a scheduled `EventPlan`, with the reasons for what fell short.
enum EventScheduling {
    static func schedule(context: EventContext, meetings chosen: [(d: Int, s: Int)], fixed: [(d: Int, s: Int, lock: Event.LockedMeeting?)],
                         vetoes: (neverMeet: Int, sameOrganization: Int, noCommonSlot: Int), minimumScore: Float) -> EventPlan {
        let event = context.event
        let scores = context.scores
        let demandCount = scores.demandIDs.count
        let participantIDs = scores.demandIDs + scores.supplyIDs
        let everyoneAvailable = participantIDs.allSatisfy { context.participant($0).availability.isEmpty }
        let availability: [[Bool]] = everyoneAvailable ? [] : participantIDs.map { id in
            let slots = Set(context.availableSlots(context.participant(id)))
            return event.slots.indices.map { slots.contains($0) }
        }
        var locked: [Int: MeetingScheduler.Placement] = [:]
        for (index, pair) in fixed.enumerated() {
            if let lock = pair.lock, let slot = context.slotIndex[lock.slot] { locked[index] = .init(slot: slot, table: lock.table - 1) }
        }
        let problem = MeetingScheduler.Problem(
            participantCount: participantIDs.count, tables: event.slots.map(\.tables), availability: availability,
            meetings: chosen.map { .init(first: $0.d, second: demandCount + $0.s) }, locked: locked)
        let schedule = MeetingScheduler.schedule(problem)

        let meetings = chosen.enumerated().map { index, pair in
            let placement = schedule.placements[index]
            let demand = context.participant(scores.demandIDs[pair.d]), supply = context.participant(scores.supplyIDs[pair.s])
            let requestedBy = (demand.wantToMeet.contains(supply.id) ? [Event.Side.demand] : []) + (supply.wantToMeet.contains(demand.id) ? [.supply] : [])
            return EventPlan.Meeting(
                demand: demand.id, supply: supply.id,
                demandScore: scores.demandScores[pair.d][pair.s], supplyScore: scores.supplyScores[pair.d][pair.s],
                score: scores.reciprocal(pair.d, pair.s), isMustMeet: demand.mustMeet.contains(supply.id) || supply.mustMeet.contains(demand.id),
                requestedBy: requestedBy, isLocked: locked[index] != nil,
                slot: placement.map { event.slots[$0.slot].id }, table: placement.map { $0.table + 1 })
        }
        let order = meetings.indices.sorted { a, b in
            let x = schedule.placements[a], y = schedule.placements[b]
            return (x?.slot ?? Int.max, x?.table ?? Int.max, a) < (y?.slot ?? Int.max, y?.table ?? Int.max, b)
        }
        let unplaced = schedule.unplaced.map { entry in
            EventPlan.Unplaced(meeting: meetings[entry.meeting], reason: reasonText(entry.reason))
        }
        let fixedPairs = Set(fixed.map { [$0.d, $0.s] })
        let quality = ScoreQuality(context: context, fixedPairs: fixedPairs, minimumScore: minimumScore)
        return EventPlan(event: event, meetings: order.map { meetings[$0] },
                         shortfalls: shortfalls(context: context, meetings: meetings, fixedPairs: fixedPairs, minimumScore: minimumScore),
                         unmetRequests: unmetRequests(context: context, meetings: meetings),
                         unplaced: unplaced, vetoes: vetoes, idleGaps: schedule.idleGaps, usedEdgeColoring: schedule.usedEdgeColoring,
                         minimumScore: minimumScore, bestScore: quality.best, withoutGoodPartners: quality.withoutGoodPartners)
    }

    /// Every request that is not a scheduled meeting, with the first reason that explains it.
    static func unmetRequests(context: EventContext, meetings: [EventPlan.Meeting]) -> [EventPlan.UnmetRequest] {
        var paired = Set<[String]>(), placed = Set<[String]>()
        var count: [String: Int] = [:]
        for meeting in meetings {
            paired.insert([meeting.demand, meeting.supply])
            if meeting.slot != nil { placed.insert([meeting.demand, meeting.supply]) }
            count[meeting.demand, default: 0] += 1
            count[meeting.supply, default: 0] += 1
        }
        func isFull(_ participant: Event.Participant) -> Bool {
            (count[participant.id] ?? 0) >= context.meetingCapacity(of: participant)
        }
        let tables = context.event.slots.reduce(0) { $0 + $1.tables }
        var result: [EventPlan.UnmetRequest] = []
        for asker in context.event.participants {
            for other in asker.wantToMeet {
                let partner = context.participant(other)
                let key = asker.side == .demand ? [asker.id, other] : [other, asker.id]
                guard !placed.contains(key), let d = context.demandIndex[key[0]], let s = context.supplyIndex[key[1]] else { continue }
                let reason: EventPlan.UnmetReason
                switch context.veto(d, s) {
                case .neverMeet: reason = .declined
                case .sameOrganization: reason = .sameOrganization
                case .noCommonSlot: reason = .noCommonSlot
                case nil:
                    if paired.contains(key) { reason = .unscheduled }
                    else if isFull(asker) { reason = .askerFull }
                    else if isFull(partner) { reason = .partnerFull }
                    else if meetings.count >= tables { reason = .tablesFull }
                    else { reason = .outweighed }
                }
                result.append(.init(from: asker.id, to: other, reason: reason))
            }
        }
        return result
    }

    /// How good the eligible pairs' scores are: the best one, and who has no partner worth
    /// proposing.
    struct ScoreQuality {
        var best: Float = 0
        var withoutGoodPartners: [String] = []

        init(context: EventContext, fixedPairs: Set<[Int]>, minimumScore: Float) {
            let scores = context.scores
            var demandHasOne = [Bool](repeating: false, count: scores.demandIDs.count)
            var supplyHasOne = [Bool](repeating: false, count: scores.supplyIDs.count)
            for d in scores.demandIDs.indices {
                for s in scores.supplyIDs.indices {
                    let fixed = fixedPairs.contains([d, s])
                    guard fixed || context.veto(d, s) == nil else { continue }
                    let score = scores.reciprocal(d, s)
                    best = max(best, score)
                    if fixed || (score > 0 && score >= minimumScore) { demandHasOne[d] = true; supplyHasOne[s] = true }
                }
            }
            withoutGoodPartners = context.event.participants.map(\.id).filter { id in
                if let d = context.demandIndex[id] { return !demandHasOne[d] }
                if let s = context.supplyIndex[id] { return !supplyHasOne[s] }
                return false
            }
        }
    }

    static func reasonText(_ reason: MeetingScheduler.UnplacedReason) -> String {
        switch reason {
        case .noCommonSlot: return "no slot both can attend"
        case .noFreeSlot: return "in every slot both can attend, one of them is busy or every table is taken"
        case .invalidLock: return "the lock's slot or table is taken, unavailable or does not exist"
        }
    }

    /// Every participant below its minimum, with the reason that explains it: meetings without
    /// a slot, too few slots, too few eligible partners, too few scoring above the minimum
    /// score, partners all at their maximums, no table left, or (what remains) the minimums of
    /// others.
    static func shortfalls(context: EventContext, meetings: [EventPlan.Meeting], fixedPairs: Set<[Int]>, minimumScore: Float) -> [EventPlan.Shortfall] {
        let scores = context.scores
        var placed: [String: Int] = [:]
        var paired: [String: Int] = [:]
        var partners: [String: Set<String>] = [:]
        for meeting in meetings {
            paired[meeting.demand, default: 0] += 1
            paired[meeting.supply, default: 0] += 1
            partners[meeting.demand, default: []].insert(meeting.supply)
            partners[meeting.supply, default: []].insert(meeting.demand)
            if meeting.slot != nil { placed[meeting.demand, default: 0] += 1; placed[meeting.supply, default: 0] += 1 }
        }
        /// Whether a participant has as many meetings as it may have.
        func isFull(_ participant: Event.Participant) -> Bool {
            (paired[participant.id] ?? 0) >= context.meetingCapacity(of: participant)
        }
        let tables = context.event.slots.reduce(0) { $0 + $1.tables }
        var result: [EventPlan.Shortfall] = []
        for participant in context.event.participants {
            let count = placed[participant.id] ?? 0
            guard count < participant.minimumMeetings else { continue }
            var vetoCounts = (never: 0, organization: 0, slot: 0)
            var eligible = 0
            var proposable: [String] = []  // eligible and scoring at least the minimum (or fixed)
            let others: [(d: Int, s: Int, id: String)]
            if participant.side == .demand, let d = context.demandIndex[participant.id] {
                others = scores.supplyIDs.indices.map { (d, $0, scores.supplyIDs[$0]) }
            } else if let s = context.supplyIndex[participant.id] {
                others = scores.demandIDs.indices.map { ($0, s, scores.demandIDs[$0]) }
            } else {
                others = []
            }
            for other in others {
                let veto = context.veto(other.d, other.s)
                tally(veto, &vetoCounts, &eligible)
                if veto == nil && (fixedPairs.contains([other.d, other.s]) || scores.reciprocal(other.d, other.s) >= minimumScore) {
                    proposable.append(other.id)
                }
            }
            let slots = context.availableSlots(participant).count
            let reason: EventPlan.ShortfallReason
            if (paired[participant.id] ?? 0) > count {
                reason = .unscheduled((paired[participant.id] ?? 0) - count)
            } else if slots < participant.minimumMeetings {
                reason = .fewSlots(slots)
            } else if eligible < participant.minimumMeetings {
                reason = .fewEligiblePartners(eligible: eligible, neverMeet: vetoCounts.never, sameOrganization: vetoCounts.organization, noCommonSlot: vetoCounts.slot)
            } else if proposable.count < participant.minimumMeetings {
                reason = .belowMinimumScore(eligible: eligible, aboveThreshold: proposable.count, threshold: minimumScore)
            } else if meetings.count >= tables {
                reason = .tablesFull(tables: tables)
            } else if proposable.allSatisfy({ partners[participant.id]?.contains($0) == true || isFull(context.participant($0)) }) {
                reason = .partnersFull(eligible: proposable.count)
            } else {
                reason = .otherMinimums
            }
            result.append(.init(participant: participant.id, meetings: count, minimum: participant.minimumMeetings, reason: reason))
        }
        return result
    }

    private static func tally(_ veto: EventContext.Veto?, _ counts: inout (never: Int, organization: Int, slot: Int), _ eligible: inout Int) {
        switch veto {
        case .neverMeet: counts.never += 1
        case .sameOrganization: counts.organization += 1
        case .noCommonSlot: counts.slot += 1
        case nil: eligible += 1
        }
    }
}
