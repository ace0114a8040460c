import DuijieBase
import GRDB

/// A result saved in a case, as it was shown.
public struct SavedResult: Sendable, Codable, Equatable {
    /// Its place in the shortlist (1 = first).
    public let rank: Int
    /// The record's id.
    public let recordID: String
    /// The record's name when shown.
    public let name: String
    /// The score when shown.
    public let score: Double
    /// The result as it was shown: a JSON object (features, reasons, matched terms, path).
    public let shown: String
    /// Where it stands now.
    public var status: ResultStatus
    /// Why no deal came of it (or empty).
    public var reason: String

    /// A result to save, at `status` to-contact.
    public init(rank: Int, recordID: String, name: String, score: Double, shown: String,
                status: ResultStatus = .toContact, reason: String = "") {
        self.rank = rank
        self.recordID = recordID
        self.name = name
        self.score = score
        self.shown = shown
        self.status = status
        self.reason = reason
    }
}

/// A case: a demand (or a query) being worked by a broker for a client.
public struct Case: Sendable, Codable, Equatable {
    /// The database id.
    public let id: Int64
    /// What the case is called.
    public let title: String
    /// The broker working it.
    public let brokerID: Int64
    /// The client, if one is named.
    public let clientID: Int64?
    /// The record the shortlist was made for, if any.
    public let sourceID: String?
    /// The free text the shortlist was made for, if any.
    public let queryText: String?
    /// What was recommended (achievement, expert, …).
    public let target: String
    /// Whether only its broker and admins see it (a confidential demand's case).
    public let confidential: Bool
    /// When it was saved (seconds since 1970).
    public let createdAt: Int64
}

/// A note on a case, or a change of a result's status.
public struct CaseEvent: Sendable, Codable, Equatable {
    /// Who wrote or changed it.
    public let userID: Int64
    /// When (seconds since 1970).
    public let at: Int64
    /// The result it concerns (status changes), or nil (notes).
    public let recordID: String?
    /// The new status (status changes), or nil.
    public let status: ResultStatus?
    /// The reason given for no deal, or empty.
    public let reason: String
    /// The note's text.
    public let note: String
}

/// What a new case holds.
public struct NewCase: Sendable {
    /// What the case is called.
    public var title: String
    /// The client, if one is named.
    public var clientID: Int64?
    /// The record the shortlist was made for.
    public var sourceID: String?
    /// The free text the shortlist was made for.
    public var queryText: String?
    /// What was recommended.
    public var target: String
    /// Whether the case concerns a confidential demand.
    public var confidential: Bool
    /// The shortlist as shown.
    public var results: [SavedResult]

    /// A case to save.
    public init(title: String, clientID: Int64? = nil, sourceID: String? = nil, queryText: String? = nil, target: String,
                confidential: Bool, results: [SavedResult]) {
        self.title = title
        self.clientID = clientID
        self.sourceID = sourceID
        self.queryText = queryText
        self.target = target
        self.confidential = confidential
        self.results = results
    }
}

