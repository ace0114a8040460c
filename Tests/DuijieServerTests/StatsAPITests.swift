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
}
