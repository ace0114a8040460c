import DuijieCorpus
import DuijieMatching

/// Checks an event plan against every rule of its event, independently of how it was made.
public enum EventPlanValidator {
    /// Every broken rule, as a sentence; empty when the plan is valid.
    ///
    /// Rules: meetings join a demand-side and a supply-side participant of the event, each pair
    /// at most once; nobody exceeds their maximum; no never-meet pair meets; no two participants
    /// of one organization meet unless one asked to (must-meet); every must-meet pair and every
    /// lock is present, locks at their slot and table; placed meetings use existing slots and
    /// tables, only slots both can attend, nobody twice in one slot, no table twice in one slot.
    public static func violations(of plan: EventPlan, corpus: Corpus? = nil) -> [String] {
        let event = plan.event
        var problems: [String] = []
        var count: [String: Int] = [:]
        var seenPairs = Set<[String]>()
        for meeting in plan.meetings {
            guard let demand = event.participant(meeting.demand), demand.side == .demand,
                  let supply = event.participant(meeting.supply), supply.side == .supply else {
                problems.append("\(meeting.demand)–\(meeting.supply): not a demand-side and a supply-side participant")
                continue
            }
            if !seenPairs.insert([demand.id, supply.id]).inserted { problems.append("\(demand.id)–\(supply.id) meet twice") }
            count[demand.id, default: 0] += 1
            count[supply.id, default: 0] += 1
            if demand.neverMeet.contains(supply.id) || supply.neverMeet.contains(demand.id) {
                problems.append("\(demand.id)–\(supply.id): a never-meet pair meets")
            }
            let asked = demand.mustMeet.contains(supply.id) || supply.mustMeet.contains(demand.id)
            if !asked, let organization = organization(demand, corpus), organization == self.organization(supply, corpus) {
                problems.append("\(demand.id)–\(supply.id): both belong to \(organization)")
            }
        }
        for participant in event.participants where count[participant.id, default: 0] > participant.maximumMeetings {
            problems.append("\(participant.id): \(count[participant.id]!) meetings, more than its maximum \(participant.maximumMeetings)")
        }
        for participant in event.participants {
            for other in participant.mustMeet where !seenPairs.contains(participant.side == .demand ? [participant.id, other] : [other, participant.id]) {
                problems.append("\(participant.id) must meet \(other), but they do not meet")
            }
        }
        for lock in event.locked {
            let kept = plan.meetings.contains { $0.demand == lock.demand && $0.supply == lock.supply && $0.slot == lock.slot && $0.table == lock.table }
            let reported = plan.unplaced.contains { $0.meeting.demand == lock.demand && $0.meeting.supply == lock.supply }
            if !kept && !reported { problems.append("the lock \(lock.demand)–\(lock.supply) at \(lock.slot) table \(lock.table) is not kept") }
        }
        problems += scheduleViolations(plan)
        return problems
    }

    /// The schedule rules, checked with `ScheduleValidator` on the plan's own slots and tables.
    static func scheduleViolations(_ plan: EventPlan) -> [String] {
        let event = plan.event
        let ids = event.participants.map(\.id)
        let index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let slotIndex = Dictionary(event.slots.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let availability = event.participants.map { participant in
            event.slots.map { participant.availability.isEmpty || participant.availability.contains($0.id) }
        }
        let placedMeetings = plan.meetings.filter { $0.slot != nil }
        let problem = MeetingScheduler.Problem(
            participantCount: ids.count, tables: event.slots.map(\.tables), availability: availability,
            meetings: placedMeetings.map { .init(first: index[$0.demand] ?? 0, second: index[$0.supply] ?? 0) })
        let schedule = MeetingScheduler.Schedule(placements: placedMeetings.map { meeting in
            guard let slot = meeting.slot.flatMap({ slotIndex[$0] }), let table = meeting.table else { return MeetingScheduler.Placement(slot: -1, table: -1) }
            return MeetingScheduler.Placement(slot: slot, table: table - 1)
        })
        return ScheduleValidator.violations(of: schedule, for: problem).map { message in
            // Name participants and slots by their ids rather than indexes.
            var text = message
            for (position, id) in ids.enumerated().reversed() { text = text.replacingOccurrences(of: "participant \(position) ", with: "participant \(id) ") }
            return text
        }
    }

    static func organization(_ participant: Event.Participant, _ corpus: Corpus?) -> String? {
        participant.organization ?? participant.records.first.flatMap { EventContext.organization(of: $0, corpus) }
    }
}
