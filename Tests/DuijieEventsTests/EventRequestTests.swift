import DuijieBase
@testable import DuijieEvents
import DuijieTestSupport
import DuijieRanking
import DuijieText
import Foundation
import Testing

/// Requests from both sides, the minimum score, the reasons for what falls short, and scores
/// made from profiles alone.
@Suite struct EventRequestTests {
    func participant(_ id: String, _ side: Event.Side, min: Int = 0, max: Int, profile: String = "x", want: [String] = [],
                     never: [String] = [], organization: String? = nil) -> Event.Participant {
        Event.Participant(id: id, name: id, side: side, profile: profile, minimumMeetings: min, maximumMeetings: max,
                          wantToMeet: want, neverMeet: never, organization: organization)
    }

    func slots(_ count: Int, tables: Int) -> [Event.Slot] {
        (0..<count).map { Event.Slot(id: "S\($0)", start: String(format: "2026-12-08T%02d:00", 8 + $0), end: String(format: "2026-12-08T%02d:30", 8 + $0), tables: tables) }
    }

    func scores(_ event: Event, _ values: [[Float]]) -> PairScores {
        PairScores(demandIDs: event.participants.filter { $0.side == .demand }.map(\.id), supplyIDs: event.participants.filter { $0.side == .supply }.map(\.id),
                   demandScores: values, supplyScores: values)
    }

    @Test func aMutualRequestComesBeforeOneSidedOnesAndThoseBeforeScores() {
        // d can meet once. x scores 0.9 with d but nobody asked; y was asked for by d alone
        // (score 0.2); z and d asked for each other (score 0.15, below the default minimum).
        let event = Event(name: "t", participants: [
            participant("d", .demand, max: 1, want: ["y", "z"]),
            participant("x", .supply, max: 1), participant("y", .supply, max: 1), participant("z", .supply, max: 1, want: ["d"]),
        ], slots: slots(2, tables: 2))
        let plan = EventPlanner.plan(event, scores: scores(event, [[0.9, 0.2, 0.15]]))
        #expect(plan.scheduled.map(\.supply) == ["z"])
        #expect(plan.scheduled.first?.requestedBy == [.demand, .supply])
        #expect(plan.unmetRequests == [EventPlan.UnmetRequest(from: "d", to: "y", reason: .askerFull)])

        // Without z's request, d's one-sided request for y (0.2 + 1) beats x (0.9).
        var oneSided = event
        oneSided.participants[3].wantToMeet = []
        let second = EventPlanner.plan(oneSided, scores: scores(oneSided, [[0.9, 0.2, 0.15]]))
        #expect(second.scheduled.map(\.supply) == ["y"] && second.scheduled.first?.requestedBy == [.demand])
        #expect(second.unmetRequests.map(\.to) == ["z"] && second.unmetRequests.first?.reason == .askerFull)
        #expect(EventReport(plan: second).note(second.scheduled[0]) == "需求方请求")
    }

    @Test func anUnmetRequestSaysWhy() {
        // a asks for x (x said no thanks), y (same organization), z (full: z's one meeting
        // goes to its mutual request with b).
        let event = Event(name: "t", participants: [
            participant("a", .demand, max: 3, want: ["x", "y", "z"], organization: "U"),
            participant("b", .demand, max: 3, want: ["z"]),
            participant("x", .supply, max: 2, never: ["a"]), participant("y", .supply, max: 2, organization: "U"),
            participant("z", .supply, max: 1, want: ["b"]),
        ], slots: slots(3, tables: 3))
        let plan = EventPlanner.plan(event, scores: scores(event, [[0.5, 0.5, 0.5], [0.3, 0.3, 0.3]]))
        let reasons = Dictionary(uniqueKeysWithValues: plan.unmetRequests.map { ($0.to, $0.reason) })
        #expect(reasons == ["x": .declined, "y": .sameOrganization, "z": .partnerFull], "\(plan.unmetRequests)")
        let summary = EventReport(plan: plan, chinese: false).summaryMarkdown()
        #expect(summary.contains("- a → x: the other side said no thanks"))
    }

