import DuijieBase
import GRDB

/// A client of a broker: the enterprise or institution a case is worked for.
public struct Client: Sendable, Codable, Equatable {
    /// The database id.
    public let id: Int64
    /// The client's name.
    public let name: String
    /// How to reach them.
    public let contact: String
    /// The broker the client belongs to.
    public let brokerID: Int64
}

extension Workspace {
    /// Adds a client of `access.user`.
    ///
    /// - Throws: `DuijieError` when the user may not write or the name is empty.
    public func addClient(name: String, contact: String = "", access: Access) throws(DuijieError) -> Client {
        guard access.user.role.canWrite else { throw Self.forbidden("a viewer cannot add clients") }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw DuijieError(.invalidInput, "name: give 1 to 200 characters") }
        return try write { db in
            try db.execute(sql: "INSERT INTO client (name, contact, brokerID, createdAt) VALUES (?, ?, ?, ?)",
                           arguments: [name, contact, access.user.id, Self.now()])
            return Client(id: db.lastInsertedRowID, name: name, contact: contact, brokerID: access.user.id)
        }
    }

    /// The clients `access.user` works with (an admin: everyone's), by name.
    public func clients(access: Access) throws(DuijieError) -> [Client] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM client WHERE ? = 'admin' OR brokerID = ? ORDER BY name, id",
                             arguments: [access.user.role.rawValue, access.user.id]).map { row in
                Client(id: row["id"], name: row["name"], contact: row["contact"], brokerID: row["brokerID"])
            }
        }
    }

    /// Records that `brokerID` owns the demand `demandID` (added through the workbench): a
    /// confidential demand is then theirs to see.
    public func setDemandOwner(_ demandID: String, brokerID: Int64) throws(DuijieError) {
        try write { db in
            try db.execute(sql: "INSERT INTO demandOwner (demandID, brokerID) VALUES (?, ?) ON CONFLICT(demandID) DO UPDATE SET brokerID = excluded.brokerID",
                           arguments: [demandID, brokerID])
        }
    }

    /// The owner of every demand added through the workbench.
    public func demandOwners() throws(DuijieError) -> [String: Int64] {
        try read { db in
            var owners: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT demandID, brokerID FROM demandOwner") { owners[row["demandID"]] = row["brokerID"] }
            return owners
        }
    }
}
