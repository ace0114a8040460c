import DuijieBase
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieWorkspace
import HTTPTypes
import Hummingbird

/// Records: search (`GET /api/records?q=`), read (`GET /api/records/{id}`), add or replace
/// (`POST /api/records`) and remove (`DELETE /api/records/{id}`). Changes commit a generation
/// of the live index; a server started on a corpus answers them 409 (they need an index).
struct RecordRoutes {
    let workbench: Workbench

    /// The kinds a client may add.
    static let changeableKinds: [RecordKind] = [.achievement, .demand, .expert, .institution, .enterprise]

    func add(to routes: RouteTable) {
        routes.add(.get, "/api/records") { request, context in
            let user = try context.requireUser()
            let parameters = request.uri.queryParameters
            let text = String(parameters["q"] ?? "")
            guard !text.isEmpty, text.count <= 500 else { throw APIError(.badRequest, "q: give 1 to 500 characters", field: "q") }
            let kindName = String(parameters["kind"] ?? "achievement")
            guard let target = RecommendationTarget(rawValue: kindName) else {
                throw APIError(.badRequest, "kind \(kindName): expected one of \(RecommendationTarget.allCases.map(\.rawValue).joined(separator: ", "))", field: "kind")
            }
            let topText = String(parameters["top"] ?? "20")
            guard let top = Int(topText), (1...200).contains(top) else { throw APIError(.badRequest, "top \(topText): expected 1…200", field: "top") }
            let access = try workbench.access(for: user)
            let (recommender, generation) = workbench.current()
            var filters = RecommendationFilters()
            filters.excludedIDs = workbench.hiddenRecords(access, in: recommender)
            let searchFilters = filters
            let found = try await workbench.offload { recommender.recommend(text: text, target: target, top: top, filters: searchFilters) }
            let corpus = recommender.corpus
            // A query that is a visible record's id finds that record first.
            var ids = found.map(\.id)
            if corpus.kind(of: text) == target.recordKind, workbench.canSee(text, access, in: corpus) {
                ids = [text] + ids.filter { $0 != text }.prefix(top - 1)
            }
            let scores = Dictionary(found.map { ($0.id, $0.score) }, uniquingKeysWith: { first, _ in first })
            let results: [JSONValue] = ids.map { id in
                .object([("id", .string(id)), ("kind", .string(target.rawValue)), ("name", .string(corpus.displayName(of: id))),
                         ("score", scores[id].map { .number(Double($0)) } ?? .null)])
            }
            return JSONResponse.make(.object([("generation", .int(generation)), ("results", .array(results))]))
        }
        routes.add(.get, "/api/records/{id}") { request, context in
            let user = try context.requireUser()
            let id = try context.parameters.require("id")
            let access = try workbench.access(for: user)
            let (recommender, generation) = workbench.current()
            let corpus = recommender.corpus
            guard workbench.canSee(id, access, in: corpus), let kind = corpus.kind(of: id), let record = Self.record(id, kind, corpus) else {
                throw APIError(.notFound, "record \(id): no such record")
            }
            return JSONResponse.make(.object([("id", .string(id)), ("kind", .string(kind.rawValue)), ("name", .string(corpus.displayName(of: id))),
                                              ("generation", .int(generation)), ("record", record)]))
        }
        routes.add(.post, "/api/records") { request, context in
            let user = try context.requireUser()
            var body = try await RequestObject.body(of: request, context: context)
            let kindName = try body.requiredString("kind", maxLength: 20)
            guard let kind = RecordKind(rawValue: kindName), Self.changeableKinds.contains(kind) else {
                throw APIError(.badRequest, "kind \(kindName): expected one of \(Self.changeableKinds.map(\.rawValue).joined(separator: ", "))", field: "kind")
            }
            guard let record = body.raw("record"), case .object(let members) = record else {
                throw APIError(.badRequest, "record: expected the record as an object", field: "record")
            }
            try body.finish()
            guard case .string(let id)? = members.first(where: { $0.key == "id" })?.value, !id.isEmpty else {
                throw APIError(.badRequest, "record.id: required", field: "record.id")
            }
            let live = try Self.live(workbench)
            let access = try workbench.access(for: user)
            let corpus = workbench.current().recommender.corpus
            try Self.checkChange(id, exists: corpus.kind(of: id) != nil, corpus: corpus, access: access)
            var additions = RecordChanges()
            additions.additions = [RecordChanges.Addition(kind: kind, json: JSONWriter.string(record))]
            let changes = additions
            let summary = try await Self.commit(changes, live, workbench)
            if kind == .demand && user.role == .broker { try workbench.workspace.setDemandOwner(id, brokerID: user.id) }
            let warnings: [JSONValue] = summary.warnings.map { .string($0.description) }
            return JSONResponse.make(.object([("id", .string(id)), ("generation", .int(summary.generation)),
                                              ("added", .int(summary.added)), ("changed", .int(summary.changed)),
                                              ("warnings", .array(warnings))]), status: summary.added > 0 ? .created : .ok)
        }
        routes.add(.delete, "/api/records/{id}") { request, context in
            let user = try context.requireUser()
            let id = try context.parameters.require("id")
            let live = try Self.live(workbench)
            let access = try workbench.access(for: user)
            let corpus = workbench.current().recommender.corpus
            guard workbench.canSee(id, access, in: corpus) else { throw APIError(.notFound, "record \(id): no such record") }
            try Self.checkChange(id, exists: true, corpus: corpus, access: access)
            var removal = RecordChanges()
            removal.removals = [id]
            let changes = removal
            let summary = try await Self.commit(changes, live, workbench)
            return JSONResponse.make(.object([("id", .string(id)), ("generation", .int(summary.generation)), ("removed", .int(summary.removed))]))
        }
    }

