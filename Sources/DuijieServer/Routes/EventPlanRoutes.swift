import DuijieBase
import DuijieCorpus
import DuijieEvents
import DuijieJSON
import DuijieRanking
import DuijieWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import ZIPFoundation

/// Planning a matchmaking event on the page: `POST /api/event-plans` pairs and schedules the
/// event tables the organizer uploaded or edited (or replans a published schedule), and
/// `POST /api/event-plans/report` gives the same plan's report as a ZIP (schedule, summary,
/// table cards, agendas). Both are stateless — the same tables give the same plan — so the
/// page keeps the plan; approving it records the event through `POST /api/events`.
///
/// Brokers and admins plan events; viewers do not. A participant may stand only for records
/// the user may see: a confidential demand of another broker is "no record" (as if absent).
struct EventPlanRoutes {
    let workbench: Workbench

    /// The most participants and slots a plan on the server may have: the pairing scores every
    /// demand × supply pair while the request waits (`duijie pair` has no such bound).
    static let maximumParticipants = 2_000
    static let maximumSlots = 500

    /// The tables a plan may be given, as the event directory's file names.
    static let fileNames: Set<String> = Set(["event.json"] + ["participants", "slots", "locked", "requests"].flatMap { [$0 + ".csv", $0 + ".jsonl"] })

    func add(to routes: RouteTable) {
        routes.add(.post, "/api/event-plans") { request, context in
            let planned = try await plan(request, context)
            return JSONResponse.make(Self.json(planned.report, corpus: workbench.current().recommender.corpus, warnings: planned.warnings), status: .ok)
        }
        routes.add(.post, "/api/event-plans/report") { request, context in
            let planned = try await plan(request, context)
            let archive = try Self.zip(planned.report.files())
            var headers = HTTPFields()
            headers[.contentType] = "application/zip"
            headers[.contentDisposition] = "attachment; filename=\"event-report.zip\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: archive)))
        }
    }

    /// Reads the request, loads the event from its tables, and plans or replans it.
    private func plan(_ request: Request, _ context: ServerContext) async throws -> (report: EventReport, warnings: [String]) {
        let user = try context.requireUser()
        var body = try await RequestObject.body(of: request, context: context)
        guard let filesValue = try body.object("files") else { throw APIError(.badRequest, "files: required (participants and slots at least)", field: "files") }
        var files = filesValue
        var texts: [(String, String)] = []
        for name in Self.fileNames.sorted() {
            if let text = try files.string(name, maxLength: 1 << 20) { texts.append((name, text)) }
        }
        try files.finish()
        let published = try body.string("published", maxLength: 1 << 20)
        let minimumScore = try body.number("minScore", in: 0...1).map(Float.init) ?? EventPlanner.Options.defaultMinimumScore
        let language = try body.string("language", maxLength: 2)
        try body.finish()
        if let language, !["zh", "en"].contains(language) { throw APIError(.badRequest, "language \(language): expected zh or en", field: "language") }
        guard user.role.canWrite else { throw APIError(.forbidden, "a viewer cannot plan events") }

        return try planEvent(texts: texts, published: published, minimumScore: minimumScore, language: language, user: user)
    }

    /// Writes the tables to a scratch folder, loads the event, and plans or replans it.
    private func planEvent(texts: [(String, String)], published: String?, minimumScore: Float, language: String?, user: User) throws
        -> (report: EventReport, warnings: [String]) {
        let recommender = workbench.current().recommender
        let directory = try Self.scratchFolder()
        defer { Self.remove(directory) }
        for (name, text) in texts { try AtomicFile.write(text, to: directory + "/" + name) }
        let (event, warnings) = try Self.loadEvent(directory, corpus: recommender.corpus)
        guard event.participants.count <= Self.maximumParticipants, event.slots.count <= Self.maximumSlots else {
            throw APIError(.badRequest, "files: at most \(Self.maximumParticipants) participants and \(Self.maximumSlots) slots per plan on the server (use `duijie pair` for more)", field: "files")
        }
        let access = try workbench.access(for: user)
        for participant in event.participants {
            for record in participant.records {
                if let demand = recommender.corpus.demand(record), !access.canSeeDemand(demand.id, confidential: demand.confidential) {
                    throw APIError(.badRequest, "files: participants: \(participant.id): no record \"\(record)\" in the corpus", field: "files")
                }
            }
        }
        let scores = PairScores(event: event, recommender: recommender)
        let briefs = ParticipantBriefs(event: event, corpus: recommender.corpus, recordText: { recommender.matchedText(of: $0) },
                                       sharedWords: try? TextResources.sharedWords(for: recommender.achievements.analyzer))
        let chinese = language.map { $0 == "zh" } ?? (event.language != .english)
        let options = EventPlanner.Options(minimumScore: minimumScore)
        guard let published else {
            let plan = EventPlanner.plan(event, scores: scores, corpus: recommender.corpus, options: options)
            return (EventReport(plan: plan, chinese: chinese, briefs: briefs), warnings)
        }
        let meetings = try Self.publishedMeetings(published)
        let outcome = EventReplanner.replan(event, published: meetings, scores: scores, corpus: recommender.corpus, options: options)
        return (EventReport(replan: outcome, chinese: chinese, briefs: briefs), warnings)
    }

