import DuijieJSON
import DuijieRanking
@testable import DuijieServer
import DuijieTestSupport
import DuijieWorkspace
import Foundation
import HTTPTypes
import Testing

/// The API against a server on a loopback port: the same rankings as the library, changes
/// through the live index, cases followed to a status, exports, and the OpenAPI document.
@Suite(.serialized) struct APITests {
    @Test func aShortlistIsTheLibrarysRankingWithItsExplanation() async throws {
        let fixture = try ServerFixture()
        let recommender = DemoRecommender.shared.recommender
        var filters = RecommendationFilters()
        filters.regions = ["R-LN"]
        filters.maximumPerInstitution = 1
        let expected = try #require(recommender.recommend(for: "D-1012", target: .achievement, top: 5, filters: filters))
        try await fixture.withServer { client in
            let token = try await client.signIn("admin")
            let response = try await client.request(.post, "/api/shortlists", token: token,
                                                    json: #"{"recordID":"D-1012","top":5,"filters":{"regions":["辽宁省"],"maxPerInstitution":1},"language":"en"}"#)
            #expect(response.status == .ok)
            let json = try #require(response.json)
            #expect(json.resultIDs == expected.map(\.id))
            guard case .array(let results)? = json["results"] else { Issue.record("no results"); return }
            for (result, reference) in zip(results, expected) {
                #expect(result["score"] == .number(Double(reference.score)))
                #expect(result["reasons"] == .array(reference.explanation.reasons.map { .string($0.sentence(chinese: false)) }))
                #expect(result["matchedTerms"] == .array(reference.explanation.matchedTerms.map { .string($0.term) }))
            }
            // Free text, another target, and filters the corpus does not know.
            let text = try await client.request(.post, "/api/shortlists", token: token, json: #"{"text":"海参养殖 溶解氧","target":"expert","top":3}"#)
            #expect(text.json?.resultIDs == recommender.recommend(text: "海参养殖 溶解氧", target: .expert, top: 3).map(\.id))
            let unknown = try await client.request(.post, "/api/shortlists", token: token, json: #"{"text":"储能","filters":{"fields":["没有这个领域"]}}"#)
            #expect(unknown.status == .badRequest && unknown.errorField == "filters.fields")
            let both = try await client.request(.post, "/api/shortlists", token: token, json: #"{"text":"储能","recordID":"D-1012"}"#)
            #expect(both.status == .badRequest)
            #expect(try await client.request(.post, "/api/shortlists", token: token, json: #"{"recordID":"D-0000"}"#).status == .notFound)
        }
    }

    @Test func shortlistsRankByTheWorkspacesAdoptedWeights() async throws {
        let fixture = try ServerFixture()
        // A fit that weighs region alone (adopted) and a later one for the same target that was
        // not adopted: shortlists must rank by the first, so each score is the region feature.
        for (weights, adopted) in [(#"{"region":1}"#, true), (#"{"text":1}"#, false)] {
            try fixture.workbench.workspace.recordWeightsFit(WeightsFit(
                target: "achievement", weights: weights, previousWeights: "{}", queries: 20, judgments: 80, folds: 5, seed: 7,
                currentNDCG: 0.5, heldOutNDCG: 0.6, differenceLower: 0.05, differenceUpper: 0.15, pValue: 0.001, adopted: adopted,
                reason: "test", corpus: "demo"))
        }
        let expected = try #require(DemoRecommender.shared.recommender.recommend(
            for: "D-1012", target: .achievement, top: 5, weights: RecommendationWeights(RankingFeatures(region: 1))))
        try await fixture.withServer { client in
            let token = try await client.signIn("wang")
            let response = try await client.request(.post, "/api/shortlists", token: token, json: #"{"recordID":"D-1012","top":5}"#)
            #expect(response.json?.resultIDs == expected.map(\.id))
            #expect(response.json?["weightsFit"]?.intValue == 1)  // the adopted fit, not the later one
            guard case .array(let results)? = response.json?["results"] else { Issue.record("no results"); return }
            for result in results { #expect(result["score"] == result["features"]?["region"], "\(result)") }
            // Experts have no adopted fit: the shipped weights.
            let experts = try await client.request(.post, "/api/shortlists", token: token, json: #"{"recordID":"D-1012","top":3,"target":"expert"}"#)
            #expect(experts.json?.resultIDs == DemoRecommender.shared.recommender.recommend(for: "D-1012", target: .expert, top: 3)?.map(\.id))
            #expect(experts.json?["weightsFit"] == .null)
        }
    }

    @Test func exportsAreTheFilesTheCommandLineWrites() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let token = try await client.signIn("wang")
            let xlsx = try await client.request(.post, "/api/shortlists/export", token: token, json: #"{"recordID":"D-1012","top":5,"format":"xlsx"}"#)
            #expect(xlsx.status == .ok && xlsx.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a ZIP file: "PK\3\4"
            #expect(xlsx.headers[.contentDisposition]?.contains("attachment") == true)
            let csv = try await client.request(.post, "/api/shortlists/export", token: token, json: #"{"recordID":"D-1012","top":5,"format":"csv"}"#)
            #expect(csv.bytes.starts(with: [0xEF, 0xBB, 0xBF]) && csv.text.contains("A-4003"))
            #expect(csv.text.split(separator: "\r\n").count == 6)  // the header and five results
            let markdown = try await client.request(.post, "/api/shortlists/export", token: token, json: #"{"recordID":"D-1012","top":2,"format":"md","language":"en"}"#)
            #expect(markdown.text.hasPrefix("## D-1012") && markdown.text.contains("| # | score |"))
            let bad = try await client.request(.post, "/api/shortlists/export", token: token, json: #"{"recordID":"D-1012","format":"pdf"}"#)
            #expect(bad.status == .badRequest && bad.errorField == "format")
        }
    }

    @Test func aRecordAddedThroughTheAPIIsServedAtOnceAndItsOwnerSeesIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let wang = try await client.signIn("wang")
            let li = try await client.signIn("li")
            let record = #"{"id":"D-9001","enterprise":"C-1001","title":"海水养殖尾水脱氮除磷","description":"海参育苗场尾水氨氮超标，需要低成本生物脱氮除磷工艺","keywords":["尾水处理","脱氮除磷"],"fields":[],"transferModes":["licence"],"confidential":true}"#
            let added = try await client.request(.post, "/api/records", token: wang, json: #"{"kind":"demand","record":\#(record)}"#)
            #expect(added.status == .created, "\(added.text)")
            #expect(added.json?["generation"]?.intValue == 1 && added.json?["added"]?.intValue == 1)
            // The owner reads it and ranks for it; the other broker does not see it (confidential).
            #expect(try await client.request(.get, "/api/records/D-9001", token: wang).json?["record"]?["title"] == .string("海水养殖尾水脱氮除磷"))
            let shortlist = try await client.request(.post, "/api/shortlists", token: wang, json: #"{"recordID":"D-9001","top":3}"#)
            #expect(shortlist.status == .ok && shortlist.json?["generation"]?.intValue == 1 && shortlist.json?.resultIDs.count == 3)
            #expect(try await client.request(.get, "/api/records/D-9001", token: li).status == .notFound)
            // A bad record is refused with the problem named, and nothing is committed.
            let bad = try await client.request(.post, "/api/records", token: wang, json: #"{"kind":"demand","record":{"id":"D-9002","enterprise":"C-0000","title":"x","keywords":[],"fields":[],"transferModes":[]}}"#)
            #expect(bad.status == .badRequest && bad.text.contains("C-0000"), "\(bad.text)")
            #expect(try await client.request(.get, "/api/status", token: wang).json?["generation"]?.intValue == 1)
            // The other broker may not change it; its owner removes it.
            #expect(try await client.request(.post, "/api/records", token: li, json: #"{"kind":"demand","record":\#(record)}"#).status == .forbidden)
            let removed = try await client.request(.delete, "/api/records/D-9001", token: wang)
            #expect(removed.status == .ok && removed.json?["generation"]?.intValue == 2)
            #expect(try await client.request(.get, "/api/records/D-9001", token: wang).status == .notFound)
        }
    }

    @Test func changesSentTogetherAreCommittedOneAfterTheOther() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let admin = try await client.signIn("admin")
            func add(_ id: String) async throws -> APIResponse {
                try await client.request(.post, "/api/records", token: admin,
                                         json: #"{"kind":"demand","record":{"id":"\#(id)","enterprise":"C-1001","title":"液流电池电解液再生 \#(id)","keywords":["电解液"],"fields":[],"transferModes":["licence"]}}"#)
            }
            async let first = add("D-9101")
            async let second = add("D-9102")
            async let third = add("D-9103")
            let responses = try await [first, second, third]
            #expect(responses.map(\.status) == [.created, .created, .created], "\(responses.map(\.text))")
            #expect(Set(responses.compactMap { $0.json?["generation"]?.intValue }) == [1, 2, 3])
            for id in ["D-9101", "D-9102", "D-9103"] { #expect(try await client.request(.get, "/api/records/\(id)", token: admin).status == .ok) }
        }
    }

    @Test func aServerOnACorpusSaysChangesNeedAnIndex() async throws {
        let fixture = try ServerFixture(fromCorpus: true)
        try await fixture.withServer { client in
            let admin = try await client.signIn("admin")
            let response = try await client.request(.delete, "/api/records/D-1012", token: admin)
            #expect(response.status == .conflict && response.text.contains("duijie serve --index"))
            #expect(try await client.request(.get, "/api/status", token: admin).json?["source"] == .string("corpus"))
        }
    }

    @Test func aCaseIsSavedAsShownAndFollowedToADeal() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let wang = try await client.signIn("wang")
            let clientJSON = try await client.request(.post, "/api/clients", token: wang, json: #"{"name":"大连瀚洋储能","contact":"王总"}"#).json
            let clientID = try #require(clientJSON?["id"]?.intValue)
            let shown = try await client.request(.post, "/api/shortlists", token: wang, json: #"{"recordID":"D-1012","top":4}"#).json?.resultIDs ?? []
            let shownList = shown.map { "\"\($0)\"" }.joined(separator: ",")
            // Saving checks that the list is the one shown.
            let stale = try await client.request(.post, "/api/cases", token: wang,
                                                 json: #"{"title":"储能","shortlist":{"recordID":"D-1012","top":4,"shownIDs":["A-0000"]}}"#)
            #expect(stale.status == .conflict && stale.errorField == "shortlist.shownIDs")
            let saved = try await client.request(.post, "/api/cases", token: wang,
                                                 json: #"{"title":"储能电池梯次利用","clientID":\#(clientID),"shortlist":{"recordID":"D-1012","top":4,"shownIDs":[\#(shownList)]}}"#)
            #expect(saved.status == .created)
            let caseID = try #require(saved.json?["id"]?.intValue)
            let first = shown[0]
            for (status, extra) in [("contacted", ""), ("已约见", #","note":"周三见面""#), ("no-deal", #","reason":"价格不合""#)] {
                let response = try await client.request(.put, "/api/cases/\(caseID)/results/\(first)/status", token: wang, json: #"{"status":"\#(status)"\#(extra)}"#)
                #expect(response.status == .ok, "\(status): \(response.text)")
            }
            let noReason = try await client.request(.put, "/api/cases/\(caseID)/results/\(first)/status", token: wang, json: #"{"status":"no-deal"}"#)
            #expect(noReason.status == .badRequest)
            let badStatus = try await client.request(.put, "/api/cases/\(caseID)/results/\(first)/status", token: wang, json: #"{"status":"done"}"#)
            #expect(badStatus.status == .badRequest && badStatus.errorField == "status")
            #expect(try await client.request(.post, "/api/cases/\(caseID)/notes", token: wang, json: #"{"text":"客户要求补充检测报告"}"#).status == .created)
            let detail = try #require(try await client.request(.get, "/api/cases/\(caseID)", token: wang).json)
            #expect(detail["results"]?.resultRecordIDs == shown)
            #expect(detail["clientID"]?.intValue == clientID)
            guard case .array(let results)? = detail["results"], case .array(let events)? = detail["events"] else { Issue.record("no detail"); return }
            #expect(results[0]["status"] == .string("no-deal") && results[0]["reason"] == .string("价格不合"))
            #expect(results[0]["shown"]?["id"] == .string(first))
            #expect(events.map { $0["status"] } == [.string("contacted"), .string("meeting"), .string("no-deal"), .null])
            #expect(try await client.request(.get, "/api/cases?broker=\(fixture.users["wang"]!.id)", token: wang).text.contains("储能电池梯次利用"))
        }
    }

    @Test func theServedDocumentIsTheRepositorysAndDescribesEveryRoute() async throws {
        let file = try String(contentsOfFile: RepositoryFiles.root + "/docs/openapi.json", encoding: .utf8)
        #expect(OpenAPIDocument.json + "\n" == file, "docs/openapi.json changed: run scripts/embed-openapi")
        let document = try JSONParser.parse(OpenAPIDocument.json)
        guard case .object(let paths)? = document["paths"] else { Issue.record("no paths"); return }
        var documented = Set<String>()
        for (path, item) in paths {
            guard case .object(let members) = item else { continue }
            for (method, _) in members where ["get", "post", "put", "delete", "patch"].contains(method) { documented.insert(method.uppercased() + " " + path) }
        }
        let fixture = try ServerFixture()
        let routes = Set(DuijieServer.routeList(fixture.workbench).map { $0.method + " " + $0.path })
        let pages: Set = ["GET /", "GET /assets/app.js", "GET /assets/app.css", "GET /openapi.json"]
        #expect(routes.subtracting(pages) == documented)
        try await fixture.withServer { client in
            let served = try await client.request(.get, "/openapi.json")
            #expect(served.status == .ok && served.text == OpenAPIDocument.json)
            let page = try await client.request(.get, "/")
            #expect(page.status == .ok && page.text.contains("/assets/app.js") && page.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
        }
    }
}