    /// Commits `changes`, one change at a time. A change the index refuses is answered 400
    /// with each problem (`added demand:1: enterprise: …`); an index another program is
    /// updating, 409. Neither names the server's files.
    static func commit(_ changes: RecordChanges, _ live: LiveRecommender, _ workbench: Workbench) async throws -> LiveIndex.UpdateSummary {
        do {
            return try await workbench.offloadUpdate { try live.update(changes) }
        } catch let error as DuijieError where error.code == .invalidInput {
            let message = error.message.replacingOccurrences(of: live.path + ": ", with: "")
            throw APIError(.badRequest, ([message] + error.details).joined(separator: "\n"), field: "record")
        } catch let error as DuijieError where error.code == .indexBusy {
            throw APIError(.conflict, "another program is updating the index; try again when it has finished")
        }
    }

    /// The live index, or 409 when the server ranks from a corpus.
    static func live(_ workbench: Workbench) throws -> LiveRecommender {
        guard case .index(let live) = workbench.source else {
            throw APIError(.conflict, "changes need a saved index: build one with `duijie index` and start `duijie serve --index FILE`")
        }
        return live
    }

    /// Who may change what: a viewer nothing; a broker adds new records and changes or removes
    /// the demands they own; an admin anything.
    static func checkChange(_ id: String, exists: Bool, corpus: Corpus, access: Access) throws {
        switch access.user.role {
        case .admin: return
        case .viewer: throw APIError(.forbidden, "a viewer cannot change records")
        case .broker:
            if !exists { return }
            guard corpus.demand(id) != nil, access.demandOwners[id] == access.user.id else {
                throw APIError(.forbidden, "record \(id): only an admin, or the broker who added a demand, may change it")
            }
        }
    }

    /// A record as stored (its canonical JSON).
    static func record(_ id: String, _ kind: RecordKind, _ corpus: Corpus) -> JSONValue? {
        switch kind {
        case .institution: return corpus.institution(id)?.jsonValue
        case .expert: return corpus.expert(id)?.jsonValue
        case .enterprise: return corpus.enterprise(id)?.jsonValue
        case .achievement: return corpus.achievement(id)?.jsonValue
        case .demand: return corpus.demand(id)?.jsonValue
        case .region, .field, .relation: return nil
        }
    }
}
