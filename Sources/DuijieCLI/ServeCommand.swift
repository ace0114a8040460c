import ArgumentParser
import Dispatch
import DuijieBase
import DuijieCommandLine
import DuijieRanking
import DuijieServer
import DuijieWorkspace
import Foundation

/// `duijie serve`: the broker's workbench — the JSON API and the web page — over an index (or
/// a corpus) and a workspace.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the workbench: a web page and a JSON API over an index and a workspace.",
        discussion: """
        The index loads once; changes through the API commit generations of it (`duijie \
        update`). With --corpus the recommender is built at start and records cannot change. \
        The workspace (users, clients, cases, statuses) is a SQLite file; add users with \
        `duijie workspace add-user`. The server listens on 127.0.0.1 unless --bind says \
        otherwise, and stops cleanly on SIGTERM or Ctrl-C. The API is described at \
        /openapi.json (docs/server.md).

        Examples:
          duijie serve --index demo.index --workspace demo.sqlite
          duijie serve --corpus Corpus/demo --workspace demo.sqlite --port 9000
        """
    )

    @OptionGroup var source: RecommenderSource
    @Option(help: "The workspace file (SQLite; created when absent).") var workspace = "duijie-workspace.sqlite"
    @Option(help: "The address to listen on (default 127.0.0.1: this machine only).") var bind = DuijieServer.defaultHost
    @Option(help: "The port (0: any free port, printed at start).") var port = 8080
    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        try source.validate()
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        if !Self.isLoopback(bind) {
            printError("warning: --bind \(bind) lets other machines reach the workbench over plain HTTP (no TLS): passwords and confidential demands cross the network unencrypted")
        }
        let workspace = try Workspace(path: workspace)
        if try workspace.users().isEmpty {
            printError("note: the workspace has no users yet: add one with `duijie workspace add-user \(self.workspace) --login NAME --role admin`")
        }
        let workbench: Workbench
        if let index = source.index {
            workbench = Workbench(source: .index(try LiveRecommender(path: index, wordExplanations: true)), workspace: workspace)
        } else {
            let recommender = try source.makeRecommender(analysis: analysis, wordExplanations: true)
            workbench = Workbench(source: .corpus(recommender, directory: source.corpus ?? ""), workspace: workspace)
        }
        let host = bind
        let app = DuijieServer.application(workbench, host: host, port: port) { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            // Written unbuffered: a script waiting for this line reads it at once.
            FileHandle.standardOutput.write(Data("duijie serve: http://\(shown):\(port)/  (Ctrl-C to stop)\n".utf8))
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = LockedError()
        Task {
            do { try await app.runService() } catch { failure.set(error) }
            finished.signal()
        }
        finished.wait()
        if let error = failure.get() { throw DuijieError(.io, "the server stopped: \(error)") }
        print("duijie serve: stopped")
    }

    /// Whether `host` reaches only this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// An error handed from the server's task to the waiting command.
private final class LockedError: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ value: any Error) { lock.withLock { error = value } }
    func get() -> (any Error)? { lock.withLock { error } }
}
