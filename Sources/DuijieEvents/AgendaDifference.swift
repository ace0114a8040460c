/// The difference between a published schedule and a new plan, agenda by agenda.
enum AgendaDifference {
    /// Every participant's removed, added and moved meetings, in event order, then by time.
    static func changes(event: Event, published: [EventReplanner.PublishedMeeting], plan: EventPlan,
                        dropped: [(meeting: EventReplanner.PublishedMeeting, reason: EventReplanner.DropReason)]) -> [EventReplanner.AgendaChange] {
        let slots = Dictionary(event.slots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let slotOrder = Dictionary(event.slots.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let reasons = Dictionary(dropped.map { ([$0.meeting.demand, $0.meeting.supply], $0.reason) }, uniquingKeysWith: { first, _ in first })
        var before: [String: [String: EventReplanner.PublishedMeeting]] = [:]
        for meeting in published {
            before[meeting.demand, default: [:]][meeting.supply] = meeting
            before[meeting.supply, default: [:]][meeting.demand] = meeting
        }
        var result: [EventReplanner.AgendaChange] = []
        for participant in event.participants {
            var after: [String: EventReplanner.PublishedMeeting] = [:]
            for meeting in plan.agenda(of: participant.id) {
                guard let id = meeting.slot, let table = meeting.table else { continue }
                let partner = meeting.demand == participant.id ? meeting.supply : meeting.demand
                after[partner] = .init(demand: meeting.demand, supply: meeting.supply, slot: id, table: table, start: slots[id]?.start, end: slots[id]?.end)
            }
            let previous = before[participant.id] ?? [:]
            var changes: [EventReplanner.AgendaChange] = []
            for (partner, old) in previous {
                let key = [old.demand, old.supply]
                if let new = after[partner] {
                    if new.slot != old.slot || new.table != old.table || (old.start.map { $0 != new.start } ?? false) || (old.end.map { $0 != new.end } ?? false) {
                        changes.append(.init(participant: participant.id, kind: .moved, partner: partner, before: old, after: new, reason: reasons[key]))
                    }
                } else {
                    changes.append(.init(participant: participant.id, kind: .removed, partner: partner, before: old, after: nil, reason: reasons[key]))
                }
            }
            for (partner, new) in after where previous[partner] == nil {
                changes.append(.init(participant: participant.id, kind: .added, partner: partner, before: nil, after: new, reason: nil))
            }
            func time(_ change: EventReplanner.AgendaChange) -> (Int, String, String) {
                let slot = (change.after ?? change.before)?.slot ?? ""
                return (slotOrder[slot] ?? Int.max, change.kind.rawValue, change.partner)
            }
            result += changes.sorted { time($0) < time($1) }
        }
        return result
    }
}
