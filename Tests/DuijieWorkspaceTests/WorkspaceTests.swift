import DuijieBase
@testable import DuijieWorkspace
import DuijieTestSupport
import Foundation
import GRDB
import Testing

/// The workspace file: WAL mode, migrations, passwords, sessions, and online backups.
struct WorkspaceTests {
    static func fresh() throws -> (TemporaryDirectory, Workspace) {
        let directory = TemporaryDirectory()
        return (directory, try Workspace(path: directory.path + "/ws.sqlite"))
    }

    @Test func theFileIsSQLiteInWALModeAtTheCurrentSchema() throws {
        let (directory, workspace) = try Self.fresh()
        try workspace.addUser(login: "wang", role: .broker, password: "12345678", cost: 4)
        // SQLite's file format: bytes 18 and 19 of the header are 2 in WAL mode (1 in rollback).
        let header = try #require(FileManager.default.contents(atPath: directory.path + "/ws.sqlite"))
        #expect(header.prefix(16) == Data("SQLite format 3\u{0}".utf8))
        #expect(header[18] == 2 && header[19] == 2)
        #expect(try workspace.schemaVersion() == WorkspaceSchema.version)
        // Opened again, nothing is migrated twice and the data is there.
        let again = try Workspace(path: workspace.path)
        #expect(try again.users().map(\.login) == ["wang"] && again.schemaVersion() == WorkspaceSchema.version)
    }

