import DuijieJSON
import DuijieShortlist
import DuijieWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// Cases and clients: a shortlist saved as it was shown, its results' statuses with notes,
/// and the brokers' clients.
struct CaseRoutes {
    let workbench: Workbench

    func add(to routes: RouteTable) {
        routes.add(.get, "/api/cases") { request, context in
            let user = try context.requireUser()
            let brokerText = request.uri.queryParameters["broker"].map(String.init)
            var brokerID: Int64?
            if let brokerText {
                guard let id = Int64(brokerText) else { throw APIError(.badRequest, "broker \(brokerText): expected a user id", field: "broker") }
                brokerID = id
            }
            let cases = try workbench.workspace.cases(access: workbench.access(for: user), brokerID: brokerID)
            return JSONResponse.make(.object([("cases", .array(cases.map(Self.caseJSON)))]))
        }
        routes.add(.post, "/api/cases") { request, context in
            let user = try context.requireUser()
            var body = try await RequestObject.body(of: request, context: context)
            let title = try body.requiredString("title", maxLength: 200)
            let clientID = try body.integer("clientID", in: 1...Int.max).map(Int64.init)
            guard var shortlist = try body.object("shortlist") else { throw APIError(.badRequest, "shortlist: required", field: "shortlist") }
            let query = try ShortlistQuery.read(&shortlist)
            let shownIDs = try shortlist.strings("shownIDs", maxCount: 1_000)
            try shortlist.finish()
            try body.finish()
            let access = try workbench.access(for: user)
            guard user.role.canWrite else { throw APIError(.forbidden, "a viewer cannot save cases") }
            let (recommender, _) = workbench.current()
            let hidden = workbench.hiddenRecords(access, in: recommender)
            let section = try await workbench.offload { try query.run(recommender, hidden: hidden, access: access, workbench: workbench) }
            // Saved as shown: the ranking is deterministic, so the same query on the same
            // generation gives the same list; a different list means the index changed since.
            if !shownIDs.isEmpty && shownIDs != section.results.map(\.id) {
                throw APIError(.conflict, "the shortlist changed since it was shown (the index took changes): show it again, then save", field: "shortlist.shownIDs")
            }
            let corpus = recommender.corpus
            let json = query.json(section, corpus: corpus, generation: 0)
            guard case .array(let shown)? = json["results"] else { throw APIError(.internalServerError, "shortlist without results") }
            let saved = zip(section.results, shown).enumerated().map { rank, pair in
                SavedResult(rank: rank + 1, recordID: pair.0.id, name: corpus.displayName(of: pair.0.id), score: Double(pair.0.score),
                            shown: JSONWriter.string(pair.1))
            }
            let confidential = query.recordID.flatMap { corpus.demand($0)?.confidential } ?? false
            let new = NewCase(title: title, clientID: clientID, sourceID: query.recordID, queryText: query.text, target: query.target.rawValue,
                              confidential: confidential, results: saved)
            let created = try workbench.workspace.createCase(new, access: access)
            return JSONResponse.make(Self.caseJSON(created), status: .created)
        }
        routes.add(.get, "/api/cases/{id}") { _, context in
            let user = try context.requireUser()
            let id = try Self.caseID(context)
            guard let detail = try workbench.workspace.caseDetail(id, access: workbench.access(for: user)) else {
                throw APIError(.notFound, "case \(id): no such case")
            }
            let results: [JSONValue] = detail.results.map { result in
                let shown = (try? JSONParser.parse(result.shown)) ?? .null
                return .object([("rank", .int(result.rank)), ("recordID", .string(result.recordID)), ("name", .string(result.name)),
                                ("score", .number(result.score)), ("status", .string(result.status.rawValue)),
                                ("reason", .string(result.reason)), ("shown", shown)])
            }
            let events: [JSONValue] = detail.events.map { event in
                .object([("userID", .int(event.userID)), ("at", .int(event.at)), ("recordID", .optional(event.recordID)),
                         ("status", .optional(event.status?.rawValue)), ("reason", .string(event.reason)), ("note", .string(event.note))])
            }
            guard case .object(let members) = Self.caseJSON(detail.case) else { throw APIError(.internalServerError, "case") }
            return JSONResponse.make(.object(members + [("results", .array(results)), ("events", .array(events))]))
        }
        routes.add(.put, "/api/cases/{id}/results/{recordID}/status") { request, context in
            let user = try context.requireUser()
            let id = try Self.caseID(context)
            let recordID = try context.parameters.require("recordID")
            var body = try await RequestObject.body(of: request, context: context)
            let statusText = try body.requiredString("status", maxLength: 20)
            guard let status = ResultStatus(parsing: statusText) else {
                throw APIError(.badRequest, "status \(statusText): expected one of \(ResultStatus.allCases.map(\.rawValue).joined(separator: ", "))", field: "status")
            }
            let reason = try body.string("reason", maxLength: 2_000) ?? ""
            let note = try body.string("note", maxLength: 10_000) ?? ""
            try body.finish()
            try workbench.workspace.setStatus(caseID: id, recordID: recordID, to: status, reason: reason, note: note,
                                              access: workbench.access(for: user))
            return JSONResponse.make(.object([("caseID", .int(id)), ("recordID", .string(recordID)), ("status", .string(status.rawValue))]))
        }
        routes.add(.post, "/api/cases/{id}/notes") { request, context in
            let user = try context.requireUser()
            let id = try Self.caseID(context)
            var body = try await RequestObject.body(of: request, context: context)
            let text = try body.requiredString("text", maxLength: 10_000)
            try body.finish()
            try workbench.workspace.addNote(caseID: id, text: text, access: workbench.access(for: user))
            return JSONResponse.make(.object([("caseID", .int(id))]), status: .created)
        }
        routes.add(.get, "/api/clients") { _, context in
            let user = try context.requireUser()
            let clients = try workbench.workspace.clients(access: workbench.access(for: user))
            return JSONResponse.make(.object([("clients", .array(clients.map { client in
                .object([("id", .int(client.id)), ("name", .string(client.name)), ("contact", .string(client.contact)), ("brokerID", .int(client.brokerID))])
            }))]))
        }
        routes.add(.post, "/api/clients") { request, context in
            let user = try context.requireUser()
            var body = try await RequestObject.body(of: request, context: context)
            let name = try body.requiredString("name", maxLength: 200)
            let contact = try body.string("contact", maxLength: 500) ?? ""
            try body.finish()
            let client = try workbench.workspace.addClient(name: name, contact: contact, access: workbench.access(for: user))
            return JSONResponse.make(.object([("id", .int(client.id)), ("name", .string(client.name)), ("contact", .string(client.contact)),
                                              ("brokerID", .int(client.brokerID))]), status: .created)
        }
        routes.add(.get, "/api/users") { _, context in
            _ = try context.requireUser()
            return JSONResponse.make(.object([("users", .array(try workbench.workspace.users().map(SessionRoutes.userJSON)))]))
        }
    }

    static func caseID(_ context: ServerContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text), id > 0 else { throw APIError(.badRequest, "id \(text): expected a case number", field: "id") }
        return id
    }

    static func caseJSON(_ value: Case) -> JSONValue {
        .object([("id", .int(value.id)), ("title", .string(value.title)), ("brokerID", .int(value.brokerID)),
                 ("clientID", value.clientID.map { .int($0) } ?? .null), ("sourceID", .optional(value.sourceID)),
                 ("queryText", .optional(value.queryText)), ("target", .string(value.target)), ("confidential", .bool(value.confidential)),
                 ("createdAt", .int(value.createdAt))])
    }
}