extension Workspace {
    /// Saves a case for `access.user`, with its shortlist as shown.
    ///
    /// - Throws: `DuijieError` when the user may not write, or the client is not theirs to use.
    public func createCase(_ new: NewCase, access: Access) throws(DuijieError) -> Case {
        guard access.user.role.canWrite else { throw Self.forbidden("a viewer cannot save cases") }
        let title = new.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 200 else { throw DuijieError(.invalidInput, "title: give 1 to 200 characters") }
        let now = Self.now()
        return try write { db in
            if let clientID = new.clientID {
                guard let owner = try Int64.fetchOne(db, sql: "SELECT brokerID FROM client WHERE id = ?", arguments: [clientID]),
                      owner == access.user.id || access.user.role == .admin
                else { throw DuijieError(.invalidInput, "clientID \(clientID): no such client of yours") }
            }
            try db.execute(sql: """
                INSERT INTO "case" (title, brokerID, clientID, sourceID, queryText, target, confidential, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [title, access.user.id, new.clientID, new.sourceID, new.queryText, new.target, new.confidential, now])
            let id = db.lastInsertedRowID
            for result in new.results {
                try db.execute(sql: """
                    INSERT INTO caseResult (caseID, rank, recordID, name, score, shown, status, reason, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, result.rank, result.recordID, result.name, result.score, result.shown,
                                     result.status.rawValue, result.reason, now])
            }
            return Case(id: id, title: title, brokerID: access.user.id, clientID: new.clientID, sourceID: new.sourceID,
                        queryText: new.queryText, target: new.target, confidential: new.confidential, createdAt: now)
        }
    }

    /// The cases `access.user` may see, newest first; with `brokerID`, only that broker's.
    public func cases(access: Access, brokerID: Int64? = nil) throws(DuijieError) -> [Case] {
        try read { db in
            var sql = #"SELECT * FROM "case" WHERE "# + Access.caseCondition
            var arguments = access.caseArguments
            if let brokerID {
                sql += " AND brokerID = ?"
                arguments += [brokerID]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY createdAt DESC, id DESC", arguments: arguments).map(Self.caseValue)
        }
    }

    /// A case `access.user` may see, with its results and history; nil when there is none or
    /// the user may not see it (the two are not told apart).
    public func caseDetail(_ id: Int64, access: Access) throws(DuijieError) -> (case: Case, results: [SavedResult], events: [CaseEvent])? {
        try read { db in
            let condition = #"SELECT * FROM "case" WHERE id = ? AND "# + Access.caseCondition
            guard let row = try Row.fetchOne(db, sql: condition, arguments: [id] + access.caseArguments) else { return nil }
            let results = try Row.fetchAll(db, sql: "SELECT * FROM caseResult WHERE caseID = ? ORDER BY rank", arguments: [id]).map { row in
                SavedResult(rank: row["rank"], recordID: row["recordID"], name: row["name"], score: row["score"], shown: row["shown"],
                            status: ResultStatus(rawValue: row["status"]) ?? .toContact, reason: row["reason"])
            }
            let changes = try Row.fetchAll(db, sql: "SELECT * FROM statusChange WHERE caseID = ?", arguments: [id]).map { row in
                (row["id"] as Int64, CaseEvent(userID: row["userID"], at: row["at"], recordID: row["recordID"],
                                               status: ResultStatus(rawValue: row["status"]), reason: row["reason"], note: row["note"]))
            }
            let notes = try Row.fetchAll(db, sql: "SELECT * FROM caseNote WHERE caseID = ?", arguments: [id]).map { row in
                (row["id"] as Int64, CaseEvent(userID: row["userID"], at: row["at"], recordID: nil, status: nil, reason: "", note: row["text"]))
            }
            // In time order; at the same second, status changes before notes, each in insertion order.
            let events = (changes.map { (0, $0.0, $0.1) } + notes.map { (1, $0.0, $0.1) })
                .sorted { ($0.2.at, $0.0, $0.1) < ($1.2.at, $1.0, $1.1) }.map(\.2)
            return (Self.caseValue(row), results, events)
        }
    }

    /// Sets a result's status in a case, with a note; `noDeal` needs a reason. The change is
    /// kept in the case's history.
    ///
    /// - Throws: `DuijieError` (`forbidden`) when the user may not change the case, or
    ///   (`invalid-input`) when the case or result does not exist or a reason is missing.
    public func setStatus(caseID: Int64, recordID: String, to status: ResultStatus, reason: String = "", note: String = "",
                          access: Access) throws(DuijieError) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if status.needsReason && reason.isEmpty { throw DuijieError(.invalidInput, "reason: say why no deal came of it") }
        try write { db in
            try Self.checkChangeable(caseID, access: access, db)
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM caseResult WHERE caseID = ? AND recordID = ?", arguments: [caseID, recordID]) == true else {
                throw DuijieError(.invalidInput, "recordID \(recordID): not a result of case \(caseID)")
            }
            let now = Self.now()
            try db.execute(sql: "UPDATE caseResult SET status = ?, reason = ?, updatedAt = ? WHERE caseID = ? AND recordID = ?",
                           arguments: [status.rawValue, reason, now, caseID, recordID])
            try db.execute(sql: "INSERT INTO statusChange (caseID, recordID, status, reason, note, userID, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [caseID, recordID, status.rawValue, reason, note, access.user.id, now])
        }
    }

    /// Adds a note to a case.
    ///
    /// - Throws: `DuijieError` as `setStatus` does, or for an empty note.
    public func addNote(caseID: Int64, text: String, access: Access) throws(DuijieError) {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 10_000 else { throw DuijieError(.invalidInput, "text: give 1 to 10000 characters") }
        try write { db in
            try Self.checkChangeable(caseID, access: access, db)
            try db.execute(sql: "INSERT INTO caseNote (caseID, userID, text, at) VALUES (?, ?, ?, ?)",
                           arguments: [caseID, access.user.id, text, Self.now()])
        }
    }

    /// The number of cases, everyone's.
    public func caseCount() throws(DuijieError) -> Int {
        try read { db in try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "case""#) ?? 0 }
    }

    /// The number of status changes and notes recorded, for checks that no committed write is lost.
    public func eventCount() throws(DuijieError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM statusChange) + (SELECT COUNT(*) FROM caseNote)") ?? 0
        }
    }

    private static func checkChangeable(_ caseID: Int64, access: Access, _ db: Database) throws {
        let condition = #"SELECT brokerID FROM "case" WHERE id = ? AND "# + Access.caseCondition
        guard let brokerID = try Int64.fetchOne(db, sql: condition, arguments: [caseID] + access.caseArguments) else {
            throw DuijieError(.notFound, "case \(caseID): no such case")
        }
        guard access.canChangeCase(brokerID: brokerID) else { throw forbidden("case \(caseID): only its broker or an admin may change it") }
    }

    static func forbidden(_ message: String) -> DuijieError { DuijieError(.forbidden, message) }

    private static func caseValue(_ row: Row) -> Case {
        Case(id: row["id"], title: row["title"], brokerID: row["brokerID"], clientID: row["clientID"], sourceID: row["sourceID"],
             queryText: row["queryText"], target: row["target"], confidential: row["confidential"], createdAt: row["createdAt"])
    }
}

extension DuijieError.Code {
    /// The user may not do this (a viewer writing, a broker changing another's case).
    public static let forbidden = DuijieError.Code("forbidden")
    /// What was asked for does not exist (or is not the user's to see).
    public static let notFound = DuijieError.Code("not-found")
}
