import DuijieBase
import DuijieJSON
import DuijieRanking
@testable import DuijieServer
import DuijieTestSupport
import DuijieWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A workbench over a saved index of the demo corpus and a fresh workspace with four users:
/// an admin, two brokers (wang owns the confidential demand D-1011) and a viewer.
struct ServerFixture {
    static let password = "correct horse"
    let directory = TemporaryDirectory()
    let workbench: Workbench
    let users: [String: User]

    /// - Parameters:
    ///   - fromCorpus: serve a recommender built from the corpus (changes need an index).
    ///   - rankingQueue: where rankings run (default: the server's own concurrent queue).
    init(fromCorpus: Bool = false, rankingQueue: DispatchQueue? = nil) throws {
        let workspace = try Workspace(path: directory.path + "/workspace.sqlite")
        var users: [String: User] = [:]
        for (login, role) in [("admin", Role.admin), ("wang", .broker), ("li", .broker), ("zhao", .viewer)] {
            users[login] = try workspace.addUser(login: login, role: role, password: Self.password, cost: 4)
        }
        try workspace.setDemandOwner("D-1011", brokerID: users["wang"]!.id)
        self.users = users
        let recommender = DemoRecommender.shared.recommender
        if fromCorpus {
            workbench = Workbench(source: .corpus(recommender, directory: RepositoryFiles.demoCorpus), workspace: workspace,
                                  rankingQueue: rankingQueue ?? DispatchQueue(label: "test.ranking", attributes: .concurrent))
        } else {
            let index = directory.path + "/demo.index"
            try RecommenderIndex.write(recommender, corpusDirectory: RepositoryFiles.demoCorpus,
                                       corpusFingerprint: TextIndex.fingerprint(ofCorpus: RepositoryFiles.demoCorpus), to: index)
            workbench = Workbench(source: .index(try LiveRecommender(path: index)), workspace: workspace)
        }
    }

    /// Runs `body` against the server listening on a loopback port.
    func withServer<T: Sendable>(_ body: @Sendable (APIClient) async throws -> T) async throws -> T {
        let app = DuijieServer.application(workbench, port: 0, logLevel: .critical)
        return try await app.test(.live) { client in try await body(APIClient(client: client)) }
    }
}

/// A response: status, headers, and the body (parsed when it is JSON).
struct APIResponse: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let bytes: [UInt8]

    var json: JSONValue? { try? JSONParser.parse(String(decoding: bytes, as: UTF8.self)) }
    var text: String { String(decoding: bytes, as: UTF8.self) }
    /// The error body's `field`, if any.
    var errorField: String? {
        guard case .string(let field)? = json?["error"]?["field"] else { return nil }
        return field
    }
}

/// Requests with or without a bearer token.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    /// Signs in; the token.
    func signIn(_ login: String, password: String = ServerFixture.password) async throws -> String {
        let response = try await request(.post, "/api/session", json: #"{"login":"\#(login)","password":"\#(password)"}"#)
        guard response.status == .ok, case .string(let token)? = response.json?["token"] else {
            throw DuijieError(.invalidInput, "sign-in of \(login) failed: \(response.status) \(response.text)")
        }
        return token
    }

    func request(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil,
                 headers extra: HTTPFields = [:]) async throws -> APIResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        // A connection per request, as the shortlist routes close theirs after each answer.
        guard let port = client.port else { throw DuijieError(.invalidInput, "the test server has no port") }
        let testRequest = TestClient.Request(uri, method: method, authority: "127.0.0.1", headers: headers, body: json.map { ByteBuffer(string: $0) })
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { connection in
            try await connection.execute(testRequest)
        }
        var body = response.body ?? ByteBuffer()
        return APIResponse(status: response.status, headers: response.head.headerFields, bytes: body.readBytes(length: body.readableBytes) ?? [])
    }
}

extension JSONValue {
    /// The ids of a shortlist or search answer's results.
    var resultIDs: [String] {
        guard case .array(let results)? = self["results"] else { return [] }
        return results.compactMap { result in
            if case .string(let id)? = result["id"] { return id }
            return nil
        }
    }

    var intValue: Int? {
        guard case .number(let value) = self else { return nil }
        return Int(value)
    }

    /// How many items, for an array.
    var arrayCount: Int? {
        guard case .array(let items) = self else { return nil }
        return items.count
    }
}
