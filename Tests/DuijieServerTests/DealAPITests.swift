import DuijieJSON
@testable import DuijieServer
import DuijieWorkspace
import Testing

/// `POST /api/deals` and `GET /api/deals`: deals entered through the API, checked as an import
/// is, and seen only by whom they belong to.
@Suite struct DealAPITests {
    static let licence = #"{"deal":{"contractType":"技术许可","signedOn":"2026-03-02","value":120,"seller":"A-1001","sellerKind":"高等院校","buyer":"C-1001","buyerKind":"企业","ipType":"专利","registrationNumber":"2026210200000123","registeredOn":"2026-03-10"}}"#

    static func ids(_ response: APIResponse) -> [Int] {
        guard case .array(let deals)? = response.json?["deals"] else { return [] }
        return deals.compactMap { $0["id"]?.intValue }
    }

    @Test func aBrokerRecordsTheirDealAndOnlyTheyAndAdminsSeeIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let wang = try await client.signIn("wang")
            let created = try await client.request(.post, "/api/deals", token: wang, json: Self.licence)
            #expect(created.status == .created, "\(created.text)")
            let deal = try #require(created.json)
            // Chinese names come back as codes; with no brokers given, wang is the broker.
            #expect(deal["contractType"] == .string("licence") && deal["sellerKind"] == .string("university") && deal["value"] == .number(120))
            #expect(deal["brokers"] == .array([.object([("login", .string("wang")), ("fee", .number(0))])]))
            let id = try #require(deal["id"]?.intValue)
            #expect(Self.ids(try await client.request(.get, "/api/deals", token: wang)) == [id])
            #expect(Self.ids(try await client.request(.get, "/api/deals", token: try await client.signIn("admin"))) == [id])
            #expect(Self.ids(try await client.request(.get, "/api/deals", token: try await client.signIn("li"))).isEmpty)
            #expect(Self.ids(try await client.request(.get, "/api/deals?period=2026H1", token: wang)) == [id])
            #expect(Self.ids(try await client.request(.get, "/api/deals?period=2025", token: wang)).isEmpty)
            // The statistics count it.
            let stats = try await client.request(.get, "/api/stats?period=2026H1", token: wang)
            #expect(stats.json?["total"]?["value"] == .number(120))
            // Without rights: no session, a viewer, a broker entering li's deal.
            #expect(try await client.request(.get, "/api/deals").status == .unauthorized)
            #expect(try await client.request(.post, "/api/deals", json: Self.licence).status == .unauthorized)
            let zhao = try await client.signIn("zhao")
            #expect(try await client.request(.get, "/api/deals", token: zhao).status == .forbidden)
            #expect(try await client.request(.post, "/api/deals", token: zhao, json: Self.licence).status == .forbidden)
            let forLi = Self.licence.replacingOccurrences(of: #""registrationNumber":"2026210200000123""#, with: #""brokers":[{"login":"li","fee":1}]"#)
            #expect(try await client.request(.post, "/api/deals", token: wang, json: forLi).status == .forbidden)
            #expect(try fixture.workbench.workspace.deals().count == 1)
        }
    }

    @Test func badDealsAreRefusedNamingTheField() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let admin = try await client.signIn("admin")
            let cases: [(String, String, String)] = [
                (#""value":120"#, #""value":-1"#, "deal.value"),
                (#""registeredOn":"2026-03-10""#, #""registeredOn":"2026-03-01""#, "deal.registeredOn"),
                (#""ipType":"专利""#, #""ipType":"商标""#, "deal.ipType"),
                (#""buyerKind":"企业""#, #""buyerKind":"企业","colour":"red""#, "deal.colour"),
                (#""sellerKind":"高等院校","#, "", "deal.sellerKind"),
                (#""registrationNumber":"2026210200000123""#, #""brokers":[{"login":"nobody","fee":1}]"#, "deal.brokers"),
                (#""registrationNumber":"2026210200000123""#, #""caseID":999"#, "deal.caseID"),
            ]
            for (from, to, field) in cases {
                let body = Self.licence.replacingOccurrences(of: from, with: to)
                let refused = try await client.request(.post, "/api/deals", token: admin, json: body)
                #expect(refused.status == .badRequest && refused.errorField == field, "\(field): \(refused.status) \(refused.text)")
            }
            #expect(try await client.request(.post, "/api/deals", token: admin, json: #"{"deal":[]}"#).status == .badRequest)
            #expect(try await client.request(.post, "/api/deals", token: admin, json: #"{}"#).errorField == "deal")
            // The same registration number twice: the second is refused, the first kept.
            #expect(try await client.request(.post, "/api/deals", token: admin, json: Self.licence).status == .created)
            let again = try await client.request(.post, "/api/deals", token: admin, json: Self.licence)
            #expect(again.status == .badRequest && again.errorField == "deal.registrationNumber")
            #expect(try fixture.workbench.workspace.deals().count == 1)
        }
    }

    @Test func aBrokerLinksADealOnlyToTheirOwnCase() async throws {
        let fixture = try ServerFixture()
        let workspace = fixture.workbench.workspace
        let li = fixture.users["li"]!
        let results = [SavedResult(rank: 1, recordID: "A-1001", name: "A-1001", score: 0.5, shown: "{}")]
        let lisCase = try workspace.createCase(NewCase(title: "li's", sourceID: "D-1012", target: "achievement", confidential: false, results: results),
                                               access: Access(user: li, demandOwners: [:]))
        let body = Self.licence.replacingOccurrences(of: #""registrationNumber":"2026210200000123""#, with: #""caseID":\#(lisCase.id),"resultRecordID":"A-1001""#)
        try await fixture.withServer { client in
            let wang = try await client.signIn("wang")
            let refused = try await client.request(.post, "/api/deals", token: wang, json: body)
            #expect(refused.status == .notFound && refused.errorField == "deal.caseID")
            let accepted = try await client.request(.post, "/api/deals", token: try await client.signIn("li"), json: body)
            #expect(accepted.status == .created && accepted.json?["caseID"]?.intValue == Int(lisCase.id))
        }
    }
}
