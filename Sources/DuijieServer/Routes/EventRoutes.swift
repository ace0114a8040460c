import DuijieBase
import DuijieCorpus
import DuijieJSON
import DuijieWorkspace
import Foundation
import Hummingbird

/// Matchmaking events (对接会) held and their meetings' ratings: `GET /api/events`,
/// `POST /api/events`, `GET /api/events/{id}` and `POST /api/meetings/{id}/ratings`.
///
/// Everyone signed in sees the events; a meeting whose demand is confidential is seen only by
/// the demand's broker and admins (it is left out of an event's meetings and their count for
/// the others, and rating it answers 404). Brokers and admins record events and ratings; viewers neither.
struct EventRoutes {
    let workbench: Workbench

    func add(to routes: RouteTable) {
        routes.add(.get, "/api/events") { _, context in
            let user = try context.requireUser()
            let access = try workbench.access(for: user)
            let corpus = workbench.current().recommender.corpus
            // Each event's meetings as this user may see them: a confidential demand's meetings
            // are not even counted for others.
            let visible = Dictionary(grouping: try workbench.workspace.meetings().filter { Self.visible($0, access, corpus) }, by: \.eventID)
            let events = try workbench.workspace.events().map { event in
                HeldEvent(id: event.id, name: event.name, heldOn: event.heldOn, place: event.place, meetings: visible[event.id]?.count ?? 0)
            }
            return JSONResponse.make(.object([("events", .array(events.map(Self.json)))]))
        }
        routes.add(.post, "/api/events") { request, context in
            let user = try context.requireUser()
            var body = try await RequestObject.body(of: request, context: context)
            let name = try body.requiredString("name", maxLength: 200)
            let heldOn = try body.requiredString("heldOn", maxLength: 10)
            let place = try body.string("place", maxLength: 200) ?? ""
            let meetings = try Self.readMeetings(&body)
            try body.finish()
            guard user.role.canWrite else { throw APIError(.forbidden, "a viewer cannot record events") }
            do {
                let event = try workbench.workspace.addEvent(name: name, heldOn: heldOn, place: place, meetings: meetings)
                return JSONResponse.make(Self.json(event), status: .created)
            } catch let error as DuijieError where error.code == .invalidInput {
                throw APIError(problems: error, location: "event")
            }
        }
        routes.add(.get, "/api/events/{id}") { _, context in
            let user = try context.requireUser()
            let id = try Self.number(context, "id")
            guard let event = try workbench.workspace.events().first(where: { $0.id == id }) else { throw APIError(.notFound, "event \(id): no such event") }
            let access = try workbench.access(for: user)
            let corpus = workbench.current().recommender.corpus
            let meetings = try workbench.workspace.meetings(ofEvent: id).filter { Self.visible($0, access, corpus) }
            let shown = HeldEvent(id: event.id, name: event.name, heldOn: event.heldOn, place: event.place, meetings: meetings.count)
            guard case .object(let members) = Self.json(shown) else { throw APIError(.internalServerError, "event") }
            return JSONResponse.make(.object(members + [("meetingList", .array(meetings.map { Self.json($0, corpus: corpus) }))]))
        }
        routes.add(.post, "/api/meetings/{id}/ratings") { request, context in
            let user = try context.requireUser()
            let id = try Self.number(context, "id")
            var body = try await RequestObject.body(of: request, context: context)
            let sideName = try body.requiredString("side", maxLength: 10)
            let stageName = try body.requiredString("stage", maxLength: 20)
            guard let rating = try body.integer("rating", in: 1...5) else { throw APIError(.badRequest, "rating: required (1 to 5)", field: "rating") }
            let agreement = try body.bool("agreement") ?? false
            let note = try body.string("note", maxLength: 2_000) ?? ""
            try body.finish()
            guard let side = MeetingSide(rawValue: sideName) else { throw APIError(.badRequest, "side \(sideName): expected demand or supply", field: "side") }
            guard let stage = RatingStage(rawValue: stageName) else {
                throw APIError(.badRequest, "stage \(stageName): expected after-event or follow-up", field: "stage")
            }
            guard user.role.canWrite else { throw APIError(.forbidden, "a viewer cannot rate meetings") }
            let corpus = workbench.current().recommender.corpus
            guard let meeting = try workbench.workspace.meeting(id), Self.visible(meeting, try workbench.access(for: user), corpus) else {
                throw APIError(.notFound, "meeting \(id): no such meeting")
            }
            let recorded = MeetingRating(side: side, stage: stage, rating: rating, agreement: agreement, note: note, userID: user.id, at: Int64(Date().timeIntervalSince1970))
            do {
                try workbench.workspace.rateMeeting(id, recorded)
            } catch let error as DuijieError where error.code == .invalidInput {
                throw APIError(problems: error, location: "rating")
            }
            let updated = try workbench.workspace.meeting(id)
            return JSONResponse.make(updated.map { Self.json($0, corpus: corpus) } ?? .null, status: .created)
        }
    }

