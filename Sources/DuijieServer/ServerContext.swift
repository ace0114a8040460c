import DuijieWorkspace
import Hummingbird

/// Each request's context: Hummingbird's own, and the session the request carries (set by
/// `SessionMiddleware`).
public struct ServerContext: RequestContext {
    /// Hummingbird's storage (logger, parameters).
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user's session, or nil.
    public var session: Session?
    /// The token the session came from (to end it on sign-out).
    public var sessionToken: String?

    /// A context for a new request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Request bodies above 1 MiB are refused (413): a record or a query is far smaller.
    public var maxUploadSize: Int { 1 << 20 }

    /// The signed-in user, or a 401 error.
    func requireUser() throws -> User {
        guard let session else { throw APIError(.unauthorized, "sign in first (POST /api/session)") }
        return session.user
    }
}
