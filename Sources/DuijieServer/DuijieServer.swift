import DuijieBase
import Hummingbird
import Logging

/// The workbench's HTTP server: the JSON API, the page, and the API's description, over a
/// `Workbench`. `duijie serve` runs it; tests run it on a loopback port.
public enum DuijieServer {
    /// The address served when none is given: loopback only.
    public static let defaultHost = "127.0.0.1"

    /// The application serving `workbench` at `host:port` (port 0: any free port);
    /// `onRunning` is told the port once the server listens.
    public static func application(_ workbench: Workbench, host: String = defaultHost, port: Int,
                                   logLevel: Logger.Level = .notice,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "duijie.serve")
        logger.logLevel = logLevel
        return Application(router: makeRouter(workbench).router,
                           configuration: .init(address: .hostname(host, port: port), serverName: "duijie"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
                           logger: logger)
    }

    /// The routes, with their middleware: security headers, errors as JSON, sessions.
    static func makeRouter(_ workbench: Workbench) -> RouteTable {
        let router = Router(context: ServerContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: SessionMiddleware(workspace: workbench.workspace))
        let routes = RouteTable(router: router)
        PageRoutes(workbench: workbench).add(to: routes)
        SessionRoutes(workbench: workbench).add(to: routes)
        ShortlistRoutes(workbench: workbench).add(to: routes)
        RecordRoutes(workbench: workbench).add(to: routes)
        CaseRoutes(workbench: workbench).add(to: routes)
        StatsRoutes(workbench: workbench).add(to: routes)
        DealRoutes(workbench: workbench).add(to: routes)
        EventRoutes(workbench: workbench).add(to: routes)
        EventPlanRoutes(workbench: workbench).add(to: routes)
        return routes
    }

    /// Every route as (method, OpenAPI path), for checking against the document.
    static func routeList(_ workbench: Workbench) -> [(method: String, path: String)] {
        makeRouter(workbench).routes.map { ($0.method.rawValue, $0.path) }
    }
}
