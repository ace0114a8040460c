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
        #expect(schedule.hasPrefix("slot,start,end,table,demand,demandName,supply,supplyName,score"))
        #expect(schedule.contains("AM1,2026-12-08T09:00,2026-12-08T09:20,1,Aurora,Aurora Electrolysis (Dalian),宋雨晴,宋雨晴"))
        #expect(FileManager.default.fileExists(atPath: output + "/agendas/瀚洋储能.ics"))
        // Agendas say why to meet, in words, with no scores; table cards are written.
        let agenda = try String(contentsOfFile: output + "/agendas/瀚洋储能.md", encoding: .utf8)
        #expect(agenda.contains("- **您的需求**：全钒液流电池离子传导膜国产化替代") && agenda.contains("- **共同话题**：") && !agenda.contains("匹配度"))
        #expect(FileManager.default.fileExists(atPath: output + "/table-cards.html"))
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

    @Test func anEventOfProfilesIsPairedWithoutACorpus() throws {
        let directory = TemporaryDirectory()
        directory.write("event/slots.csv", "编号,开始,结束,桌数\nAM1,2026-12-08T09:00,2026-12-08T09:30,2\nAM2,2026-12-08T09:30,2026-12-08T10:00,2\n")
        directory.write("event/participants.csv", """
        编号,类型,简介,never_meet
        储能企业,需求方,液流电池储能系统 隔膜国产化,食品学院
        食品企业,需求方,海参加工 冷链保鲜,膜材料团队
        膜材料团队,供给方,液流电池 离子传导膜 隔膜,
        食品学院,供给方,水产品 冷链 保鲜技术,
        """)
        let outcome = try CommandRunner.run(["pair", directory.path + "/event", "-o", directory.path + "/out"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("event: 2 meetings in 1 slots"), "\(outcome.standardOutput)")
        // Once, at the header row, though two rows use the column.
        #expect(outcome.standardError.components(separatedBy: "older key name").count == 2)
        #expect(outcome.standardError.contains("participants.csv:row 1: never_meet: warning: an older key name; write neverMeet"), "\(outcome.standardError)")
        let schedule = try String(contentsOfFile: directory.path + "/out/schedule.csv", encoding: .utf8)
        #expect(schedule.contains("储能企业") && schedule.contains("膜材料团队"))

        // Profiles that share no word: nothing to pair, and a warning says so.
        directory.write("event/participants.csv", "id,side,profile\na,demand,数控机床\nb,supply,水产品保鲜\n")
        let silent = try CommandRunner.run(["pair", directory.path + "/event", "-o", directory.path + "/out"])
        #expect(silent.status == 0)
        #expect(silent.standardError.contains("warning: every eligible pair scores 0"), "\(silent.standardError)")
        #expect(silent.standardOutput.hasPrefix("event: 0 meetings"))
    }

    @Test func recordsWithoutACorpusAreRefusedWithAHint() throws {
        let directory = TemporaryDirectory()
        directory.write("event/slots.jsonl", #"{"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 2}"# + "\n")
        directory.write("event/participants.jsonl", #"{"id": "a", "side": "demand", "records": ["D-1001"]}"# + "\n" + #"{"id": "b", "side": "supply", "profile": "电池"}"# + "\n")
        let outcome = try CommandRunner.run(["pair", directory.path + "/event", "-o", directory.path + "/out"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("a stand(s) for corpus records and have no profile; give --corpus or --index, or a profile"), "\(outcome.standardError)")
    }

    @Test func aCancellationIsReplannedWithAChangeListAndOnlyTheChangedAgendas() throws {
        let directory = TemporaryDirectory()
        let event = directory.path + "/event"
        try FileManager.default.copyItem(atPath: "Corpus/demo/events/liaoning-2026", toPath: event)
        let first = try CommandRunner.run(["pair", event, "--corpus", "Corpus/demo", "-o", directory.path + "/v1"])
        #expect(first.status == 0, "\(first.standardError)")
        let schedule = try String(contentsOfFile: directory.path + "/v1/schedule.csv", encoding: .utf8)
        let rows = schedule.split(whereSeparator: \.isNewline).dropFirst()
        let withRoDan = rows.filter { $0.contains(",罗丹,") }.count
        #expect(withRoDan > 0)
        // 罗丹 cancels.
        let participants = try String(contentsOfFile: event + "/participants.jsonl", encoding: .utf8)
        try participants.split(separator: "\n").filter { !$0.contains(#""id": "罗丹""#) }.joined(separator: "\n").write(toFile: event + "/participants.jsonl", atomically: true, encoding: .utf8)
        let second = try CommandRunner.run(["pair", event, "--corpus", "Corpus/demo", "--replan", directory.path + "/v1", "-o", directory.path + "/v2"])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput.hasPrefix("replanned: kept \(rows.count - withRoDan) of \(rows.count) published meetings"), "\(second.standardOutput)")
        let changes = try String(contentsOfFile: directory.path + "/v2/changes.md", encoding: .utf8)
        #expect(changes.contains("取消 · 罗丹") && changes.contains("罗丹 不再参会"))
        // Only the changed agendas are written: three files (csv, md, ics) per changed participant.
        let changedCount = Set(try String(contentsOfFile: directory.path + "/v2/changes.csv", encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",")[0] }).count
        let agendas = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/v2/agendas")
        #expect(agendas.count == 3 * changedCount && changedCount < 26)
        // The previous report is an input: it is not overwritten by the replan.
        let overwrite = try CommandRunner.run(["pair", event, "--corpus", "Corpus/demo", "--replan", directory.path + "/v1", "-o", directory.path + "/v1"])
        #expect(overwrite.status != 0)
    }

    @Test func theOrganizersSheetNeedsNoCorpusAndListsShortfallsBriefly() throws {
        let directory = TemporaryDirectory()
        let outcome = try CommandRunner.run(["pair", "Corpus/demo/events/dalian-marine-2026", "-o", directory.path + "/out"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // summary.md gives every shortfall; standard output the first five and a count.
        let summary = try String(contentsOfFile: directory.path + "/out/summary.md", encoding: .utf8)
        let short = summary.components(separatedBy: "未达最少：").count - 1
        #expect(short > 5)
        #expect(outcome.standardOutput.contains("… and \(short - 5) more below their minimum: see summary.md"), "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.components(separatedBy: "the minimum score is the cause").count - 1 == 5)
    }
}
