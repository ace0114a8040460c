import DuijieTestSupport
@testable import DuijieWorkspace
import Foundation
import Testing

/// A planned event recorded in the workspace, and both sides' ratings imported from a sheet.
@Suite struct WorkspaceEventCommandTests {
    @Test func aPlannedEventIsRecordedAndItsRatingsImportedAllOrNothing() throws {
        let directory = TemporaryDirectory()
        let workspace = directory.path + "/w.sqlite"
        #expect(try CommandRunner.run(["workspace", "init", workspace, "--demo"], input: "duijie-demo\n").status == 0)
        let report = directory.path + "/report"
        #expect(try CommandRunner.run(["pair", "Corpus/demo/events/liaoning-2026", "--corpus", "Corpus/demo", "-o", report]).status == 0)
        let scheduled = try String(contentsOfFile: report + "/schedule.csv", encoding: .utf8).split(whereSeparator: \.isNewline).count - 1
        let imported = try CommandRunner.run(["workspace", "import-event", workspace, "Corpus/demo/events/liaoning-2026", report, "--corpus", "Corpus/demo"])
        #expect(imported.status == 0, "\(imported.standardError)")
        // 营口镁质材料 has a profile and no records: its meetings are listed, not recorded.
        let profileOnly = try String(contentsOfFile: report + "/schedule.csv", encoding: .utf8).split(whereSeparator: \.isNewline).filter { $0.contains(",营口镁质材料,") }.count
        #expect(imported.standardOutput.contains("with \(scheduled - profileOnly) meetings"), "\(imported.standardOutput)")
        #expect(profileOnly == 0 || imported.standardError.contains("营口镁质材料 ×"))
        let opened = try Workspace(existing: workspace)
        // The demo history holds two events; this one is the third.
        let event = try #require(try opened.events().last)
        #expect(event.name == "2026 辽宁新材料与能源技术成果对接会" && event.heldOn == "2026-12-08")
        let meetings = try opened.meetings(ofEvent: event.id)
        #expect(meetings.count == scheduled - profileOnly)
        let first = try #require(meetings.first)
        #expect(first.demandID.hasPrefix("D-") && first.slot.hasPrefix("AM"))

        // A sheet with a bad row adds nothing; a good one adds every rating.
        directory.write("bad.csv", "洽谈编号,评价方,阶段,评分,达成合作\n\(first.id),需求方,会后,5,\n\(first.id),buyer,会后,6,\n")
        let refused = try CommandRunner.run(["workspace", "import-ratings", workspace, directory.path + "/bad.csv"])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("bad.csv:row 3: side: \"buyer\" is not 需求方/demand or 供给方/supply"), "\(refused.standardError)")
        #expect(refused.standardError.contains("bad.csv:row 3: rating: 6: expected 1 to 5"))
        #expect(try opened.meeting(first.id)?.ratings.isEmpty == true)
        directory.write("good.csv", "洽谈编号,评价方,阶段,评分,达成合作,备注\n\(first.id),需求方,会后,5,,有收获\n\(first.id),供给方,回访,4,是,签了意向\n")
        let added = try CommandRunner.run(["workspace", "import-ratings", workspace, directory.path + "/good.csv"])
        #expect(added.status == 0, "\(added.standardError)")
        let rated = try #require(try opened.meeting(first.id))
        #expect(rated.ratings.map(\.rating) == [5, 4] && rated.ratings.last?.agreement == true)
        // An agreement at the follow-up grades the pair 3 (signed) in the feedback.
        #expect(rated.grade == 3)
    }
}
