import DuijieWorkspace
import HTTPTypes
import Hummingbird

/// Finds the session a request carries — a bearer token (`Authorization: Bearer …`, for
/// programs) or the page's cookie — and guards every API route with it: no session, 401; a
/// change made with the cookie but without the session's `X-CSRF-Token`, 403 (another site
/// can make a browser send the cookie, never read the token).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    static let cookieName = "duijie_session"

    let workspace: Workspace

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        // Signing in and the page's files need no session; a cookie from an earlier session
        // must not stand in the way of signing in again.
        if Self.isPublic(request) { return try await next(request, context) }
        var context = context
        let bearer = request.headers[.authorization].flatMap { value -> String? in
            value.hasPrefix("Bearer ") ? String(value.dropFirst("Bearer ".count)) : nil
        }
        let cookie = request.cookies[Self.cookieName]?.value
        if let token = bearer ?? cookie, token.count == 64, let session = try workspace.session(token: token) {
            context.session = session
            context.sessionToken = token
            let safe = request.method == .get || request.method == .head
            if bearer == nil && !safe && request.headers[.csrfToken] != session.csrfToken {
                throw APIError(.forbidden, "missing or wrong X-CSRF-Token: reload the page")
            }
        }
        if context.session == nil {
            throw APIError(.unauthorized, "sign in first (POST /api/session)")
        }
        return try await next(request, context)
    }

    /// The page, its assets, the API's description and signing in need no session.
    static func isPublic(_ request: Request) -> Bool {
        let path = request.uri.path
        if path == "/api/session" && request.method == .post { return true }
        return !path.hasPrefix("/api/")
    }
}

extension HTTPField.Name {
    /// The header a page sends its session's CSRF token in.
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}