    @Test func aWorkspaceFromANewerDuijieIsRefusedAndLeftAlone() throws {
        let (directory, workspace) = try Self.fresh()
        let path = workspace.path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('99 from the future')")
        }
        let before = FileManager.default.contents(atPath: path)
        #expect { try Workspace(path: path) } throws: { error in
            (error as? DuijieError)?.message.contains("newer Duijie") == true
        }
        #expect(FileManager.default.contents(atPath: path) == before)
        _ = directory
    }

    @Test func passwordsAreStoredAsBcryptHashesAndChecked() throws {
        let (_, workspace) = try Self.fresh()
        let user = try workspace.addUser(login: "li", displayName: "李经纪", role: .broker, password: "s3cret-pass", cost: 4)
        let stored = try workspace.read { db in try String.fetchOne(db, sql: "SELECT passwordHash FROM user WHERE id = ?", arguments: [user.id]) }
        // bcrypt's modular crypt format: $2b$, the cost, 53 more characters; never the password.
        #expect(stored?.hasPrefix("$2b$04$") == true && stored?.count == 60 && stored?.contains("s3cret") == false)
        #expect(try workspace.authenticate(login: "li", password: "s3cret-pass") == user)
        #expect(try workspace.authenticate(login: "li", password: "s3cret-pasS") == nil)
        #expect(try workspace.authenticate(login: "nobody", password: "s3cret-pass") == nil)
        #expect(throws: DuijieError.self) { try workspace.addUser(login: "li", role: .viewer, password: "another-pass", cost: 4) }
        #expect(throws: DuijieError.self) { try workspace.addUser(login: "short", role: .viewer, password: "1234567", cost: 4) }
    }

    @Test func sessionsExpireAndEnd() throws {
        let (_, workspace) = try Self.fresh()
        let user = try workspace.addUser(login: "zhao", role: .viewer, password: "12345678", cost: 4)
        let (token, session) = try workspace.startSession(for: user)
        #expect(token.count == 64 && session.csrfToken.count == 64 && token != session.csrfToken)
        #expect(try workspace.session(token: token)?.user == user)
        // Only the token's SHA-256 is stored.
        let stored = try workspace.read { db in try String.fetchAll(db, sql: "SELECT tokenHash FROM session") }
        #expect(stored.count == 1 && stored[0] != token)
        let (expired, _) = try workspace.startSession(for: user, lifetime: -1)
        #expect(try workspace.session(token: expired) == nil)
        try workspace.endSession(token: token)
        #expect(try workspace.session(token: token) == nil)
    }

    @Test func casesKeepTheShortlistStatusesAndHistory() throws {
        let (_, workspace) = try Self.fresh()
        let wang = Access(user: try workspace.addUser(login: "wang", role: .broker, password: "12345678", cost: 4), demandOwners: [:])
        let li = Access(user: try workspace.addUser(login: "li", role: .broker, password: "12345678", cost: 4), demandOwners: [:])
        let admin = Access(user: try workspace.addUser(login: "admin", role: .admin, password: "12345678", cost: 4), demandOwners: [:])
        let viewer = Access(user: try workspace.addUser(login: "zhao", role: .viewer, password: "12345678", cost: 4), demandOwners: [:])
        let results = [SavedResult(rank: 1, recordID: "A-1", name: "成果一", score: 0.7, shown: "{}"),
                       SavedResult(rank: 2, recordID: "A-2", name: "成果二", score: 0.5, shown: "{}")]
        let open = try workspace.createCase(NewCase(title: "公开", sourceID: "D-1", target: "achievement", confidential: false, results: results), access: wang)
        let secret = try workspace.createCase(NewCase(title: "保密", sourceID: "D-2", target: "achievement", confidential: true, results: results), access: wang)
        #expect(throws: DuijieError.self) { try workspace.createCase(NewCase(title: "x", target: "achievement", confidential: false, results: []), access: viewer) }
        // Seen: the broker both, the other broker the open one, the admin both.
        #expect(try workspace.cases(access: wang).map(\.id) == [secret.id, open.id])
        #expect(try workspace.cases(access: li).map(\.id) == [open.id])
        #expect(try workspace.cases(access: admin).map(\.id) == [secret.id, open.id])
        #expect(try workspace.caseDetail(secret.id, access: li) == nil)
        // Changed: by the broker and the admin; the other broker and the viewer are refused.
        try workspace.setStatus(caseID: open.id, recordID: "A-1", to: .contacted, note: "电话联系", access: wang)
        try workspace.setStatus(caseID: open.id, recordID: "A-1", to: .noDeal, reason: "价格不合", access: admin)
        for access in [li, viewer] {
            #expect { try workspace.setStatus(caseID: open.id, recordID: "A-2", to: .signed, access: access) } throws: { error in
                (error as? DuijieError)?.code == .forbidden
            }
        }
        #expect(throws: DuijieError.self) { try workspace.setStatus(caseID: open.id, recordID: "A-2", to: .noDeal, access: wang) }
        #expect(throws: DuijieError.self) { try workspace.setStatus(caseID: open.id, recordID: "A-9", to: .signed, access: wang) }
        try workspace.addNote(caseID: open.id, text: "客户下周回复", access: wang)
        let detail = try #require(try workspace.caseDetail(open.id, access: li))
        #expect(detail.results.map(\.status) == [.noDeal, .toContact] && detail.results[0].reason == "价格不合")
        #expect(detail.events.map(\.status) == [.contacted, .noDeal, nil])
        #expect(detail.events.map(\.note) == ["电话联系", "", "客户下周回复"])
        #expect(try workspace.eventCount() == 3)
    }

    @Test func aBackupIsAConsistentCopyAndNeverHalfWritten() throws {
        let (directory, workspace) = try Self.fresh()
        for index in 0..<20 { try workspace.addUser(login: "user\(index)", role: .broker, password: "12345678", cost: 4) }
        let destination = directory.path + "/backup.sqlite"
        try workspace.backup(to: destination)
        #expect(try Workspace(path: destination).users().count == 20)
        // A failed backup (the destination is a directory) leaves the old file and no temporary file.
        try workspace.addUser(login: "later", role: .viewer, password: "12345678", cost: 4)
        try FileManager.default.createDirectory(atPath: directory.path + "/blocked.sqlite", withIntermediateDirectories: false)
        #expect(throws: DuijieError.self) { try workspace.backup(to: directory.path + "/blocked.sqlite") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(TemporaryFiles.marker) }
        #expect(leftovers.isEmpty)
        try workspace.backup(to: destination)
        #expect(try Workspace(path: destination).users().count == 21)
    }

    @Test func statusesParseFromEnglishAndChinese() {
        #expect(ResultStatus(parsing: "已签约") == .signed && ResultStatus(parsing: "no-deal") == .noDeal && ResultStatus(parsing: "done") == nil)
        #expect(ResultStatus.allCases.map(\.chineseName) == ["待联系", "已联系", "已约见", "洽谈中", "已签约", "未成交"])
    }
}
