import DuijieJSON
@testable import DuijieServer
import DuijieWorkspace
import Testing

/// `GET /api/stats`: the figures `duijie stats` reports, and who sees the brokers' lines.
@Suite struct StatsAPITests {
    @Test func thePeriodsFiguresAndTheBrokersOneMaySee() async throws {
        let fixture = try ServerFixture()
        let lines = [
            #"{"contractType":"技术许可","signedOn":"2026-03-02","value":120,"seller":"大连理工大学","sellerKind":"高等院校","buyer":"C-1001","buyerKind":"企业","ipType":"专利","brokers":[{"login":"wang","fee":1.8}]}"#,
            #"{"contractType":"技术服务","signedOn":"2026-05-10","value":30.5,"seller":"吉林大学","sellerKind":"高等院校","buyer":"C-1002","buyerKind":"企业","ipType":"其他","brokers":[{"login":"li","fee":0.5}]}"#,
            #"{"contractType":"技术许可","signedOn":"2025-04-01","value":40,"seller":"大连理工大学","sellerKind":"高等院校","buyer":"C-1003","buyerKind":"企业","ipType":"专利"}"#,
        ]
        let (deals, locations) = try DealReader.read(lines.joined(separator: "\n"), fileName: "deals.jsonl")
        try fixture.workbench.workspace.addDeals(deals, locations: locations)
        try await fixture.withServer { client in
            let admin = try await client.signIn("admin")
            let answer = try await client.request(.get, "/api/stats?period=2026H1", token: admin)
            #expect(answer.status == .ok, "\(answer.text)")
            let json = try #require(answer.json)
            // By hand: 120 + 30.5 in 2026H1, 40 a year earlier.
            #expect(json["total"]?["deals"]?.intValue == 2 && json["total"]?["value"] == .number(150.5))
            #expect(json["total"]?["valueYearEarlier"] == .number(40))
            guard case .array(let types)? = json["byContractType"] else { Issue.record("no byContractType"); return }
            #expect(types.first?["name"] == .string("技术许可") && types.first?["valueChange"] == .number(2))
            #expect(json["period"]?["yearEarlierStart"] == .string("2025-01-01"))
            func brokerLogins(_ token: String) async throws -> [String] {
                let response = try await client.request(.get, "/api/stats?period=2026H1&language=en", token: token)
                guard case .array(let brokers)? = response.json?["brokers"] else { return [] }
                return brokers.compactMap { if case .string(let login)? = $0["login"] { login } else { nil } }
            }
            #expect(try await brokerLogins(admin) == ["wang", "li"])
            #expect(try await brokerLogins(try await client.signIn("zhao")) == ["wang", "li"])
            #expect(try await brokerLogins(try await client.signIn("wang")) == ["wang"])
            let english = try await client.request(.get, "/api/stats?period=2026H1&language=en", token: admin)
            guard case .array(let englishTypes)? = english.json?["byContractType"] else { Issue.record("no byContractType"); return }
            #expect(englishTypes.first?["name"] == .string("licence"))
            for bad in ["/api/stats", "/api/stats?period=2026H3", "/api/stats?period=2026H1&language=fr"] {
                let refused = try await client.request(.get, bad, token: admin)
                #expect(refused.status == .badRequest && refused.errorField != nil, "\(bad): \(refused.status)")
            }
        }
    }

    @Test func eventsHeldInThePeriodWithTheirRatingsAndDeals() async throws {
        let fixture = try ServerFixture()
        let workspace = fixture.workbench.workspace
        let event = try workspace.addEvent(name: "春季对接会", heldOn: "2026-04-18", meetings: [
            NewMeeting(demandID: "D-1012", supplyID: "A-4003"), NewMeeting(demandID: "D-1001", supplyID: "A-1001"),
        ])
        let meetings = try workspace.meetings(ofEvent: event.id)
        try workspace.rateMeeting(meetings[0].id, MeetingRating(side: .demand, stage: .afterEvent, rating: 5, at: 1_776_600_000))
        try workspace.rateMeeting(meetings[0].id, MeetingRating(side: .supply, stage: .afterEvent, rating: 4, at: 1_776_600_000))
        try workspace.rateMeeting(meetings[0].id, MeetingRating(side: .demand, stage: .followUp, rating: 5, agreement: true, at: 1_792_000_000))
        let line = #"{"contractType":"技术许可","signedOn":"2026-10-20","value":66,"seller":"A-4003","sellerKind":"高等院校","buyer":"C-1001","buyerKind":"企业","ipType":"专利","meetingID":\#(meetings[0].id)}"#
        let (deals, locations) = try DealReader.read(line, fileName: "deals.jsonl")
        try workspace.addDeals(deals, locations: locations)
        try await fixture.withServer { client in
            let answer = try await client.request(.get, "/api/stats?period=2026H1", token: try await client.signIn("zhao"))
            guard case .array(let events)? = answer.json?["events"] else { Issue.record("no events: \(answer.text)"); return }
            // By hand: 2 meetings, 1 rated after the event at (5 + 4) / 2, followed up with an
            // agreement, and its deal of 66 signed in October (counted for the event).
            #expect(events.count == 1)
            #expect(events.first?["meetings"]?.intValue == 2 && events.first?["rated"]?.intValue == 1 && events.first?["meanRating"] == .number(4.5))
            #expect(events.first?["agreements"]?.intValue == 1 && events.first?["deals"]?.intValue == 1 && events.first?["value"] == .number(66))
            let later = try await client.request(.get, "/api/stats?period=2026H2", token: try await client.signIn("zhao"))
            #expect(later.json?["events"] == .array([]))
        }
    }
}