    /// The meetings of a request's `meetings` list.
    static func readMeetings(_ body: inout RequestObject) throws -> [NewMeeting] {
        let items: [JSONValue]
        switch body.raw("meetings") {
        case nil: return []
        case .array(let list)?: items = list
        case let other?: throw APIError(.badRequest, "meetings: expected a list, found \(other.typeName)", field: "meetings")
        }
        guard items.count <= 10_000 else { throw APIError(.badRequest, "meetings: at most 10000", field: "meetings") }
        return try items.enumerated().map { index, item in
            var meeting = try RequestObject(item, path: "meetings[\(index)]")
            var new = NewMeeting(demandID: try meeting.requiredString("demandID", maxLength: 200), supplyID: try meeting.requiredString("supplyID", maxLength: 200))
            new.target = try meeting.string("target", maxLength: 20) ?? "achievement"
            new.slot = try meeting.string("slot", maxLength: 40) ?? ""
            new.table = try meeting.integer("table", in: 1...10_000)
            try meeting.finish()
            return new
        }
    }

    /// Whether `access` may see `meeting`: its demand is not a confidential one of someone else's.
    static func visible(_ meeting: EventMeeting, _ access: Access, _ corpus: Corpus) -> Bool {
        corpus.demand(meeting.demandID).map { access.canSeeDemand($0.id, confidential: $0.confidential) } ?? true
    }

    static func number(_ context: ServerContext, _ name: String) throws -> Int64 {
        let text = try context.parameters.require(name)
        guard let id = Int64(text), id > 0 else { throw APIError(.badRequest, "\(name) \(text): expected a number", field: name) }
        return id
    }

    static func json(_ event: HeldEvent) -> JSONValue {
        .object([("id", .int(event.id)), ("name", .string(event.name)), ("heldOn", .string(event.heldOn)), ("place", .string(event.place)),
                 ("meetings", .int(event.meetings))])
    }

    static func json(_ meeting: EventMeeting, corpus: Corpus) -> JSONValue {
        .object([
            ("id", .int(meeting.id)), ("demandID", .string(meeting.demandID)), ("demandName", .string(corpus.displayName(of: meeting.demandID))),
            ("supplyID", .string(meeting.supplyID)), ("supplyName", .string(corpus.displayName(of: meeting.supplyID))),
            ("target", .string(meeting.target)), ("slot", .string(meeting.slot)), ("table", meeting.table.map { .int($0) } ?? .null),
            ("grade", .int(meeting.grade)),
            ("ratings", .array(meeting.ratings.map { rating in
                .object([("side", .string(rating.side.rawValue)), ("stage", .string(rating.stage.rawValue)), ("rating", .int(rating.rating)),
                         ("agreement", .bool(rating.agreement)), ("note", .string(rating.note)),
                         ("userID", rating.userID.map { .int($0) } ?? .null), ("at", .int(rating.at))])
            })),
        ])
    }
}
