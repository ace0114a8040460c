import Crypto
import DuijieBase
import Foundation
import GRDB

/// A signed-in user's session: the user, and the token a page must echo on every change
/// (protection against cross-site request forgery).
public struct Session: Sendable {
    /// Who is signed in.
    public let user: User
    /// The token the page sends back in `X-CSRF-Token`.
    public let csrfToken: String
    /// When the session ends (seconds since 1970).
    public let expiresAt: Int64
}

extension Workspace {
    /// How long a session lasts: 8 hours, a working day.
    public static let sessionLifetime: Int64 = 8 * 3600

    /// Starts a session for `user`.
    ///
    /// - Returns: The bearer token (shown once: the workspace keeps only its SHA-256) and the session.
    public func startSession(for user: User, lifetime: Int64 = Workspace.sessionLifetime) throws(DuijieError) -> (token: String, session: Session) {
        let token = Self.randomToken()
        let session = Session(user: user, csrfToken: Self.randomToken(), expiresAt: Self.now() + lifetime)
        try write { db in
            try db.execute(sql: "DELETE FROM session WHERE expiresAt <= ?", arguments: [Self.now()])
            try db.execute(sql: "INSERT INTO session (tokenHash, userID, csrfToken, expiresAt) VALUES (?, ?, ?, ?)",
                           arguments: [Self.digest(token), user.id, session.csrfToken, session.expiresAt])
        }
        return (token, session)
    }

    /// The live session a token names, or nil when unknown or expired.
    public func session(token: String) throws(DuijieError) -> Session? {
        let row = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT user.*, session.csrfToken, session.expiresAt FROM session JOIN user ON user.id = session.userID
                WHERE session.tokenHash = ? AND session.expiresAt > ?
                """, arguments: [Self.digest(token), Self.now()])
        }
        guard let row else { return nil }
        return Session(user: Self.user(row), csrfToken: row["csrfToken"], expiresAt: row["expiresAt"])
    }

    /// Ends the session a token names (signing out).
    public func endSession(token: String) throws(DuijieError) {
        try write { db in try db.execute(sql: "DELETE FROM session WHERE tokenHash = ?", arguments: [Self.digest(token)]) }
    }

    /// 32 random bytes from the system's secure generator, as 64 hex digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    private static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
