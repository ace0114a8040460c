import DuijieBase
import DuijieTestSupport
@testable import DuijieWorkspace
import Foundation
import GRDB
import Testing

/// Deals (成交): read from JSON lines, checked, saved all or none, and the schema migration
/// that brought them.
@Suite struct DealTests {
    static let line = #"{"contractType":"技术许可","signedOn":"2026-03-02","value":120,"seller":"A-1001","sellerKind":"高等院校","buyer":"C-1003","buyerKind":"企业","ipType":"专利","registrationNumber":"2026210200001234","registeredOn":"2026-03-20","field":"F-STOR","sellerRegion":"辽宁省大连市","buyerRegion":"辽宁省沈阳市","brokers":[{"login":"wang","fee":1.8}]}"#

    static func problems(_ text: String) -> [String] {
        do {
            _ = try DealReader.read(text, fileName: "deals.jsonl")
            return []
        } catch {
            return error.details
        }
    }

    @Test func aLineIsReadByChineseNamesOrCodes() throws {
        let (deals, locations) = try DealReader.read(Self.line + "\n\n" + Self.line
            .replacingOccurrences(of: "技术许可", with: "licence").replacingOccurrences(of: "高等院校", with: "university")
            .replacingOccurrences(of: "2026210200001234", with: "2026210200001235"), fileName: "deals.jsonl")
        #expect(locations == ["deals.jsonl:1", "deals.jsonl:3"])
        let deal = try #require(deals.first)
        #expect(deal.contractType == .licence && deal.sellerKind == .university && deal.buyerKind == .enterprise && deal.ipType == .patent)
        #expect(deal.value == 120 && deal.signedOn == "2026-03-02" && deal.registeredOn == "2026-03-20")
        #expect(deal.brokers == [DealBroker(login: "wang", fee: 1.8)] && deal.sellerRegion == "辽宁省大连市")
        #expect(deals[1].contractType == .licence && deals[1].sellerKind == .university)
    }

