import CSV
import DuijieBase
@testable import DuijieCorpus
@testable import DuijieEvents
@testable import DuijieMatching
@testable import DuijieRanking
import DuijieTestSupport
import Foundation
import Testing

@Suite struct EventReportTests {
    static let plan: EventPlan = {
        let (corpus, recommender) = DemoRecommender.shared
        let event = try! EventLoader.load(RepositoryFiles.demoCorpus + "/events/liaoning-2026", corpus: corpus)
        return EventPlanner.plan(event, recommender: recommender)
    }()

    static let briefs: ParticipantBriefs = {
        let (corpus, recommender) = DemoRecommender.shared
        return ParticipantBriefs(event: plan.event, corpus: corpus, recordText: { recommender.matchedText(of: $0) },
                                 sharedWords: try! TextResources.sharedWords(for: recommender.achievements.analyzer))
    }()

    @Test func agendasSayWhoTheCounterpartIsAndWhyToMeetWithoutScores() throws {
        let report = EventReport(plan: Self.plan, briefs: Self.briefs)
        // 罗丹 (supply side, an expert) meets enterprises; each section names the enterprise's
        // demands (the corpus titles), 罗丹's own offer, and words both texts contain.
        let participant = "罗丹"
        let agenda = report.agendaMarkdown(participant)
        #expect(!agenda.contains("匹配度") && !agenda.contains("0."), "\(agenda)")
        let meetings = Self.plan.agenda(of: participant)
        #expect(agenda.components(separatedBy: "\n## ").count == meetings.count + 1)
        let (corpus, recommender) = DemoRecommender.shared
        for meeting in meetings {
            let partner = try #require(Self.plan.event.participant(meeting.demand))
            for record in partner.records { #expect(agenda.contains(corpus.demand(record)!.title), "\(record)") }
            // Every shared topic appears in both texts.
            for word in Self.briefs.sharedTopics(participant, partner.id) {
                let mine = Self.plan.event.participant(participant)!.records.compactMap { recommender.matchedText(of: $0) }.joined()
                let theirs = ([partner.profile ?? ""] + partner.records.compactMap { recommender.matchedText(of: $0) }).joined()
                #expect(mine.contains(word) && theirs.contains(word), "\(word)")
            }
        }
        #expect(agenda.contains("- **对方需求**：") && agenda.contains("- **您可提供**：") && agenda.contains("- **共同话题**："))
        let english = EventReport(plan: Self.plan, chinese: false, briefs: Self.briefs).agendaMarkdown(participant)
        #expect(english.contains("- **They need**: ") && !english.contains("对方"))
        // The CSV has no score column.
        let header = report.agendaCSV(participant).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        #expect(header == "slot,start,end,table,partner,partnerName,partnerOrganization,partnerProfile,partnerTopics,sharedTopics,note")
    }

    @Test func tableCardsHaveOnePagePerTableAndSlot() {
        let html = EventReport(plan: Self.plan, briefs: Self.briefs).tableCardsHTML()
        #expect(html.components(separatedBy: "<section class=\"card\">").count == Self.plan.scheduled.count + 1)
        #expect(html.contains("page-break-after: always"))
        #expect(EventReport.html("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
    }

    @Test func theScheduleCSVReadsBackAsThePlan() throws {
        let text = EventReport(plan: Self.plan).scheduleCSV()
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == Self.plan.scheduled.count)
        for (row, meeting) in zip(rows, Self.plan.scheduled) {
            #expect(row[0] == meeting.slot && Int(row[3]) == meeting.table && row[4] == meeting.demand && row[6] == meeting.supply)
            #expect(abs((Float(row[8]) ?? -1) - meeting.score) < 0.0005)
        }
    }

    @Test func iCalendarAgendasAreWellFormed() throws {
        let participant = "罗丹"
        let text = ICalendar.agenda(EventReport(plan: Self.plan, briefs: Self.briefs), participant: participant)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let physical = text.components(separatedBy: "\r\n").dropLast()
        for line in physical { #expect(line.utf8.count <= 75, "\(line)") }
        // Unfold (RFC 5545 §3.1): a CRLF followed by a space continues the previous line.
        let logical = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
        #expect(logical.first == "BEGIN:VCALENDAR" && logical.last == "END:VCALENDAR")
        let agenda = Self.plan.agenda(of: participant)
        #expect(logical.filter { $0 == "BEGIN:VEVENT" }.count == agenda.count)
        let first = try #require(agenda.first)
        let slot = try #require(Self.plan.event.slots.first { $0.id == first.slot })
        #expect(logical.contains("DTSTART:" + ICalendar.compact(slot.start) + "00"))
        #expect(logical.contains { $0.hasPrefix("LOCATION:") && $0.hasSuffix("第\(first.table!)桌") })
    }

    @Test func foldingNeverSplitsACharacter() {
        let line = "DESCRIPTION:" + String(repeating: "对接会谈，", count: 40)
        let folded = ICalendar.fold(line)
        for piece in folded.components(separatedBy: "\r\n") { #expect(piece.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func writingReplacesTheWholeDirectory() throws {
        let directory = TemporaryDirectory()
        let output = directory.path + "/report"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try "stale".write(toFile: output + "/stale.txt", atomically: true, encoding: .utf8)
        try EventReport(plan: Self.plan).write(to: output)
        let files = try FileManager.default.subpathsOfDirectory(atPath: output)
        #expect(!files.contains("stale.txt"))
        #expect(files.contains("schedule.csv") && files.contains("summary.md") && files.contains("agendas/罗丹.ics"))
        #expect(files.filter { $0.hasPrefix("agendas/") && $0.hasSuffix(".md") }.count == Self.plan.event.participants.count)
        let summary = try String(contentsOfFile: output + "/summary.md", encoding: .utf8)
        #expect(summary.contains("大连瀚洋储能科技有限公司") && summary.contains("已排 \(Self.plan.scheduled.count) 场"))
        // No staging or retired directories are left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report"])
    }

    @Test func aFailedWriteLeavesTheOldReport() throws {
        let directory = TemporaryDirectory()
        let output = directory.path + "/report"
        try EventReport(plan: Self.plan).write(to: output)
        let before = try String(contentsOfFile: output + "/schedule.csv", encoding: .utf8)
        // The second file needs a directory where the first one is a file: the write fails midway.
        #expect(throws: DuijieError.self) { try ReportDirectory.replace(output, with: [("schedule.csv", "new"), ("schedule.csv/x", "x")]) }
        #expect(try String(contentsOfFile: output + "/schedule.csv", encoding: .utf8) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report"])
    }
}
