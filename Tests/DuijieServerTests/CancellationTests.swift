import Dispatch
@testable import DuijieServer
import DuijieTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A client that leaves does not cost a ranking: work still waiting for a thread is skipped.
@Suite(.serialized) struct CancellationTests {
    @Test func aDisconnectedClientsQueuedRankingNeverStarts() async throws {
        // Rankings run on one serial queue, held busy, so the request below has to wait.
        let queue = DispatchQueue(label: "test.serial-ranking")
        let fixture = try ServerFixture(fromCorpus: true, rankingQueue: queue)
        let release = DispatchSemaphore(value: 0)
        try await fixture.withServer { client in
            // Signing in checks the password on the same queue: do it before holding it.
            let token = try await client.signIn("wang")
            let port = try #require(client.client.port)
            queue.async { release.wait() }
            // A client sends its request, and hangs up while its ranking is queued behind the
            // held one.
            let body = #"{"recordID":"D-1012"}"#
            let request = "POST /api/shortlists HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            // Each wait below is for an event, not a guess at a delay, so a loaded machine only
            // makes the test slower (two minutes at most per wait).
            func waitFor(_ condition: () -> Bool) async throws {
                for _ in 0..<12_000 where !condition() { try await Task.sleep(nanoseconds: 10_000_000) }
            }
            let queuedBefore = fixture.workbench.queuedWork
            let connection = try send(request, port: port)
            try await waitFor { fixture.workbench.queuedWork > queuedBefore }
            #expect(fixture.workbench.queuedWork == queuedBefore + 1, "the request's ranking was never queued")
            close(connection)
            try await waitFor { fixture.workbench.cancelledWork > 0 }
            #expect(fixture.workbench.cancelledWork == 1, "the server never saw the client leave")
            #expect(fixture.workbench.skippedWork == 0)
            release.signal()
            // The queue reaches the request: it sees the cancellation and skips the ranking.
            try await waitFor { fixture.workbench.skippedWork > 0 }
            #expect(fixture.workbench.skippedWork == 1)
            // A client that waits is answered as usual.
            let answered = try await client.request(.post, "/api/shortlists", token: token, json: #"{"recordID":"D-1012","top":3}"#)
            #expect(answered.status == .ok)
            // The server closes such a connection after the answer, and says so.
            #expect(answered.headers[.connection] == "close")
            #expect(fixture.workbench.skippedWork == 1)
        }
    }

    /// Opens a TCP connection to the loopback `port` and writes `request`; the connection's
    /// descriptor, for the caller to close.
    private func send(_ request: String, port: Int) throws -> Int32 {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socketDescriptor >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        let bytes = Array(request.utf8)
        let written = connected == 0 ? bytes.withUnsafeBytes { write(socketDescriptor, $0.baseAddress, $0.count) } : -1
        guard written == bytes.count else {
            close(socketDescriptor)
            throw CancellationTestError.couldNotSend
        }
        return socketDescriptor
    }
}

private enum CancellationTestError: Error {
    case couldNotSend
}
