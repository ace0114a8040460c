import DuijieMatching

/// Turns chosen pairs into a scheduled `EventPlan`, with the reasons for what fell short.
enum EventScheduling {
    static func schedule(context: EventContext, meetings chosen: [(d: Int, s: Int)], fixed: [(d: Int, s: Int, lock: Event.LockedMeeting?)],
                         vetoes: (neverMeet: Int, sameOrganization: Int, noCommonSlot: Int)) -> EventPlan {
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

        let mustMeet = Set(fixed.filter { $0.lock == nil }.map { [$0.d, $0.s] })
        let meetings = chosen.enumerated().map { index, pair in
            let placement = schedule.placements[index]
            return EventPlan.Meeting(
                demand: scores.demandIDs[pair.d], supply: scores.supplyIDs[pair.s],
                demandScore: scores.demandScores[pair.d][pair.s], supplyScore: scores.supplyScores[pair.d][pair.s],
                score: scores.reciprocal(pair.d, pair.s), isMustMeet: mustMeet.contains([pair.d, pair.s]), isLocked: locked[index] != nil,
                slot: placement.map { event.slots[$0.slot].id }, table: placement.map { $0.table + 1 })
        }
        let order = meetings.indices.sorted { a, b in
            let x = schedule.placements[a], y = schedule.placements[b]
            return (x?.slot ?? Int.max, x?.table ?? Int.max, a) < (y?.slot ?? Int.max, y?.table ?? Int.max, b)
        }
        let unplaced = schedule.unplaced.map { entry in
            EventPlan.Unplaced(meeting: meetings[entry.meeting], reason: reasonText(entry.reason))
        }
        return EventPlan(event: event, meetings: order.map { meetings[$0] },
                         shortfalls: shortfalls(context: context, meetings: meetings, unplacedCount: schedule.unplaced.count),
                         unplaced: unplaced, vetoes: vetoes, idleGaps: schedule.idleGaps, usedEdgeColoring: schedule.usedEdgeColoring)
    }

    static func reasonText(_ reason: MeetingScheduler.UnplacedReason) -> String {
        switch reason {
        case .noCommonSlot: return "no slot both can attend"
        case .noFreeSlot: return "in every slot both can attend, one of them is busy or every table is taken"
        case .invalidLock: return "the lock's slot or table is taken, unavailable or does not exist"
        }
    }

    /// Every participant below its minimum, with the first reason that explains it.
    static func shortfalls(context: EventContext, meetings: [EventPlan.Meeting], unplacedCount: Int) -> [EventPlan.Shortfall] {
        let scores = context.scores
        var placed: [String: Int] = [:]
        var paired: [String: Int] = [:]
        for meeting in meetings {
            paired[meeting.demand, default: 0] += 1
            paired[meeting.supply, default: 0] += 1
            if meeting.slot != nil { placed[meeting.demand, default: 0] += 1; placed[meeting.supply, default: 0] += 1 }
        }
        var result: [EventPlan.Shortfall] = []
        for participant in context.event.participants {
            let count = placed[participant.id] ?? 0
            guard count < participant.minimumMeetings else { continue }
            let reason: EventPlan.ShortfallReason
            var vetoCounts = (never: 0, organization: 0, slot: 0)
            var eligible = 0
            if participant.side == .demand, let d = context.demandIndex[participant.id] {
                for s in scores.supplyIDs.indices { tally(context.veto(d, s), &vetoCounts, &eligible) }
            } else if let s = context.supplyIndex[participant.id] {
                for d in scores.demandIDs.indices { tally(context.veto(d, s), &vetoCounts, &eligible) }
            }
            let slots = context.availableSlots(participant).count
            if (paired[participant.id] ?? 0) > count {
                reason = .unscheduled((paired[participant.id] ?? 0) - count)
            } else if slots < participant.minimumMeetings {
                reason = .fewSlots(slots)
            } else if eligible < participant.minimumMeetings {
                reason = .fewEligiblePartners(eligible: eligible, neverMeet: vetoCounts.never, sameOrganization: vetoCounts.organization, noCommonSlot: vetoCounts.slot)
            } else {
                reason = .partnersFull(eligible: eligible)
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
