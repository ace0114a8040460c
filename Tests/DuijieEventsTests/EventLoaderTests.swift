import DuijieBase
@testable import DuijieCorpus
@testable import DuijieEvents
@testable import DuijieRanking
import DuijieTestSupport
import Foundation
import Testing

@Suite struct EventLoaderTests {
    var demoEvent: String { RepositoryFiles.demoCorpus + "/events/liaoning-2026" }

    @Test func theDemoEventLoads() throws {
        let event = try EventLoader.load(demoEvent, corpus: DemoRecommender.shared.corpus)
        #expect(event.participants.count == 27 && event.slots.count == 14 && event.locked.count == 1)
        #expect(event.participants.filter { $0.side == .demand }.count == 13)
        // Defaults from event.json: min 2, max 5; a participant's own values win.
        #expect(event.participant("金湾精细化学品").map { ($0.minimumMeetings, $0.maximumMeetings) } ?? (0, 0) == (2, 5))
        #expect(event.participant("徐明远")?.maximumMeetings == 6)
        // The name defaults to the demand's enterprise.
        #expect(event.participant("金湾精细化学品")?.name == "大连金湾精细化学品有限公司")
    }

    @Test func csvGivesTheSameEventAsJSONLines() throws {
        let directory = TemporaryDirectory()
        directory.write("slots.csv", "id,start,end,tables\r\nS1,2026-12-08T09:00,2026-12-08T09:20,3\r\nS2,2026-12-08T09:20,2026-12-08T09:40,2\r\n")
        directory.write("participants.csv", """
        id,name,side,records,profile,min,max,availability,must_meet,never_meet,organization
        甲,甲公司,需求方,D-1001;D-1002,,1,2,S1;S2,乙,,
        乙,,supply,E-1001,,0,2,,,,
        丙,"丙, 研究所",supply,,"膜材料, 储能",0,1,S2,,甲,DICP
        """)
        directory.write("locked.csv", "demand,supply,slot,table\n甲,乙,S1,1\n")
        let fromCSV = try EventLoader.load(directory.path, corpus: DemoRecommender.shared.corpus)
        let json = TemporaryDirectory()
        json.write("slots.jsonl", """
        {"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 3}
        {"id": "S2", "start": "2026-12-08T09:20", "end": "2026-12-08T09:40", "tables": 2}
        """)
        json.write("participants.jsonl", """
        {"id": "甲", "name": "甲公司", "side": "demand", "records": ["D-1001", "D-1002"], "min": 1, "max": 2, "availability": ["S1", "S2"], "must_meet": ["乙"]}
        {"id": "乙", "side": "supply", "records": ["E-1001"], "max": 2}
        {"id": "丙", "name": "丙, 研究所", "side": "supply", "profile": "膜材料, 储能", "max": 1, "availability": ["S2"], "never_meet": ["甲"], "organization": "DICP"}
        """)
        json.write("locked.jsonl", #"{"demand": "甲", "supply": "乙", "slot": "S1", "table": 1}"#)
        let fromJSON = try EventLoader.load(json.path, corpus: DemoRecommender.shared.corpus)
        #expect(fromCSV.participants == fromJSON.participants)
        #expect(fromCSV.slots == fromJSON.slots && fromCSV.locked == fromJSON.locked)
        #expect(fromCSV.participants[1].name == "徐明远")
    }

    @Test func everyProblemIsReportedWithFileLineAndField() {
        let directory = TemporaryDirectory()
        directory.write("slots.jsonl", """
        {"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 3}
        {"id": "S2", "start": "2026-12-08 09:20", "end": "2026-12-08T09:10", "tables": 2}
        """)
        directory.write("participants.jsonl", """
        {"id": "a", "side": "buyer", "records": ["D-1001"]}
        {"id": "b", "side": "demand", "records": ["E-1001"], "min": 3, "max": 2}
        {"id": "c", "side": "supply", "records": ["E-404"], "availability": ["S9"]}
        {"id": "d", "side": "supply"}
        {"id": "e", "side": "supply", "records": ["E-1002"], "must_meet": ["c"]}
        """)
        directory.write("locked.jsonl", #"{"demand": "b", "supply": "e", "slot": "S1", "table": 4}"#)
        #expect {
            try EventLoader.load(directory.path, corpus: DemoRecommender.shared.corpus)
        } throws: { error in
            let text = (error as? DuijieError)?.description ?? ""
            let expected = [
                "slots.jsonl:2: start: \"2026-12-08 09:20\" is not a local time",
                "participants.jsonl:1: side: \"buyer\" is not demand or supply",
                "participants.jsonl:2: min: 3 is more than max 2",
                "participants.jsonl:2: records: E-1001 is a expert, which cannot stand for the demand side",
                "participants.jsonl:3: availability: no slot \"S9\"",
                "participants.jsonl:3: records: no record \"E-404\" in the corpus",
                "participants.jsonl:4: records: a participant needs corpus records or a profile text",
                "locked.jsonl:1: table: slot S1 has 3 tables",
            ]
            for line in expected where !text.contains(line) { Issue.record("missing: \(line)\n\(text)") }
            return expected.allSatisfy(text.contains)
        }
    }

    @Test func bothFormatsOfOneFileAreRefused() {
        let directory = TemporaryDirectory()
        directory.write("slots.jsonl", "")
        directory.write("slots.csv", "id,start,end,tables\n")
        directory.write("participants.jsonl", "")
        #expect(throws: DuijieError.self) { try EventLoader.load(directory.path) }
    }
}
