import DuijieBase
import Foundation
import GRDB
import HummingbirdBcrypt

extension Workspace {
    /// The bcrypt cost new passwords are hashed with: 2^12 rounds, about a quarter of a second
    /// on this project's 2-core machine, slow enough to make guessing expensive.
    public static let passwordCost: UInt8 = 12

    /// The shortest password accepted.
    public static let minimumPasswordLength = 8

    /// Adds a user whose password is stored as a bcrypt hash (never the password).
    ///
    /// - Parameter cost: bcrypt's cost (4…31); tests use the minimum to stay fast.
    /// - Returns: The new user.
    /// - Throws: `DuijieError` when the login is taken or empty, or the password too short.
    @discardableResult
    public func addUser(login: String, displayName: String? = nil, role: Role, password: String,
                        cost: UInt8 = Workspace.passwordCost) throws(DuijieError) -> User {
        let login = login.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty, login.count <= 64 else { throw DuijieError(.invalidInput, "login: give a name of 1 to 64 characters") }
        guard password.count >= Self.minimumPasswordLength else {
            throw DuijieError(.invalidInput, "password: at least \(Self.minimumPasswordLength) characters")
        }
        let hash = Bcrypt.hash(password, cost: cost)
        let name = displayName ?? login
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE login = ?", arguments: [login]) == true {
                throw DuijieError(.invalidInput, "login \(login): a user with this login exists")
            }
            try db.execute(sql: "INSERT INTO user (login, displayName, role, passwordHash, createdAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [login, name, role.rawValue, hash, Self.now()])
            return User(id: db.lastInsertedRowID, login: login, displayName: name, role: role)
        }
    }

    /// The user with this login and password, or nil (an unknown login costs a hash too, so
    /// that timing does not tell which logins exist).
    public func authenticate(login: String, password: String) throws(DuijieError) -> User? {
        let row = try read { db in try Row.fetchOne(db, sql: "SELECT * FROM user WHERE login = ?", arguments: [login]) }
        guard let row else {
            _ = Bcrypt.verify(password, hash: Self.decoyHash)
            return nil
        }
        guard Bcrypt.verify(password, hash: row["passwordHash"]) else { return nil }
        return Self.user(row)
    }

    /// Every user, by id.
    public func users() throws(DuijieError) -> [User] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY id").map(Self.user) }
    }

    /// The user with this id, or nil.
    public func user(id: Int64) throws(DuijieError) -> User? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id]).map(Self.user) }
    }

    static func user(_ row: Row) -> User {
        User(id: row["id"], login: row["login"], displayName: row["displayName"], role: Role(rawValue: row["role"]) ?? .viewer)
    }

    /// A hash of no one's password, verified against when a login is unknown.
    private static let decoyHash = Bcrypt.hash("no such user", cost: passwordCost)

    /// Seconds since 1970, the workspace's clock.
    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
