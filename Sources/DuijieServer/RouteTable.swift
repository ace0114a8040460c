import HTTPTypes
import Hummingbird

/// The server's routes, registered on the router and listed, so that a test can check the
/// list against the OpenAPI document route by route.
final class RouteTable {
    let router: Router<ServerContext>
    /// Every route added: its method and its path as OpenAPI writes it (`/api/cases/{id}`).
    private(set) var routes: [(method: HTTPRequest.Method, path: String)] = []

    init(router: Router<ServerContext>) { self.router = router }

    /// Adds a route; `path` names parameters in braces (`{id}`), as OpenAPI does.
    func add(_ method: HTTPRequest.Method, _ path: String,
             _ handler: @escaping @Sendable (Request, ServerContext) async throws -> Response) {
        routes.append((method, path))
        let hummingbirdPath = path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : part
        }.joined(separator: "/")
        router.on(RouterPath(hummingbirdPath), method: method, use: handler)
    }
}
