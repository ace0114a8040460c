import DuijieTestSupport
import DuijieWorkspace
import Foundation
import Testing

/// `duijie workspace add-user | users | assign | backup` as a user runs them.
@Suite struct WorkspaceCommandTests {
    @Test func usersAreAddedWithAPasswordFromStandardInputAndListed() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/ws.sqlite"
        let added = try CommandRunner.run(["workspace", "add-user", path, "--login", "wang", "--role", "broker", "--name", "王经纪"],
                                          input: "correct horse\n")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("added broker wang"))
        let workspace = try Workspace(path: path)
        #expect(try workspace.authenticate(login: "wang", password: "correct horse")?.displayName == "王经纪")
        // A short password, a missing one and an unknown role are refused; no user is added.
        let short = try CommandRunner.run(["workspace", "add-user", path, "--login", "li", "--role", "broker"], input: "abc\n")
        #expect(short.status != 0 && short.standardError.contains("password"))
        let none = try CommandRunner.run(["workspace", "add-user", path, "--login", "li", "--role", "broker"], input: "")
        #expect(none.status != 0 && none.standardError.contains("password: none on standard input"))
        let role = try CommandRunner.run(["workspace", "add-user", path, "--login", "li", "--role", "owner"], input: "correct horse\n")
        #expect(role.status != 0 && role.standardError.contains("--role owner"))
        #expect(try workspace.users().map(\.login) == ["wang"])
        let listed = try CommandRunner.run(["workspace", "users", path])
        #expect(listed.status == 0 && listed.standardOutput.contains("王经纪") && listed.standardOutput.contains("broker"))
    }

    @Test func assignMakesABrokerTheOwnerOfCorpusDemands() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/ws.sqlite"
        let workspace = try Workspace(path: path)
        let wang = try workspace.addUser(login: "wang", role: .broker, password: "correct horse", cost: 4)
        _ = try workspace.addUser(login: "zhao", role: .viewer, password: "correct horse", cost: 4)
        let assigned = try CommandRunner.run(["workspace", "assign", path, "D-1011", "D-1012", "--broker", "wang"])
        #expect(assigned.status == 0, "\(assigned.standardError)")
        #expect(try workspace.demandOwners() == ["D-1011": wang.id, "D-1012": wang.id])
        // A viewer owns nothing; an unknown login is named; neither changes the owners.
        let viewer = try CommandRunner.run(["workspace", "assign", path, "D-1013", "--broker", "zhao"])
        #expect(viewer.status != 0 && viewer.standardError.contains("only a broker owns demands"))
        let unknown = try CommandRunner.run(["workspace", "assign", path, "D-1013", "--broker", "nobody"])
        #expect(unknown.status != 0 && unknown.standardError.contains("--broker nobody: no such user"))
        #expect(try workspace.demandOwners().count == 2)
        // A workspace that does not exist is not created by assign.
        let missing = try CommandRunner.run(["workspace", "assign", directory.path + "/none.sqlite", "D-1", "--broker", "wang"])
        #expect(missing.status != 0 && !FileManager.default.fileExists(atPath: directory.path + "/none.sqlite"))
    }

    @Test func backupCopiesTheUsersAndNeverReplacesAGoodFileWithAFailedOne() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/ws.sqlite"
        _ = try Workspace(path: path).addUser(login: "wang", role: .broker, password: "correct horse", cost: 4)
        let copy = directory.path + "/backup.sqlite"
        let backedUp = try CommandRunner.run(["workspace", "backup", path, copy])
        #expect(backedUp.status == 0 && backedUp.standardOutput.contains("1 users"), "\(backedUp.standardError)")
        #expect(try Workspace(path: copy).authenticate(login: "wang", password: "correct horse") != nil)
        let missing = try CommandRunner.run(["workspace", "backup", directory.path + "/none.sqlite", copy])
        #expect(missing.status != 0 && missing.standardError.contains("no such workspace"))
        #expect(try Workspace(path: copy).users().count == 1)
    }
}

