import DuijieJSON
import DuijieShortlist
import HTTPTypes
import Hummingbird

/// Shortlists: `POST /api/shortlists` (ranked and explained, as JSON) and
/// `POST /api/shortlists/export` (the same shortlist as a file for a client: .xlsx, .csv, .md).
struct ShortlistRoutes {
    let workbench: Workbench

    func add(to routes: RouteTable) {
        routes.add(.post, "/api/shortlists") { request, context in
            let user = try context.requireUser()
            return try await Self.cancelledOnDisconnect(request, context: context) { requestBody in
                var body = try await RequestObject.body(requestBody, context: context)
                let query = try workbench.withLearnedWeights(ShortlistQuery.read(&body))
                try body.finish()
                let access = try workbench.access(for: user)
                let (recommender, generation) = workbench.current()
                let hidden = workbench.hiddenRecords(access, in: recommender)
                let section = try await workbench.offload { try query.run(recommender, hidden: hidden, access: access, workbench: workbench) }
                return JSONResponse.make(query.json(section, corpus: recommender.corpus, generation: generation))
            }
        }
        routes.add(.post, "/api/shortlists/export") { request, context in
            let user = try context.requireUser()
            return try await Self.cancelledOnDisconnect(request, context: context) { requestBody in
                var body = try await RequestObject.body(requestBody, context: context)
                let query = try workbench.withLearnedWeights(ShortlistQuery.read(&body))
                let formatName = try body.string("format", maxLength: 10) ?? "xlsx"
                try body.finish()
                guard let format = ShortlistExport.Kind(rawValue: formatName) else {
                    throw APIError(.badRequest, "format \(formatName): expected xlsx, csv, md or json", field: "format")
                }
                let access = try workbench.access(for: user)
                let (recommender, _) = workbench.current()
                let hidden = workbench.hiddenRecords(access, in: recommender)
                let bytes = try await workbench.offload { () throws -> [UInt8] in
                    let section = try query.run(recommender, hidden: hidden, access: access, workbench: workbench)
                    let table = ShortlistTable(corpus: recommender.corpus, target: query.target, chinese: query.chinese)
                    return try ShortlistExport(table: table, explain: true).bytes([section], as: format)
                }
                var headers = HTTPFields()
                headers[.contentType] = ShortlistExport.mediaType(of: format)
                let name = query.chinese ? "推荐清单" : "shortlist"
                let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "shortlist"
                headers[.contentDisposition] = "attachment; filename=\"shortlist.\(format.rawValue)\"; filename*=UTF-8''\(encoded).\(format.rawValue)"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
    }

    /// Runs `answer` on `request`'s body, cancelled if the client disconnects first: a queued
    /// ranking of a client that left never starts. Hummingbird closes the connection after such
    /// an answer, so the answer (an error too) says `Connection: close` and clients open a new
    /// one rather than reuse a closed one.
    static func cancelledOnDisconnect(_ request: Request, context: ServerContext,
                                      _ answer: (RequestBody) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await request.body.consumeWithCancellationOnInboundClose(answer)
        } catch {
            guard let apiError = APIError.answering(error, to: request) as? APIError else { throw error }
            response = try apiError.response(from: request, context: context)
        }
        response.headers[.connection] = "close"
        return response
    }
}
