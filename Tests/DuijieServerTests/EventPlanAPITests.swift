import DuijieJSON
@testable import DuijieServer
import DuijieTestSupport
import Foundation
import Testing
import ZIPFoundation

/// Planning an event on the page: the demo event's tables planned, replanned after a
/// cancellation and downloaded as a report, by whom may and not by whom may not.
@Suite struct EventPlanAPITests {
    static func file(_ name: String) -> String {
        (try? String(contentsOfFile: RepositoryFiles.demoCorpus + "/events/liaoning-2026/" + name, encoding: .utf8)) ?? ""
    }

    /// A request body with the event's tables, optionally without one participant and with a published schedule.
    static func body(without removed: String? = nil, published: String? = nil, slots: String = file("slots.jsonl")) -> String {
        let participants = file("participants.jsonl").split(separator: "\n").filter { line in removed.map { !line.contains("\"id\": \"\($0)\"") } ?? true }
            .joined(separator: "\n")
        var members: [(String, JSONValue)] = [("files", .object([("event.json", .string(file("event.json"))), ("participants.jsonl", .string(participants)),
                                                                  ("slots.jsonl", .string(slots)), ("locked.jsonl", .string(file("locked.jsonl")))]))]
        if let published { members.append(("published", .string(published))) }
        return JSONWriter.string(.object(members))
    }

    @Test func anEventIsPlannedReplannedAndDownloadedByWhomMay() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let wang = try await client.signIn("wang"), li = try await client.signIn("li"), zhao = try await client.signIn("zhao")
            let planned = try await client.request(.post, "/api/event-plans", token: wang, json: Self.body())
            #expect(planned.status == .ok, "\(planned.text)")
            guard case .array(let meetings)? = planned.json?["meetings"], case .string(let schedule)? = planned.json?["schedule"] else {
                Issue.record("no meetings or schedule: \(planned.text)")
                return
            }
            #expect(meetings.count > 40 && schedule.hasPrefix("slot,start,end,table,demand,demandName"))
            // A meeting between corpus records says which, so the page can record the event.
            #expect(meetings.contains { if case .string(let record)? = $0["demandRecord"] { record.hasPrefix("D-") } else { false } })

            // 罗丹 cancels: the replan keeps every other published meeting.
            let lines = schedule.split(whereSeparator: \.isNewline).dropFirst()
            let withRoDan = lines.filter { $0.contains(",罗丹,") }.count
            let replanned = try await client.request(.post, "/api/event-plans", token: wang, json: Self.body(without: "罗丹", published: schedule))
            #expect(replanned.status == .ok, "\(replanned.text)")
            #expect(replanned.json?["changes"]?["kept"]?.intValue == lines.count - withRoDan)
            #expect(replanned.json?["changes"]?["published"]?.intValue == lines.count)

            // The report as a ZIP: schedule, summary, table cards and one agenda per participant.
            let report = try await client.request(.post, "/api/event-plans/report", token: wang, json: Self.body())
            #expect(report.status == .ok && report.headers[.contentType] == "application/zip")
            let archive = try Archive(data: Data(report.bytes), accessMode: .read)
            let paths = Set(archive.map(\.path))
            #expect(paths.isSuperset(of: ["schedule.csv", "summary.md", "table-cards.html", "agendas/罗丹.md", "agendas/罗丹.ics"]), "\(paths)")

            // Who may not: a viewer, nobody signed in; li may not plan with wang's confidential demand (D-1011).
            #expect(try await client.request(.post, "/api/event-plans", token: zhao, json: Self.body()).status == .forbidden)
            #expect(try await client.request(.post, "/api/event-plans/report", token: zhao, json: Self.body()).status == .forbidden)
            #expect(try await client.request(.post, "/api/event-plans", json: Self.body()).status == .unauthorized)
            #expect(try await client.request(.post, "/api/event-plans/report", json: Self.body()).status == .unauthorized)
            let hidden = try await client.request(.post, "/api/event-plans", token: li, json: Self.body())
            #expect(hidden.status == .badRequest && hidden.text.contains("no record \\\"D-1011\\\""), "\(hidden.text)")
            #expect(try await client.request(.post, "/api/event-plans", token: li, json: Self.body(without: "北冶特种合金")).status == .ok)

            // Bad tables are a 400 naming the file, the line and the field, and no server path.
            let broken = try await client.request(.post, "/api/event-plans", token: wang,
                                                  json: Self.body(slots: #"{"id": "AM1", "start": "2026-12-08T09:00", "end": "2026-12-08T08:00", "tables": 6}"#))
            #expect(broken.status == .badRequest && broken.errorField?.hasPrefix("files") == true, "\(broken.text)")
            #expect(broken.text.contains("slots.jsonl:1: end") && !broken.text.contains("/tmp"), "\(broken.text)")
            let missing = try await client.request(.post, "/api/event-plans", token: wang, json: #"{"files":{"slots.jsonl":"x"}}"#)
            #expect(missing.status == .badRequest && !missing.text.contains("/tmp") && !missing.text.contains("duijie-event-plan"), "\(missing.text)")
            #expect(try await client.request(.post, "/api/event-plans", token: wang, json: #"{"files":{"other.csv":"x"}}"#).status == .badRequest)
            #expect(try await client.request(.post, "/api/event-plans", token: wang, json: #"{"files":{}, "minScore": 2}"#).errorField == "minScore")
        }
    }
}