    /// The event of the tables in `directory`, and its warnings; its errors as a 400 naming `files`.
    static func loadEvent(_ directory: String, corpus: Corpus) throws -> (Event, [String]) {
        var warnings: [CorpusIssue] = []
        do {
            let event = try EventLoader.load(directory, corpus: corpus, warnings: &warnings)
            return (event, warnings.map(\.description))
        } catch {
            guard error.code == .invalidInput else { throw error }
            throw APIError(problems: hidingPath(directory, error, as: "files"), location: "files", fieldPrefix: "files.")
        }
    }

    /// The meetings of a published schedule (`schedule.csv` text); its errors as a 400 naming `published`.
    static func publishedMeetings(_ text: String) throws -> [EventReplanner.PublishedMeeting] {
        let directory = try scratchFolder()
        defer { remove(directory) }
        try AtomicFile.write(text, to: directory + "/schedule.csv")
        do {
            return try EventLoader.published(directory)
        } catch {
            guard error.code == .invalidInput else { throw error }
            throw APIError(problems: hidingPath(directory, error, as: "published"), location: "published", fieldPrefix: "published.")
        }
    }

    static func remove(_ directory: String) {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The plan as the page shows it: meetings with the records they stand for (to approve
    /// them as an event), shortfalls, unmet requests, warnings, the change list of a replan,
    /// and the schedule as CSV (the `published` of a later replan).
    static func json(_ report: EventReport, corpus: Corpus, warnings: [String]) -> JSONValue {
        let plan = report.plan
        let event = plan.event
        func name(_ id: String) -> String { event.participant(id)?.name ?? id }
        let meetings: [JSONValue] = plan.scheduled.map { meeting in
            let slot = event.slots.first { $0.id == meeting.slot }
            var members: [(String, JSONValue)] = [
                ("demand", .string(meeting.demand)), ("demandName", .string(name(meeting.demand))),
                ("supply", .string(meeting.supply)), ("supplyName", .string(name(meeting.supply))),
                ("slot", .string(meeting.slot ?? "")), ("start", .string(slot?.start ?? "")), ("end", .string(slot?.end ?? "")),
                ("table", .int(Int64(meeting.table ?? 0))), ("score", .number(Double(meeting.score))), ("note", .string(report.note(meeting))),
            ]
            if let records = event.meetingRecords(demand: meeting.demand, supply: meeting.supply, in: corpus) {
                members += [("demandRecord", .string(records.demand)), ("supplyRecord", .string(records.supply)), ("target", .string(records.target.rawValue))]
            }
            return .object(members)
        }
        var members: [(String, JSONValue)] = [
            ("name", .string(event.name)), ("venue", .string(event.venue ?? "")),
            ("heldOn", .string(event.slots.first.map { String($0.start.prefix(10)) } ?? "")),
            ("participants", .int(Int64(event.participants.count))), ("meetings", .array(meetings)),
            ("shortfalls", .array(plan.shortfalls.map { shortfall in
                .object([("participant", .string(shortfall.participant)), ("name", .string(name(shortfall.participant))),
                         ("meetings", .int(Int64(shortfall.meetings))), ("minimum", .int(Int64(shortfall.minimum))),
                         ("reason", .string(shortfall.reason.text(chinese: report.chinese)))])
            })),
            ("unmetRequests", .array(plan.unmetRequests.map { request in
                .object([("from", .string(request.from)), ("to", .string(request.to)), ("reason", .string(request.reason.text(chinese: report.chinese)))])
            })),
            ("warnings", .array((warnings + report.scoreWarnings()).map(JSONValue.string))),
            ("schedule", .string(report.scheduleCSV())),
        ]
        if let replan = report.replan {
            members.append(("changes", .object([
                ("published", .int(Int64(replan.published.count))), ("kept", .int(Int64(replan.kept.count))),
                ("agendasChanged", .int(Int64(replan.changedParticipants.count))),
                ("mustChange", .int(Int64(replan.mustChange.intersection(event.participants.map(\.id)).count))),
                ("text", .string(report.changesMarkdown(replan))),
            ])))
        }
        return .object(members)
    }

    /// The error with the server's scratch folder named as the request field it came from,
    /// so no path of the server reaches the client.
    static func hidingPath(_ directory: String, _ error: DuijieError, as field: String) -> DuijieError {
        func hide(_ text: String) -> String { text.replacingOccurrences(of: directory + "/", with: field + ": ").replacingOccurrences(of: directory, with: field) }
        return DuijieError(error.code, hide(error.message), details: error.details.map { field + ": " + hide($0) })
    }

    /// A new empty folder under the system's temporary directory.
    static func scratchFolder() throws -> String {
        let path = NSTemporaryDirectory() + "/duijie-event-plan-" + UUID().uuidString
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw APIError(.internalServerError, "cannot make a scratch folder for the event")
        }
        return path
    }

    /// The report's files as a ZIP archive (stored, not compressed: small text files).
    static func zip(_ files: [(path: String, text: String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in files {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_700_000_000),
                                 provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw APIError(.internalServerError, "the report archive") }
        return Array(data)
    }
}
