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