    @Test func everyProblemIsNamedAtItsLineAndField() {
        let text = [
            Self.line,
            Self.line.replacingOccurrences(of: #""value":120"#, with: #""value":-5"#)
                .replacingOccurrences(of: #""signedOn":"2026-03-02""#, with: #""signedOn":"2026-02-30""#),
            Self.line.replacingOccurrences(of: "技术许可", with: "买卖").replacingOccurrences(of: #""field""#, with: #""price""#),
            "{not json",
            Self.line.replacingOccurrences(of: #""registeredOn":"2026-03-20""#, with: #""registeredOn":"2026-02-01""#),
            Self.line.replacingOccurrences(of: #""registrationNumber":"2026210200001234""#, with: #""registrationNumber":"2025210200001234""#),
            Self.line.replacingOccurrences(of: #","registeredOn":"2026-03-20""#, with: ""),
            Self.line.replacingOccurrences(of: #""value":120"#, with: #""value":"50万""#),
        ].joined(separator: "\n")
        let problems = Self.problems(text)
        let expected = [
            "deals.jsonl:2: value: -5.0: expected a sum of 0 or more",
            "deals.jsonl:2: signedOn: 2026-02-30: expected a day as YYYY-MM-DD",
            "deals.jsonl:3: price: unknown field",
            "deals.jsonl:3: contractType: 买卖: expected one of development (技术开发)",
            "deals.jsonl:4:2:",
            "deals.jsonl:5: registeredOn: 2026-02-01 is before signedOn 2026-03-02",
            "deals.jsonl:6: registrationNumber: 2025210200001234: should start with the year of registration (2026)",
            "deals.jsonl:7: registrationNumber: 2026210200001234: give registeredOn too",
            "deals.jsonl:8: value: expected a number, found a string",
        ]
        for prefix in expected {
            #expect(problems.contains { $0.hasPrefix(prefix) }, "\(prefix) in \(problems)")
        }
        #expect(problems.count == expected.count, "\(problems)")
        #expect(!problems.contains { $0.hasPrefix("deals.jsonl:1:") })
    }

    @Test func calendarDaysAreChecked() {
        // Leap years by the Gregorian rule: 2024 and 2000 are, 2026 and 1900 are not.
        #expect(Deal.isCalendarDay("2024-02-29") && Deal.isCalendarDay("2000-02-29"))
        #expect(!Deal.isCalendarDay("2026-02-29") && !Deal.isCalendarDay("1900-02-29"))
        #expect(!Deal.isCalendarDay("2026-13-01") && !Deal.isCalendarDay("2026-4-01") && !Deal.isCalendarDay("２０２６-04-01"))
    }

    @Test func dealsAreSavedAllOrNoneWithTheirBrokers() throws {
        let directory = TemporaryDirectory()
        let workspace = try Workspace(path: directory.path + "/ws.sqlite")
        let wang = try workspace.addUser(login: "wang", role: .broker, password: "correct horse", cost: 4)
        _ = try workspace.addUser(login: "zhao", role: .viewer, password: "correct horse", cost: 4)
        let (deals, locations) = try DealReader.read(Self.line, fileName: "deals.jsonl")
        // Brokers that are not brokers, a case that does not exist, a number used twice: none saved.
        var wrong = deals[0]
        wrong.brokers = [DealBroker(login: "zhao", fee: 1), DealBroker(login: "nobody", fee: 1)]
        wrong.caseID = 42
        #expect { try workspace.addDeals([deals[0], wrong], locations: ["a:1", "a:2"]) } throws: { error in
            let details = (error as? DuijieError)?.details ?? []
            return details == ["a:2: brokers: zhao: is a viewer, not a broker", "a:2: brokers: nobody: no such user",
                               "a:2: caseID: 42: no such case", "a:2: registrationNumber: 2026210200001234: also at a:1"]
        }
        #expect(try workspace.deals().isEmpty)
        let saved = try workspace.addDeals(deals, locations: locations, createdBy: wang.id)
        #expect(saved.count == 1 && saved[0].id > 0)
        #expect(try workspace.deals() == saved)
        // The same registration number again is refused: it is saved already.
        #expect { try workspace.addDeals(deals, locations: locations) } throws: { error in
            (error as? DuijieError)?.details.first?.contains("saved already") == true
        }
        #expect(try workspace.deals().count == 1)
    }

    @Test func aSellersProvinceIsTheFirstLevelOfItsRegion() {
        // By hand, from how Chinese addresses name their first level.
        let cases = [("辽宁省大连市", "辽宁省"), ("北京市海淀区", "北京市"), ("重庆市", "重庆市"), ("内蒙古自治区呼和浩特市", "内蒙古自治区"),
                     ("广西壮族自治区南宁市", "广西壮族自治区"), ("吉林省延边朝鲜族自治州", "吉林省"), ("香港特别行政区", "香港特别行政区"),
                     ("Dalian", "Dalian"), ("", "")]
        for (region, province) in cases {
            var deal = Deal(contractType: .licence, signedOn: "2026-01-01", value: 1, seller: "s", sellerKind: .university,
                            buyer: "b", buyerKind: .enterprise, ipType: .patent)
            deal.sellerRegion = region
            #expect(deal.sellerProvince == province, "\(region)")
        }
    }

    @Test func aVersionOneWorkspaceIsMigratedWithItsData() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/old.sqlite"
        // A workspace as the previous release wrote it: only the first migration.
        let queue = try DatabaseQueue(path: path)
        try WorkspaceSchema.migrator.migrate(queue, upTo: "1 users, sessions, clients, cases, results")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO user (login, displayName, role, passwordHash, createdAt) VALUES ('wang', '王', 'broker', 'x', 0)")
        }
        try queue.close()
        let workspace = try Workspace(path: path)
        #expect(try workspace.schemaVersion() == WorkspaceSchema.version && WorkspaceSchema.version == 4)
        #expect(try workspace.users().map(\.login) == ["wang"])
        #expect(try workspace.deals().isEmpty)
    }
}
