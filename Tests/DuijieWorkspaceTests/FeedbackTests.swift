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

    @Test func anEmptyWorkspaceHasNoJudgments() throws {
        let directory = TemporaryDirectory()
        let feedback = try Workspace(path: directory.path + "/ws.sqlite").outcomeFeedback()
        #expect(feedback.judgments.isEmpty && feedback.qrels.isEmpty)
    }
}
