import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieEvents
import DuijieWorkspace
import Foundation

/// `duijie workspace import-event`: a planned event's meetings into the workspace, so both
/// sides can rate them and the ratings become feedback.
struct WorkspaceImportEventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-event",
        abstract: "Record an event planned by `duijie pair` (its schedule.csv) in a workspace, so its meetings can be rated.",
        discussion: """
        Each scheduled meeting is recorded between the records its participants stand for: the \
        demand side's first demand and the supply side's first achievement, expert or institution \
        (which the meeting's target is). Meetings of participants without such records (profile \
        only) cannot become feedback and are listed, not recorded. All or nothing.
        Example:
          duijie workspace import-event demo.sqlite Corpus/demo/events/liaoning-2026 /tmp/liaoning-2026 \\
              --corpus Corpus/demo
        """
    )

    @Argument(help: "The workspace file.") var workspace: String
    @Argument(help: "The event directory.") var event: String
    @Argument(help: "The report `duijie pair` wrote (its schedule.csv is read).") var report: String
    @Option(help: "The corpus the participants' records are in.") var corpus: String
    @Option(help: "The day it was held, YYYY-MM-DD (default: the first slot's day).") var heldOn: String?

    func run() throws {
        let opened = try Workspace(existing: workspace)
        let loaded = try CorpusLoader.loadValidated(corpus).corpus
        let parsed = try EventLoader.load(event, corpus: loaded)
        let published = try EventLoader.published(report)
        var meetings: [NewMeeting] = []
        var skipped: [String] = []
        for meeting in published {
            guard let records = parsed.meetingRecords(demand: meeting.demand, supply: meeting.supply, in: loaded) else {
                skipped.append("\(meeting.demand) × \(meeting.supply)")
                continue
            }
            meetings.append(NewMeeting(demandID: records.demand, supplyID: records.supply, target: records.target.rawValue, slot: meeting.slot, table: meeting.table))
        }
        let day = heldOn ?? parsed.slots.first.map { String($0.start.prefix(10)) } ?? ""
        let saved = try opened.addEvent(name: parsed.name, heldOn: day, place: parsed.venue ?? "", meetings: meetings)
        print("recorded event \(saved.id) \"\(saved.name)\" (\(saved.heldOn)) with \(saved.meetings) meetings in \(workspace)")
        if !skipped.isEmpty {
            printError("not recorded (a side stands for no demand or no achievement, expert or institution): \(skipped.joined(separator: ", "))")
        }
    }
}

/// `duijie workspace import-ratings`: both sides' ratings of meetings from a spreadsheet.
struct WorkspaceImportRatingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-ratings",
        abstract: "Add meeting ratings (both sides, after the event or at the follow-up) from a CSV sheet: all of them, or none when any row has a problem.",
        discussion: """
        Header row, Chinese or English: 洽谈编号 (meeting: its number in the workspace, as \
        `GET /api/events/{id}` shows), 评价方 (side: 需求方/demand or 供给方/supply), 阶段 (stage: \
        会后/after-event or 回访/follow-up), 评分 (rating: 1–5), 达成合作 (agreement: 是/否, yes/no; \
        only at the follow-up), 备注 (note). Every problem is listed at FILE:row N: column.
        Example:
          duijie workspace import-ratings demo.sqlite 对接会评价.csv
        """
    )

    @Argument(help: "The workspace file.") var workspace: String
    @Argument(help: "The ratings: a CSV sheet with a header row.") var file: String
    @Option(help: "The sheet's encoding: auto, utf-8, gbk, gb18030, utf-16le, utf-16be.") var encoding: TextEncoding = .auto

    static let headers: [String: String] = {
        var map: [String: String] = [:]
        for (key, names) in [("meeting", ["洽谈编号", "meeting", "meetingid"]), ("side", ["评价方", "side"]), ("stage", ["阶段", "stage"]),
                             ("rating", ["评分", "rating"]), ("agreement", ["达成合作", "agreement"]), ("note", ["备注", "note"])] {
            for name in names { map[name] = key }
        }
        return map
    }()

    func run() throws {
        let opened = try Workspace(existing: workspace)
        guard let data = FileManager.default.contents(atPath: file) else { throw DuijieError(.io, "\(file): cannot read the file") }
        let text = try encoding.decode(Array(data), fileName: file).text
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // The project's strict reader: an unclosed quote or text after a closing one is an error at its line.
        let rows = try SheetReader(fileName: file, delimiter: ",").rows(of: body)
        guard let header = rows.first?.cells else { throw DuijieError(.invalidInput, "\(file): empty; expected a header row") }
        var problems: [String] = []
        let keys = header.map { Self.headers[$0.trimmingCharacters(in: .whitespaces).lowercased()] }
        for (index, key) in keys.enumerated() where key == nil { problems.append("\(file):row 1: \(header[index]): unknown column") }
        for required in ["meeting", "side", "stage", "rating"] where !keys.contains(required) { problems.append("\(file):row 1: \(required): missing column") }
        var ratings: [(meeting: Int64, rating: MeetingRating, location: String)] = []
        let now = Int64(Date().timeIntervalSince1970)
        for row in rows.dropFirst() where !row.cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var values: [String: String] = [:]
            for (key, cell) in zip(keys, row.cells) { if let key { values[key] = cell.trimmingCharacters(in: .whitespaces) } }
            if row.cells.count > keys.count { problems.append("\(file):row \(row.line): \(row.cells.count) cells, the header has \(keys.count) columns") }
            let location = "\(file):row \(row.line)"
            let meeting = Int64(values["meeting"] ?? "")
            let side: MeetingSide? = ["需求方": .demand, "demand": .demand, "供给方": .supply, "supply": .supply][values["side"]?.lowercased() ?? ""]
            let stage: RatingStage? = ["会后": .afterEvent, "after-event": .afterEvent, "回访": .followUp, "follow-up": .followUp][values["stage"]?.lowercased() ?? ""]
            let rating = Int(values["rating"] ?? "")
            let agreementText = values["agreement"]?.lowercased() ?? ""
            let agreement: Bool? = ["": false, "否": false, "no": false, "是": true, "yes": true][agreementText]
            if meeting == nil { problems.append("\(location): meeting: \"\(values["meeting"] ?? "")\" is not a meeting number") }
            if side == nil { problems.append("\(location): side: \"\(values["side"] ?? "")\" is not 需求方/demand or 供给方/supply") }
            if stage == nil { problems.append("\(location): stage: \"\(values["stage"] ?? "")\" is not 会后/after-event or 回访/follow-up") }
            if rating == nil { problems.append("\(location): rating: \"\(values["rating"] ?? "")\" is not a whole number") }
            if agreement == nil { problems.append("\(location): agreement: \"\(agreementText)\" is not 是/否 or yes/no") }
            guard let rating, let agreement else { continue }
            // Checked even when the side or stage is unreadable, so every problem of a row is
            // listed at once (a follow-up in place of an unreadable stage allows an agreement).
            let parsed = MeetingRating(side: side ?? .demand, stage: stage ?? .followUp, rating: rating, agreement: agreement, note: values["note"] ?? "", at: now)
            problems += parsed.problems.map { "\(location): \($0)" }
            if let meeting, side != nil, stage != nil { ratings.append((meeting, parsed, location)) }
        }
        guard problems.isEmpty else { throw DuijieError(.invalidInput, "\(file): \(problems.count) problem(s); nothing was added", details: problems) }
        try opened.rateMeetings(ratings)
        print("added \(ratings.count) ratings to \(workspace)")
    }
}
