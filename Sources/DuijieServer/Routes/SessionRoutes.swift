import DuijieJSON
import DuijieWorkspace
import HTTPTypes
import Hummingbird

/// Signing in and out: `POST /api/session` (login and password → a bearer token, and the
/// page's cookie), `GET /api/session` (who is signed in), `DELETE /api/session`.
struct SessionRoutes {
    let workbench: Workbench

    func add(to routes: RouteTable) {
        routes.add(.post, "/api/session") { request, context in
            var body = try await RequestObject.body(of: request, context: context)
            let login = try body.requiredString("login", maxLength: 64)
            let password = try body.requiredString("password", maxLength: 200)
            try body.finish()
            let workspace = workbench.workspace
            guard let user = try await workbench.offload({ try workspace.authenticate(login: login, password: password) }) else {
                throw APIError(.unauthorized, "wrong login or password")
            }
            let (token, session) = try workspace.startSession(for: user)
            var response = JSONResponse.make(.object([("token", .string(token))] + Self.members(session)))
            response.headers[.setCookie] = "\(SessionMiddleware.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Workspace.sessionLifetime)"
            return response
        }
        routes.add(.get, "/api/session") { _, context in
            _ = try context.requireUser()
            return JSONResponse.make(.object(Self.members(context.session!)))
        }
        routes.add(.delete, "/api/session") { _, context in
            _ = try context.requireUser()
            if let token = context.sessionToken { try workbench.workspace.endSession(token: token) }
            var response = Response(status: .noContent)
            response.headers[.setCookie] = "\(SessionMiddleware.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
            return response
        }
    }

    static func members(_ session: Session) -> [(key: String, value: JSONValue)] {
        [("user", userJSON(session.user)), ("csrfToken", .string(session.csrfToken)), ("expiresAt", .int(session.expiresAt))]
    }

    static func userJSON(_ user: User) -> JSONValue {
        .object([("id", .int(user.id)), ("login", .string(user.login)), ("displayName", .string(user.displayName)), ("role", .string(user.role.rawValue))])
    }
}
