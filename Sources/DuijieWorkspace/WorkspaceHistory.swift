import DuijieBase
import DuijieJSON
import Foundation
import GRDB

/// A workspace's past written as text files — users, cases with their results' histories, and
/// deals — read into a new workspace (`duijie workspace init --from DIR`). The demo's are in
/// `Corpus/demo/workspace`: reviewable JSON lines rather than a committed database.
///
/// - `users.jsonl`: `{"login", "name", "role"}` (every user gets the one password given);
/// - `cases.jsonl`: `{"broker", "title", "source", "target", "openedOn", "results": [{"record",
///   "name", "score", "history": [{"on", "status", "reason"?, "note"?}]}]}`;
/// - `events.jsonl` (optional): `{"name", "heldOn", "place"?, "meetings": [{"demand", "supply",
///   "target"?, "slot"?, "table"?, "ratings": [{"side", "stage", "rating", "agreement"?, "on",
///   "by"?, "note"?}]}]}` — meetings are numbered in file order, which a deal's `meetingID` names;
/// - `deals.jsonl`: as `DealReader` reads them.
public enum WorkspaceHistory {
    /// Fills the empty workspace `workspace` from the files in `directory`, every user with
    /// `password`. All or nothing: a problem anywhere leaves no case and no deal.
    ///
    /// - Throws: `DuijieError` naming the file, line and field of each problem.
    public static func load(from directory: String, into workspace: Workspace, password: String, cost: UInt8 = Workspace.passwordCost) throws(DuijieError) {
        guard try workspace.users().isEmpty else { throw DuijieError(.invalidInput, "\(workspace.path): not empty; give a new workspace file") }
        let users = try lines(of: directory + "/users.jsonl")
        for (location, value) in users {
            guard case .string(let login)? = value["login"], case .string(let roleName)? = value["role"], let role = Role(rawValue: roleName) else {
                throw DuijieError(.invalidInput, "\(location): expected {\"login\", \"role\": admin, broker or viewer, \"name\"}")
            }
            let name: String? = if case .string(let name)? = value["name"] { name } else { nil }
            try workspace.addUser(login: login, displayName: name, role: role, password: password, cost: cost)
        }
        let logins = Dictionary(uniqueKeysWithValues: try workspace.users().map { ($0.login, $0.id) })
        let cases = try lines(of: directory + "/cases.jsonl")
        let dealsPath = directory + "/deals.jsonl"
        guard let dealText = FileManager.default.contents(atPath: dealsPath).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw DuijieError(.io, "\(dealsPath): cannot read the file")
        }
        let (deals, locations) = try DealReader.read(dealText, fileName: dealsPath)
        let eventsPath = directory + "/events.jsonl"
        let events = FileManager.default.fileExists(atPath: eventsPath) ? try lines(of: eventsPath) : []
        try workspace.write { db in
            for (location, value) in cases { try insertCase(value, at: location, logins: logins, db) }
            for (location, value) in events { try insertEvent(value, at: location, logins: logins, db) }
        }
        try workspace.addDeals(deals, locations: locations)
    }

    /// The JSON lines of `path`, each with its `FILE:LINE`.
    static func lines(of path: String) throws(DuijieError) -> [(String, JSONValue)] {
        guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw DuijieError(.io, "\(path): cannot read the file")
        }
        let lines = JSONLinesText.objects(of: text, fileName: path)
        if let first = lines.problems.first { throw DuijieError(.invalidInput, first) }
        return lines.objects.map { ($0.location, $0.value) }
    }

    /// Seconds since 1970 at 09:00 UTC+8 (01:00 UTC) of `day`, or an error naming `field`.
    static func moment(_ value: JSONValue?, _ field: String, at location: String) throws -> Int64 {
        guard case .string(let day)? = value, Deal.isCalendarDay(day) else {
            throw DuijieError(.invalidInput, "\(location): \(field): expected a day as YYYY-MM-DD")
        }
        return Workspace.seconds(ofDay: day) + 3_600
    }

    static func insertCase(_ value: JSONValue, at location: String, logins: [String: Int64], _ db: Database) throws {
        func text(_ key: String, _ object: JSONValue = value) throws -> String {
            guard case .string(let text)? = object[key], !text.isEmpty else { throw DuijieError(.invalidInput, "\(location): \(key): required (text)") }
            return text
        }
        guard let broker = logins[try text("broker")] else { throw DuijieError(.invalidInput, "\(location): broker: no such user") }
        let opened = try moment(value["openedOn"], "openedOn", at: location)
        try db.execute(sql: #"INSERT INTO "case" (title, brokerID, sourceID, target, confidential, createdAt) VALUES (?, ?, ?, ?, 0, ?)"#,
                       arguments: [try text("title"), broker, try text("source"), try text("target"), opened])
        let caseID = db.lastInsertedRowID
        guard case .array(let results)? = value["results"] else { throw DuijieError(.invalidInput, "\(location): results: expected a list") }
        for (rank, result) in results.enumerated() {
            let record = try text("record", result)
            guard case .number(let score)? = result["score"] else { throw DuijieError(.invalidInput, "\(location): results[\(rank)].score: expected a number") }
            var status = ResultStatus.toContact, reason = "", updated = opened
            var changes: [(Int64, ResultStatus, String, String)] = []
            if case .array(let history)? = result["history"] {
                for step in history {
                    let at = try moment(step["on"], "results[\(rank)].history.on", at: location)
                    guard case .string(let name)? = step["status"], let next = ResultStatus(parsing: name), at >= updated else {
                        throw DuijieError(.invalidInput, "\(location): results[\(rank)].history: a status, on a day after the one before")
                    }
                    let why: String = if case .string(let why)? = step["reason"] { why } else { "" }
                    let note: String = if case .string(let note)? = step["note"] { note } else { "" }
                    if next.needsReason && why.isEmpty { throw DuijieError(.invalidInput, "\(location): results[\(rank)]: no deal needs a reason") }
                    changes.append((at, next, why, note))
                    (status, reason, updated) = (next, why, at)
                }
            }
            try db.execute(sql: """
                INSERT INTO caseResult (caseID, rank, recordID, name, score, shown, status, reason, updatedAt) VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?)
                """, arguments: [caseID, rank + 1, record, try text("name", result), score, status.rawValue, reason, updated])
            for (at, next, why, note) in changes {
                try db.execute(sql: "INSERT INTO statusChange (caseID, recordID, status, reason, note, userID, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [caseID, record, next.rawValue, why, note, broker, at])
            }
        }
    }
}
