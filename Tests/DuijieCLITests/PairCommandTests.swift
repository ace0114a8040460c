import DuijieTestSupport
import Foundation
import Testing

@Suite struct PairCommandTests {
    @Test func theDemoEventIsPairedAndWritten() throws {
        let directory = TemporaryDirectory()
        let output = directory.path + "/out"
        let outcome = try CommandRunner.run(["pair", "Corpus/demo/events/liaoning-2026", "--corpus", "Corpus/demo", "-o", output])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("2026 辽宁新材料与能源技术成果对接会: "))
        let schedule = try String(contentsOfFile: output + "/schedule.csv", encoding: .utf8)
        #expect(schedule.hasPrefix("slot,start,end,table,demand_id"))
        #expect(schedule.contains("AM1,2026-12-08T09:00,2026-12-08T09:20,1,Aurora,Aurora Electrolysis (Dalian),宋雨晴,宋雨晴"))
        #expect(FileManager.default.fileExists(atPath: output + "/agendas/瀚洋储能.ics"))
        // The same run again gives the same files.
        let again = try CommandRunner.run(["pair", "Corpus/demo/events/liaoning-2026", "--corpus", "Corpus/demo", "-o", output + "2"])
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: output + "2/schedule.csv", encoding: .utf8) == schedule)
    }

    @Test func aBrokenEventFailsWithItsProblems() throws {
        let directory = TemporaryDirectory()
        directory.write("event/slots.jsonl", #"{"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 2}"# + "\n")
        directory.write("event/participants.jsonl", #"{"id": "a", "side": "demand", "records": ["D-404"]}"# + "\n")
        let outcome = try CommandRunner.run(["pair", directory.path + "/event", "--corpus", "Corpus/demo", "-o", directory.path + "/out"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("participants.jsonl:1: records: no record \"D-404\" in the corpus"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
    }
}
