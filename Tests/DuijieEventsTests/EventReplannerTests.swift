import DuijieBase
import DuijieCorpus
@testable import DuijieEvents
import DuijieTestSupport
import Foundation
import Testing

/// Replanning a published schedule: what is still possible stays where it was, and only the
/// agendas that must change (or open to new meetings) do.
@Suite struct EventReplannerTests {
    func participant(_ id: String, _ side: Event.Side, min: Int = 0, max: Int, availability: [String] = [], never: [String] = []) -> Event.Participant {
        Event.Participant(id: id, name: id, side: side, profile: "x", minimumMeetings: min, maximumMeetings: max, availability: availability, neverMeet: never)
    }

    func slots(_ count: Int, tables: Int) -> [Event.Slot] {
        (0..<count).map { Event.Slot(id: "S\($0)", start: String(format: "2026-12-08T%02d:00", 8 + $0), end: String(format: "2026-12-08T%02d:30", 8 + $0), tables: tables) }
    }

    /// Scores from a fixed table by id, so the same pair scores the same in every version of the event.
    func scores(_ event: Event, _ value: (String, String) -> Float) -> PairScores {
        let demand = event.participants.filter { $0.side == .demand }.map(\.id), supply = event.participants.filter { $0.side == .supply }.map(\.id)
        let table = demand.map { d in supply.map { value(d, $0) } }
        return PairScores(demandIDs: demand, supplyIDs: supply, demandScores: table, supplyScores: table)
    }

    /// A deterministic score in 0.2…0.9 for any pair of ids.
    func score(_ a: String, _ b: String) -> Float {
        let hash = Array((a + "|" + b).utf8).withUnsafeBytes { FNV1a.hash($0) }
        return 0.2 + Float(hash % 701) / 1000
    }

    func published(_ plan: EventPlan) -> [EventReplanner.PublishedMeeting] {
        plan.scheduled.map { meeting in
            let slot = plan.event.slots.first { $0.id == meeting.slot }!
            return .init(demand: meeting.demand, supply: meeting.supply, slot: slot.id, table: meeting.table!, start: slot.start, end: slot.end)
        }
    }

    func baseEvent() -> Event {
        let demand = (0..<6).map { participant("d\($0)", .demand, min: 2, max: 3) }
        let supply = (0..<6).map { participant("s\($0)", .supply, min: 2, max: 3) }
        return Event(name: "t", participants: demand + supply, slots: slots(4, tables: 4))
    }

    @Test func aCancellationKeepsEveryOtherMeetingWhereItWas() {
        let event = baseEvent()
        let before = EventPlanner.plan(event, scores: scores(event, score))
        let schedule = published(before)
        var changed = event
        changed.participants.removeAll { $0.id == "d0" }
        let outcome = EventReplanner.replan(changed, published: schedule, scores: scores(changed, score))
        #expect(EventPlanValidator.violations(of: outcome.plan).isEmpty, "\(EventPlanValidator.violations(of: outcome.plan))")
        // Every published meeting without d0 is kept at its slot and table.
        let survivors = schedule.filter { $0.demand != "d0" }
        #expect(outcome.kept == survivors)
        for meeting in survivors {
            #expect(outcome.plan.scheduled.contains { $0.demand == meeting.demand && $0.supply == meeting.supply && $0.slot == meeting.slot && $0.table == meeting.table })
        }
        #expect(outcome.dropped.allSatisfy { $0.reason == .participantGone("d0") })
        // Who had to change: d0's partners. Every new meeting opens at least one of them.
        let partners = Set(schedule.filter { $0.demand == "d0" }.map(\.supply))
        #expect(outcome.mustChange == partners)
        for change in outcome.changes where change.kind == .added {
            #expect(partners.contains(change.participant) || partners.contains(change.partner))
        }
        #expect(Set(outcome.changedParticipants).isSuperset(of: partners))
        // A full re-solve, measured the same way, changes at least as many agendas.
        let full = EventPlanner.plan(changed, scores: scores(changed, score))
        let fullChanged = Set(EventReplanner.difference(event: changed, published: schedule, plan: full).map(\.participant))
        #expect(fullChanged.count >= outcome.changedParticipants.count)
    }

    @Test func aLostTableAShiftedSlotAndAWalkInAreTakenIn() {
        // Five tables and room for one more meeting per supplier, so a walk-in can be seated.
        var event = baseEvent()
        for index in event.slots.indices { event.slots[index].tables = 5 }
        for index in event.participants.indices where event.participants[index].side == .supply { event.participants[index].maximumMeetings = 4 }
        let before = EventPlanner.plan(event, scores: scores(event, score))
        let schedule = published(before)
        var changed = event
        changed.slots[3].tables = 4  // table 5 of the last slot is gone
        changed.slots[2].start = "2026-12-08T10:10"  // slot S2 starts ten minutes later
        changed.participants.append(participant("walk-in", .demand, min: 1, max: 2))
        let outcome = EventReplanner.replan(changed, published: schedule, scores: scores(changed, score))
        #expect(EventPlanValidator.violations(of: outcome.plan).isEmpty)
        let lostTable = schedule.filter { $0.slot == "S3" && $0.table == 5 }
        #expect(!lostTable.isEmpty)
        #expect(outcome.dropped.map(\.meeting) == lostTable && outcome.dropped.allSatisfy { $0.reason == .tableGone })
        // Everyone in S2 sees a moved meeting (same place, new time).
        for meeting in schedule where meeting.slot == "S2" {
            #expect(outcome.changes.contains { $0.participant == meeting.demand && $0.kind == .moved && $0.partner == meeting.supply })
        }
        #expect(outcome.plan.agenda(of: "walk-in").count >= 1)
    }

    @Test func theScheduleIsALockFileAndAPublishedScheduleAsItIs() throws {
        let directory = TemporaryDirectory()
        let event = baseEvent()
        let plan = EventPlanner.plan(event, scores: scores(event, score))
        directory.write("report/schedule.csv", EventReport(plan: plan).scheduleCSV())
        let meetings = try EventLoader.published(directory.path + "/report")
        #expect(meetings == published(plan))
        // As locked.csv of an event directory: loads without a warning, every meeting a lock.
        directory.write("event/slots.jsonl", event.slots.map { #"{"id": "\#($0.id)", "start": "\#($0.start)", "end": "\#($0.end)", "tables": \#($0.tables)}"# }.joined(separator: "\n"))
        directory.write("event/participants.jsonl", event.participants.map { #"{"id": "\#($0.id)", "side": "\#($0.side.rawValue)", "profile": "x", "max": 3}"# }.joined(separator: "\n"))
        directory.write("event/locked.csv", EventReport(plan: plan).scheduleCSV())
        var warnings: [CorpusIssue] = []
        let loaded = try EventLoader.load(directory.path + "/event", warnings: &warnings)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(loaded.locked.count == plan.scheduled.count)
    }
}