    @Test func theMinimumScoreIsNamedAsTheCauseOfAShortfall() {
        // a wants 3 meetings; 4 partners are eligible, but only p scores above 0.2. q has room
        // (1 of 4 meetings), so "partners at their maximum" would be wrong.
        let event = Event(name: "t", participants: [
            participant("a", .demand, min: 3, max: 4), participant("b", .demand, max: 4),
            participant("p", .supply, max: 4), participant("q", .supply, max: 4), participant("r", .supply, max: 4), participant("s", .supply, max: 4),
        ], slots: slots(4, tables: 4))
        let plan = EventPlanner.plan(event, scores: scores(event, [[0.5, 0.1, 0.05, 0.02], [0.3, 0.3, 0.3, 0.3]]), options: .init(minimumScore: 0.2))
        #expect(plan.shortfalls.first { $0.participant == "a" }?.reason == .belowMinimumScore(eligible: 4, aboveThreshold: 1, threshold: 0.2))
        #expect(plan.scheduled.filter { $0.demand == "a" }.map(\.supply) == ["p"])
        // With the threshold at 0, the minimum is served.
        let open = EventPlanner.plan(event, scores: scores(event, [[0.5, 0.1, 0.05, 0.02], [0.3, 0.3, 0.3, 0.3]]), options: .init(minimumScore: 0))
        #expect(open.shortfalls.isEmpty)
    }

    @Test func theDefaultMinimumScoreLeavesNearZeroPairsOut() {
        let event = Event(name: "t", participants: [participant("a", .demand, max: 2), participant("p", .supply, max: 2), participant("q", .supply, max: 2)],
                          slots: slots(2, tables: 2))
        let plan = EventPlanner.plan(event, scores: scores(event, [[0.6, 0.047]]))
        #expect(plan.scheduled.map(\.supply) == ["p"])
        #expect(plan.withoutGoodPartners == ["q"] && plan.bestScore == 0.6)
        #expect(EventReport(plan: plan, chinese: false).scoreWarnings() == ["1 participant(s) have no eligible partner scoring at least 0.10: q"])
    }

    @Test func profilesAloneScorePairsAndAllZeroIsAWarning() throws {
        let analyzer = try TextResources.makeAnalyzer()
        let event = Event(name: "t", participants: [
            participant("储能企业", .demand, max: 2, profile: "液流电池储能系统 隔膜国产化"),
            participant("食品企业", .demand, max: 2, profile: "海参加工 冷链保鲜"),
            participant("膜材料团队", .supply, max: 2, profile: "液流电池 离子传导膜 隔膜"),
            participant("食品学院", .supply, max: 2, profile: "水产品 冷链 保鲜技术"),
        ], slots: slots(2, tables: 2))
        let pairScores = PairScores(event: event, analyzer: analyzer)
        // Each enterprise's text shares words only with its own kind of supplier.
        #expect(pairScores.reciprocal(0, 0) > 0.2 && pairScores.reciprocal(1, 1) > 0.2)
        #expect(pairScores.reciprocal(0, 1) < 0.05 && pairScores.reciprocal(1, 0) < 0.05)
        let plan = EventPlanner.plan(event, scores: pairScores)
        #expect(Set(plan.scheduled.map { [$0.demand, $0.supply] }) == [["储能企业", "膜材料团队"], ["食品企业", "食品学院"]])

        var unrelated = event
        unrelated.participants[2].profile = "数控机床 主轴"
        unrelated.participants[3].profile = "焊接 机器人"
        let silent = EventPlanner.plan(unrelated, scores: PairScores(event: unrelated, analyzer: analyzer))
        #expect(silent.scheduled.isEmpty && silent.bestScore == 0)
        #expect(EventReport(plan: silent, chinese: false).scoreWarnings().first?.hasPrefix("every eligible pair scores 0") == true)
    }
}
