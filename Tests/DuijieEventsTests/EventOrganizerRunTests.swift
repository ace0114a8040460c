import DuijieBase
import DuijieCorpus
@testable import DuijieEvents
import DuijieRanking
import DuijieTestSupport
import Foundation
import Testing

/// An organizer's event as it runs (Corpus/demo/events/dalian-marine-2026): 36 participants
/// described only by profiles in a sheet with Chinese headers, 6 tables, people there only
/// in the morning or the afternoon, a must-meet and a never-meet pair, requests from both
/// sides; then one cancellation, replanned.
@Suite struct EventOrganizerRunTests {
    static let directory = RepositoryFiles.demoCorpus + "/events/dalian-marine-2026"

    @Test func theRunAndAReplanAfterOneCancellationKeepEveryRule() throws {
        var warnings: [CorpusIssue] = []
        let event = try EventLoader.load(Self.directory, warnings: &warnings)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(event.participants.count == 36 && event.slots.count == 12 && event.slots.allSatisfy { $0.tables == 6 })
        let analyzer = try TextResources.makeAnalyzer()
        let plan = EventPlanner.plan(event, scores: PairScores(event: event, analyzer: analyzer))
        #expect(EventPlanValidator.violations(of: plan).isEmpty, "\(EventPlanValidator.violations(of: plan))")
        let pairs = Set(plan.scheduled.map { [$0.demand, $0.supply] })
        #expect(pairs.contains(["长海风电", "结构监测"]))   // the must-meet
        #expect(!pairs.contains(["海缆工程", "海事学院"]))   // the never-meet
        // Morning-only people meet only in the morning, afternoon-only ones only after noon.
        for id in ["长海风电", "獐子岛海参", "焊接团队"] { #expect(plan.agenda(of: id).allSatisfy { $0.slot!.hasPrefix("AM") }, "\(id)") }
        for id in ["冰山冷链", "冷链团队"] { #expect(plan.agenda(of: id).allSatisfy { $0.slot!.hasPrefix("PM") }, "\(id)") }
        // Every request is met, the mutual one among them; no meeting is below the minimum score
        // unless someone asked for it.
        #expect(plan.unmetRequests.isEmpty)
        #expect(plan.scheduled.first { $0.demand == "海盾涂料" && $0.supply == "防腐所" }?.requestedBy == [.demand, .supply])
        #expect(plan.scheduled.allSatisfy { $0.score >= 0.1 || !$0.requestedBy.isEmpty || $0.isMustMeet })
        // Everyone short of the minimum is told the threshold is why, never that partners were full.
        #expect(plan.shortfalls.allSatisfy { if case .belowMinimumScore = $0.reason { return true } else { return false } })
        print("organizer's run: \(plan.scheduled.count) meetings in \(Set(plan.scheduled.compactMap(\.slot)).count) slots, \(plan.shortfalls.count) below minimum (all for the minimum score)")

        // 焊接团队 cancels.
        var changed = event
        changed.participants.removeAll { $0.id == "焊接团队" }
        let published = plan.scheduled.map { meeting in
            let slot = event.slots.first { $0.id == meeting.slot }!
            return EventReplanner.PublishedMeeting(demand: meeting.demand, supply: meeting.supply, slot: slot.id, table: meeting.table!, start: slot.start, end: slot.end)
        }
        let outcome = EventReplanner.replan(changed, published: published, scores: PairScores(event: changed, analyzer: analyzer))
        #expect(EventPlanValidator.violations(of: outcome.plan).isEmpty, "\(EventPlanValidator.violations(of: outcome.plan))")
        let lost = published.filter { $0.supply == "焊接团队" }
        #expect(outcome.kept.count == published.count - lost.count)
        #expect(outcome.mustChange == Set(lost.map(\.demand)))
        let full = EventPlanner.plan(changed, scores: PairScores(event: changed, analyzer: analyzer))
        let fullChanged = Set(EventReplanner.difference(event: changed, published: published, plan: full).map(\.participant)).count
        #expect(outcome.changedParticipants.count <= fullChanged)
        print("after one cancellation: kept \(outcome.kept.count) of \(published.count) meetings, \(outcome.changedParticipants.count) agendas changed (\(outcome.mustChange.count) had to); a full re-solve changes \(fullChanged)")
    }
}
