import DuijieJSON
@testable import DuijieServer
import DuijieWorkspace
import Testing

/// Matchmaking events through the API: events recorded, meetings rated by both sides, and
/// meetings of a confidential demand seen only by its broker and admins.
@Suite struct EventAPITests {
    static let event = #"{"name":"春季对接会","heldOn":"2026-04-18","place":"大连","meetings":[{"demandID":"D-1012","supplyID":"A-4003","slot":"AM1","table":2},{"demandID":"D-1011","supplyID":"A-1001"}]}"#

    static func meetingIDs(_ response: APIResponse) -> [String] {
        guard case .array(let meetings)? = response.json?["meetingList"] else { return [] }
        return meetings.compactMap { if case .string(let id)? = $0["demandID"] { id } else { nil } }
    }

    @Test func eventsAreRecordedAndMeetingsRatedByWhomMay() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let wang = try await client.signIn("wang"), li = try await client.signIn("li"), zhao = try await client.signIn("zhao")
            let created = try await client.request(.post, "/api/events", token: wang, json: Self.event)
            #expect(created.status == .created && created.json?["meetings"]?.intValue == 2, "\(created.text)")
            let id = try #require(created.json?["id"]?.intValue)
            #expect(try await client.request(.get, "/api/events", token: zhao).json?["events"]?.arrayCount == 1)
            // The count of meetings leaves out what the user may not see.
            func count(_ token: String) async throws -> Int? {
                guard case .array(let events)? = try await client.request(.get, "/api/events", token: token).json?["events"] else { return nil }
                return events.first?["meetings"]?.intValue
            }
            let wangCount = try await count(wang), liCount = try await count(li)
            #expect(wangCount == 2 && liCount == 1)
            #expect(try await client.request(.get, "/api/events/\(id)", token: li).json?["meetings"]?.intValue == 1)
            // D-1011 is a confidential demand of wang's: li does not see its meeting.
            #expect(Self.meetingIDs(try await client.request(.get, "/api/events/\(id)", token: wang)) == ["D-1012", "D-1011"])
            #expect(Self.meetingIDs(try await client.request(.get, "/api/events/\(id)", token: li)) == ["D-1012"])
            let meetings = try fixture.workbench.workspace.meetings(ofEvent: Int64(id))
            let open = meetings[0].id, confidential = meetings[1].id
            let rated = try await client.request(.post, "/api/meetings/\(open)/ratings", token: li, json: #"{"side":"demand","stage":"after-event","rating":4,"note":"技术对口"}"#)
            #expect(rated.status == .created && rated.json?["grade"]?.intValue == 1, "\(rated.text)")
            let followUp = try await client.request(.post, "/api/meetings/\(open)/ratings", token: li,
                                                    json: #"{"side":"demand","stage":"follow-up","rating":5,"agreement":true}"#)
            #expect(followUp.json?["grade"]?.intValue == 3 && followUp.json?["ratings"]?.arrayCount == 2)
            let kept = try fixture.workbench.workspace.meetings(ofEvent: Int64(id))[0].ratings
            #expect(kept.map(\.userID) == [fixture.users["li"]!.id, fixture.users["li"]!.id] && kept[0].note == "技术对口")
            // Without rights, and bad ratings, each naming its field.
            #expect(try await client.request(.post, "/api/meetings/\(confidential)/ratings", token: li,
                                             json: #"{"side":"demand","stage":"after-event","rating":3}"#).status == .notFound)
            #expect(try await client.request(.post, "/api/meetings/\(open)/ratings", token: zhao,
                                             json: #"{"side":"demand","stage":"after-event","rating":3}"#).status == .forbidden)
            #expect(try await client.request(.post, "/api/meetings/\(open)/ratings", json: #"{"side":"demand","stage":"after-event","rating":3}"#).status == .unauthorized)
            #expect(try await client.request(.post, "/api/events", token: zhao, json: Self.event).status == .forbidden)
            #expect(try await client.request(.post, "/api/meetings/9999/ratings", token: li, json: #"{"side":"demand","stage":"after-event","rating":3}"#).status == .notFound)
            for (body, field) in [(#"{"side":"demand","stage":"after-event","rating":6}"#, "rating"),
                                  (#"{"side":"both","stage":"after-event","rating":3}"#, "side"),
                                  (#"{"side":"demand","stage":"later","rating":3}"#, "stage"),
                                  (#"{"side":"demand","stage":"after-event","rating":3,"agreement":true}"#, "agreement")] {
                let refused = try await client.request(.post, "/api/meetings/\(open)/ratings", token: li, json: body)
                #expect(refused.status == .badRequest && refused.errorField == field, "\(field): \(refused.text)")
            }
            for (body, field) in [(#"{"name":"x","heldOn":"2026-02-30"}"#, "heldOn"), (#"{"name":"x","heldOn":"2026-02-03","meetings":{}}"#, "meetings"),
                                  (#"{"name":"x","heldOn":"2026-02-03","meetings":[{"demandID":"D-1"}]}"#, "meetings[0].supplyID")] {
                let refused = try await client.request(.post, "/api/events", token: wang, json: body)
                #expect(refused.status == .badRequest && refused.errorField == field, "\(field): \(refused.text)")
            }
            #expect(try fixture.workbench.workspace.events().count == 1)
        }
    }
}
