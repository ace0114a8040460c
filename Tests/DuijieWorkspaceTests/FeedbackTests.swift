import DuijieBase
import DuijieTestSupport
@testable import DuijieWorkspace
import Testing

/// The cases' outcomes as graded judgments (`duijie feedback export`).
@Suite struct FeedbackTests {
    @Test func statusesBecomeGradedJudgmentsPerQueryAndResult() throws {
        let directory = TemporaryDirectory()
        let workspace = try Workspace(path: directory.path + "/ws.sqlite")
        let wang = try workspace.addUser(login: "wang", role: .broker, password: "correct horse", cost: 4)
        let access = Access(user: wang, demandOwners: [:])
        func save(_ source: String?, _ ids: [String]) throws -> Int64 {
            let results = ids.enumerated().map { SavedResult(rank: $0.offset + 1, recordID: $0.element, name: $0.element, score: 0.5, shown: "{}") }
            return try workspace.createCase(NewCase(title: source ?? "text", sourceID: source, queryText: source == nil ? "海水淡化" : nil,
                                                    target: "achievement", confidential: false, results: results), access: access).id
        }
        let first = try save("D-1012", ["A-1", "A-2", "A-3", "A-4", "A-5"])
        try workspace.setStatus(caseID: first, recordID: "A-1", to: .signed, access: access)
        try workspace.setStatus(caseID: first, recordID: "A-2", to: .negotiating, access: access)
        try workspace.setStatus(caseID: first, recordID: "A-3", to: .meeting, access: access)
        try workspace.setStatus(caseID: first, recordID: "A-4", to: .noDeal, reason: "技术路线不符", access: access)
        // A-5 stays to contact: not judged.
        let second = try save("D-1012", ["A-1", "A-6"])
        try workspace.setStatus(caseID: second, recordID: "A-1", to: .contacted, access: access)  // still signed: the highest grade
        try workspace.setStatus(caseID: second, recordID: "A-6", to: .contacted, access: access)
        let byText = try save(nil, ["A-7"])
        try workspace.setStatus(caseID: byText, recordID: "A-7", to: .signed, access: access)  // no query id: left out
        let other = try save("D-2000", ["A-2"])
        try workspace.setStatus(caseID: other, recordID: "A-2", to: .noDeal, reason: "预算不足", access: access)

        let feedback = try workspace.outcomeFeedback()
        // By hand from the statuses above: signed 3, negotiating 2, meeting/contacted 1, no deal 0.
        #expect(feedback.qrels == """
            D-1012 0 A-1 3
            D-1012 0 A-2 2
            D-1012 0 A-3 1
            D-1012 0 A-4 0
            D-1012 0 A-6 1
            D-2000 0 A-2 0

            """)
        #expect(feedback.casesWithoutQueryID == 1)
        #expect(feedback.unjudgedResults == 1)
        #expect(feedback.judgments.first?.status == .signed)
    }

    @Test func meetingRatingsBecomeJudgmentsBesideTheCases() throws {
        let directory = TemporaryDirectory()
        let workspace = try Workspace(path: directory.path + "/ws.sqlite")
        let wang = try workspace.addUser(login: "wang", role: .broker, password: "correct horse", cost: 4)
        let access = Access(user: wang, demandOwners: [:])
        let results = [SavedResult(rank: 1, recordID: "A-1", name: "A-1", score: 0.5, shown: "{}")]
        let saved = try workspace.createCase(NewCase(title: "D-1", sourceID: "D-1", target: "achievement", confidential: false, results: results), access: access)
        try workspace.setStatus(caseID: saved.id, recordID: "A-1", to: .contacted, access: access)
        let event = try workspace.addEvent(name: "对接会", heldOn: "2026-04-18", meetings: [
            NewMeeting(demandID: "D-1", supplyID: "A-1"), NewMeeting(demandID: "D-1", supplyID: "A-2"),
            NewMeeting(demandID: "D-2", supplyID: "A-3"), NewMeeting(demandID: "D-2", supplyID: "E-1", target: "expert"),
        ])
        let meetings = try workspace.meetings(ofEvent: event.id)
        func rate(_ index: Int, _ side: MeetingSide, _ stage: RatingStage, _ rating: Int, agreement: Bool = false) throws {
            try workspace.rateMeeting(meetings[index].id, MeetingRating(side: side, stage: stage, rating: rating, agreement: agreement, at: 1_000 + Int64(index)))
        }
        try rate(0, .demand, .afterEvent, 4)
        try rate(0, .demand, .followUp, 5, agreement: true)  // agreement: 3, above the case's contacted 1
        try rate(1, .supply, .afterEvent, 5)
        try rate(1, .demand, .afterEvent, 2)                 // the demand side's latest is 2: unsuitable, 0
        try rate(2, .demand, .afterEvent, 1)
        try rate(2, .demand, .followUp, 3)                   // the latest is 3: they met, 1
        // By hand from the rules of `EventMeeting.grade`.
        #expect(try workspace.meetings().map(\.grade) == [3, 0, 1, 1])
        let feedback = try workspace.outcomeFeedback(target: "achievement")
        #expect(feedback.qrels == "D-1 0 A-1 3\nD-1 0 A-2 0\nD-2 0 A-3 1\n")
        #expect(feedback.judgedMeetings == 3 && feedback.judgments.first?.status == .signed)
        #expect(try workspace.outcomeFeedback(target: "expert").qrels == "D-2 0 E-1 1\n")
        #expect(try workspace.caseTargets() == ["achievement", "expert"])
        // Bad ratings and meetings are refused, naming what is wrong.
        #expect(throws: DuijieError.self) { try rate(3, .demand, .afterEvent, 6) }
        #expect(throws: DuijieError.self) { try rate(3, .demand, .afterEvent, 4, agreement: true) }
        #expect(throws: DuijieError.self) {
            try workspace.rateMeeting(999, MeetingRating(side: .demand, stage: .afterEvent, rating: 3, at: 0))
        }
        #expect(throws: DuijieError.self) {
            try workspace.addEvent(name: "重复", heldOn: "2026-04-31", meetings: [NewMeeting(demandID: "D-1", supplyID: "A-1"), NewMeeting(demandID: "D-1", supplyID: "A-1")])
        }
        #expect(try workspace.events().count == 1)
    }

    @Test func anEmptyWorkspaceHasNoJudgments() throws {
        let directory = TemporaryDirectory()
        let feedback = try Workspace(path: directory.path + "/ws.sqlite").outcomeFeedback()
        #expect(feedback.judgments.isEmpty && feedback.qrels.isEmpty)
    }
}
