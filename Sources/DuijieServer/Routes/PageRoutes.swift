import DuijieJSON
import HTTPTypes
import Hummingbird

/// The broker's page (`/`), its script and style, the API's description (`/openapi.json`) and
/// the server's status. Everything is compiled into the binary: nothing is read from disk, so
/// no request can name a file.
struct PageRoutes {
    let workbench: Workbench

    func add(to routes: RouteTable) {
        routes.add(.get, "/") { _, _ in Self.asset(PageHTML.text, "text/html; charset=utf-8") }
        routes.add(.get, "/assets/app.js") { _, _ in Self.asset(PageScript.text, "text/javascript; charset=utf-8") }
        routes.add(.get, "/assets/app.css") { _, _ in Self.asset(PageStyle.text, "text/css; charset=utf-8") }
        routes.add(.get, "/openapi.json") { _, _ in Self.asset(OpenAPIDocument.json, "application/json; charset=utf-8") }
        routes.add(.get, "/api/status") { _, context in
            _ = try context.requireUser()
            let (recommender, generation) = workbench.current()
            let source: String
            switch workbench.source {
            case .index: source = "index"
            case .corpus: source = "corpus"
            }
            let corpus = recommender.corpus
            let records = corpus.achievements.count + corpus.demands.count + corpus.experts.count + corpus.institutions.count + corpus.enterprises.count
            return JSONResponse.make(.object([("source", .string(source)), ("generation", .int(generation)), ("records", .int(records)),
                                              ("schemaVersion", .int(try workbench.workspace.schemaVersion()))]))
        }
    }

    static func asset(_ text: String, _ type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
