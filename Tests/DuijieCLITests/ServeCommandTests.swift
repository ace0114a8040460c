import DuijieTestSupport
import DuijieWorkspace
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `duijie serve` as a process: where it listens, how it stops, and that a `kill -9` in the
/// middle of a burst of workspace writes loses none that were answered.
@Suite(.serialized) struct ServeCommandTests {
    /// A running `duijie serve` and the URL it printed.
    final class ServerProcess: @unchecked Sendable {
        let process = Process()
        let url: URL
        private let output = Pipe()
        private let errors = Pipe()

        init(_ arguments: [String]) throws {
            process.executableURL = CommandRunner.executable("duijie")
            process.arguments = ["serve", "--port", "0"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: RepositoryFiles.root)
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // The first line on standard output names the address once the server listens.
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let start = text.range(of: "http://"), let end = text[start.lowerBound...].firstIndex(of: " "),
                  let url = URL(string: String(text[start.lowerBound..<end])) else {
                process.terminate()
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no URL from duijie serve: \(text) \(String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self))"])
            }
            self.url = url
        }

        /// A server a failed test left running is killed with the test.
        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }

        /// Standard output and error after the process ended.
        func finish() -> (status: Int32, output: String, errors: String) {
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                    String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    static func request(_ url: URL, method: String = "GET", token: String? = nil, json: String? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    static func workspace(in directory: TemporaryDirectory) throws -> String {
        let path = directory.path + "/ws.sqlite"
        try Workspace(path: path).addUser(login: "wang", role: .broker, password: "correct horse", cost: 4)
        return path
    }

    @Test func itListensOnLoopbackAndStopsCleanlyOnSIGTERM() async throws {
        let directory = TemporaryDirectory()
        let server = try ServerProcess(["--corpus", "Corpus/demo", "--workspace", try Self.workspace(in: directory)])
        #expect(server.url.host == "127.0.0.1")
        let (status, body) = try await Self.request(server.url.appendingPathComponent("openapi.json"))
        #expect(status == 200 && String(decoding: body, as: UTF8.self).contains("\"openapi\": \"3.1.0\""))
        server.process.terminate()  // SIGTERM
        let ended = server.finish()
        #expect(ended.status == 0 && ended.output.contains("duijie serve: stopped"), "\(ended)")
    }

    @Test func listeningBeyondLoopbackIsAnExplicitChoiceWithAWarning() async throws {
        let directory = TemporaryDirectory()
        let server = try ServerProcess(["--corpus", "Corpus/demo", "--workspace", try Self.workspace(in: directory), "--bind", "0.0.0.0"])
        server.process.terminate()
        let ended = server.finish()
        #expect(ended.errors.contains("warning: --bind 0.0.0.0") && ended.errors.contains("no TLS"))
    }

    @Test func killedDuringABurstOfWritesItLosesNoAnsweredWrite() async throws {
        let directory = TemporaryDirectory()
        let workspacePath = try Self.workspace(in: directory)
        var answeredInAll = 0
        for round in 0..<4 {
            let server = try ServerProcess(["--corpus", "Corpus/demo", "--workspace", workspacePath])
            let (_, session) = try await Self.request(server.url.appendingPathComponent("api/session"), method: "POST",
                                                      json: #"{"login":"wang","password":"correct horse"}"#)
            let token = try #require((try JSONSerialization.jsonObject(with: session) as? [String: Any])?["token"] as? String, "round \(round): \(String(decoding: session, as: UTF8.self))")
            let (created, caseBody) = try await Self.request(server.url.appendingPathComponent("api/cases"), method: "POST", token: token,
                                                             json: #"{"title":"压测 \#(round)","shortlist":{"recordID":"D-1012","top":3}}"#)
            #expect(created == 201)
            let caseID = try #require((try JSONSerialization.jsonObject(with: caseBody) as? [String: Any])?["id"] as? Int)
            let before = try Workspace(path: workspacePath).eventCount()
            // Notes are written one after another; the server is killed after a round-dependent
            // number of answers, with requests still in flight.
            let answered = Counter()
            let url = server.url.appendingPathComponent("api/cases/\(caseID)/notes")
            let writer = Task {
                for index in 0..<10_000 {
                    guard let (status, _) = try? await Self.request(url, method: "POST", token: token, json: #"{"text":"note \#(index)"}"#), status == 201 else { return }
                    answered.increment()
                }
            }
            while answered.value < 20 + 15 * round { try await Task.sleep(nanoseconds: 2_000_000) }
            kill(server.process.processIdentifier, SIGKILL)
            _ = server.finish()
            _ = await writer.result
            let after = try Workspace(path: workspacePath).eventCount()
            // Every answered note is there; at most the one in flight when killed is there too.
            #expect(after - before >= answered.value && after - before <= answered.value + 1, "round \(round): \(after - before) written, \(answered.value) answered")
            answeredInAll += answered.value
        }
        #expect(answeredInAll >= 4 * 20)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".duijie-tmp-") }
        #expect(leftovers.isEmpty)
    }
}

/// A count shared with a task.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}