/// `duijie feedback export` writes qrels that `duijie eval` scores a run against.
@Suite struct FeedbackCommandTests {
    @Test func exportedOutcomesScoreARun() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/ws.sqlite"
        let workspace = try Workspace(path: path)
        let wang = try workspace.addUser(login: "wang", role: .broker, password: "correct horse", cost: 4)
        let access = Access(user: wang, demandOwners: [:])
        let results = ["A-4003", "A-1038", "A-4002"].enumerated().map {
            SavedResult(rank: $0.offset + 1, recordID: $0.element, name: $0.element, score: 0.5, shown: "{}")
        }
        let saved = try workspace.createCase(NewCase(title: "D-1012", sourceID: "D-1012", target: "achievement", confidential: false,
                                                     results: results), access: access)
        try workspace.setStatus(caseID: saved.id, recordID: "A-1038", to: .signed, access: access)
        try workspace.setStatus(caseID: saved.id, recordID: "A-4003", to: .noDeal, reason: "成本过高", access: access)
        try workspace.setStatus(caseID: saved.id, recordID: "A-4002", to: .meeting, access: access)
        let qrels = directory.path + "/outcomes.qrels"
        let exported = try CommandRunner.run(["feedback", "export", path, "-o", qrels])
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(exported.standardError.contains("3 judgments for 1 queries"))
        #expect(try String(contentsOfFile: qrels, encoding: .utf8) == "D-1012 0 A-1038 3\nD-1012 0 A-4002 1\nD-1012 0 A-4003 0\n")
        // A fixed run: A-4003 (grade 0), A-1038 (3), A-4002 (1), then two unjudged.
        let run = directory.write("run.txt", """
            D-1012 Q0 A-4003 1 0.63 test
            D-1012 Q0 A-1038 2 0.58 test
            D-1012 Q0 A-4002 3 0.47 test
            D-1012 Q0 A-1001 4 0.39 test
            D-1012 Q0 A-1004 5 0.37 test

            """)
        let scored = try CommandRunner.run(["eval", "--qrels", qrels, "--run", run, "--metrics", "ndcg@5"])
        #expect(scored.status == 0, "\(scored.standardError)")
        // nDCG@5 by hand, linear gains: DCG = 3/log2(3) + 1/log2(4) = 2.39279,
        // ideal = 3/log2(2) + 1/log2(3) = 3.63093, ratio 0.65900.
        #expect(scored.standardOutput.contains("0.6590"), "\(scored.standardOutput)")
        let missing = try CommandRunner.run(["feedback", "export", directory.path + "/none.sqlite"])
        #expect(missing.status != 0 && missing.standardError.contains("no such workspace"))
    }
}

/// `duijie workspace import-deals | deals`.
@Suite struct DealCommandTests {
    @Test func dealsAreImportedAllOrNoneAndListed() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/ws.sqlite"
        _ = try Workspace(path: path).addUser(login: "wang", role: .broker, password: "correct horse", cost: 4)
        let good = #"{"contractType":"技术转让","signedOn":"2026-04-08","value":85.5,"seller":"中科院大连化物所","sellerKind":"科研院所","buyer":"C-1001","buyerKind":"企业","ipType":"技术秘密","brokers":[{"login":"wang","fee":1.2}]}"#
        let bad = good.replacingOccurrences(of: #""value":85.5"#, with: #""value":-1"#)
        let badFile = directory.write("bad.jsonl", good + "\n" + bad + "\n")
        let refused = try CommandRunner.run(["workspace", "import-deals", path, badFile])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("bad.jsonl:2: value: -1.0"), "\(refused.standardError)")
        #expect(try Workspace(path: path).deals().isEmpty)
        let goodFile = directory.write("good.jsonl", good + "\n")
        let imported = try CommandRunner.run(["workspace", "import-deals", path, goodFile])
        #expect(imported.status == 0 && imported.standardOutput.contains("added 1 deals (85.50 万元)"), "\(imported.standardError)")
        let listed = try CommandRunner.run(["workspace", "deals", path])
        #expect(listed.status == 0 && listed.standardOutput.contains("中科院大连化物所") && listed.standardOutput.contains("wang 1.20"))
    }
}
