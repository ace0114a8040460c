import CSV
import DuijieBase
import DuijieCorpus
import DuijieJSON
import Foundation
import SystemPackage

/// Reads an event directory (`docs/event-format.md`): `event.json` (optional: name, venue,
/// default meeting limits), `participants`, `slots` and optionally `locked`, each as JSON Lines
/// (`.jsonl`) or CSV (`.csv`). Every problem is reported as `file:line: field: message`; an event
/// with any error is not returned.
public enum EventLoader {
    /// Loads and validates an event; with a corpus, participants' records are checked against it
    /// (they must exist and fit the participant's side).
    ///
    /// - Throws: `DuijieError` listing every problem.
    public static func load(_ directory: String, corpus: Corpus? = nil) throws(DuijieError) -> Event {
        var warnings: [CorpusIssue] = []
        return try load(directory, corpus: corpus, warnings: &warnings)
    }

    /// Loads and validates an event, and hands back its warnings (older key names, ignored
    /// columns, values read loosely) for the caller to show.
    ///
    /// - Throws: `DuijieError` listing every error (warnings are not thrown).
    public static func load(_ directory: String, corpus: Corpus? = nil, warnings: inout [CorpusIssue]) throws(DuijieError) -> Event {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DuijieError(.invalidInput, "\(directory): no such event directory")
        }
        var issues: [CorpusIssue] = []
        var header = EventHeader()
        let headerPath = FilePath(directory).appending("event.json").string
        if FileManager.default.fileExists(atPath: headerPath) {
            header = try readHeader(headerPath, issues: &issues)
        }
        func table(_ name: EventKeys.Table, required: Bool) throws(DuijieError) -> [Row] {
            var warned = Set<String>()
            return try rows(directory, name.rawValue, required: required).map { EventKeys.canonical($0, table: name, issues: &issues, warned: &warned) }
        }
        let slotRows = try table(.slots, required: true)
        let participantRows = try table(.participants, required: true)
        let lockRows = try table(.locked, required: false)
        let requestRows = try table(.requests, required: false)
        var validator = EventValidator(corpus: corpus, header: header)
        validator.writtenSlotIDs = Set(slotRows.compactMap { row in
            row.members.first { $0.key == "id" }.flatMap { if case .string(let id) = $0.value { id.trimmingCharacters(in: .whitespaces) } else { nil } }
        })
        let slots = slotRows.compactMap { validator.slot($0) }
        var participants = participantRows.compactMap { validator.participant($0, slots: slots) }
        let locked = lockRows.compactMap { validator.lock($0) }
        let requests = requestRows.compactMap { validator.request($0) }
        validator.apply(requests, to: &participants)
        validator.crossCheck(participants, slots: slots, locked: locked)
        issues += validator.issues
        warnings += issues.filter { $0.severity == .warning }
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty else { throw DuijieError(.invalidInput, "\(directory): the event has \(errors.count) error(s)", issues: errors) }
        return Event(name: header.name ?? (FilePath(directory).lastComponent?.string ?? directory), venue: header.venue,
                     language: header.language, participants: participants, slots: slots, locked: locked)
    }

    /// The meetings of a published schedule: `schedule.csv` in `directory` (a previous output
    /// of `duijie pair`), or `schedule.jsonl` with the same keys.
    ///
    /// - Throws: `DuijieError` listing every problem at its row.
    public static func published(_ directory: String) throws(DuijieError) -> [EventReplanner.PublishedMeeting] {
        var issues: [CorpusIssue] = []
        var warned = Set<String>()
        var meetings: [EventReplanner.PublishedMeeting] = []
        for row in try rows(directory, EventKeys.Table.schedule.rawValue, required: true) {
            let canonical = EventKeys.canonical(row, table: .schedule, issues: &issues, warned: &warned)
            var reader = RecordReader(object: canonical.members, location: row.location, cellsAreText: row.isSpreadsheet)
            let demand = reader.identifier("demand"), supply = reader.identifier("supply"), slot = reader.identifier("slot")
            let table = reader.number("table", minimum: 1).flatMap { $0 == $0.rounded() && $0 <= Double(EventValidator.maximumCount) ? Int($0) : nil }
            if table == nil && !reader.hasErrors { reader.error("table", "missing, or not a whole number from 1") }
            let start = reader.string("start"), end = reader.string("end")
            reader.finish()
            issues += reader.issues
            if let demand, let supply, let slot, let table {
                meetings.append(.init(demand: demand, supply: supply, slot: slot, table: table, start: start, end: end))
            }
        }
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty else { throw DuijieError(.invalidInput, "\(directory): the published schedule has \(errors.count) error(s)", issues: errors) }
        return meetings
    }

    /// One row of a participants, slots or locked file, as key–value pairs.
    struct Row {
        let location: SourceLocation
        let members: [(key: String, value: JSONValue)]
        let isSpreadsheet: Bool
    }

    /// The rows of `name.jsonl` or `name.csv` in `directory` (not both).
    static func rows(_ directory: String, _ name: String, required: Bool) throws(DuijieError) -> [Row] {
        let jsonPath = FilePath(directory).appending(name + ".jsonl").string
        let csvPath = FilePath(directory).appending(name + ".csv").string
        let hasJSON = FileManager.default.fileExists(atPath: jsonPath)
        let hasCSV = FileManager.default.fileExists(atPath: csvPath)
        if hasJSON && hasCSV { throw DuijieError(.invalidInput, "\(directory): both \(name).jsonl and \(name).csv; keep one") }
        if hasJSON {
            var rows: [Row] = []
            var problems: [CorpusIssue] = []
            for line in JSONLinesReader.lines(of: try CorpusLoader.readBytes(jsonPath, displayName: jsonPath), fileName: name + ".jsonl") {
                switch line.object {
                case .success(let members): rows.append(Row(location: line.location, members: members, isSpreadsheet: false))
                case .failure(let issue): problems.append(issue)
                }
            }
            if !problems.isEmpty { throw DuijieError(.invalidInput, "\(jsonPath): \(problems.count) unreadable line(s)", issues: problems) }
            return rows
        }
        if hasCSV { return try spreadsheetRows(csvPath, fileName: name + ".csv") }
        if required { throw DuijieError(.invalidInput, "\(directory): missing \(name).jsonl or \(name).csv") }
        return []
    }

    private static func spreadsheetRows(_ path: String, fileName: String) throws(DuijieError) -> [Row] {
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        let (text, _) = try TextEncoding.auto.decode(bytes, fileName: fileName)
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard let reader = try? CSVReader(string: body, hasHeaderRow: true), let headers = reader.headerRow else {
            throw DuijieError(.invalidInput, "\(fileName): cannot read the header row")
        }
        let keys = headers.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var rows: [Row] = []
        var rowNumber = 1
        while let cells = reader.next() {
            rowNumber += 1
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            let location = SourceLocation(file: fileName, line: rowNumber, unit: .row)
            guard cells.count <= keys.count else {
                throw DuijieError(.invalidInput, "\(location): has \(cells.count) cells, the header has \(keys.count) columns")
            }
            let members = zip(keys, cells).filter { !$0.1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map { (key: $0.0, value: JSONValue.string($0.1)) }
            rows.append(Row(location: location, members: members, isSpreadsheet: true))
        }
        if let error = reader.error { throw DuijieError(.invalidInput, "\(fileName):row \(rowNumber + 1): cannot parse the spreadsheet (\(error))") }
        return rows
    }

    /// `event.json`: one JSON object.
    private static func readHeader(_ path: String, issues: inout [CorpusIssue]) throws(DuijieError) -> EventHeader {
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        let text = String(decoding: bytes, as: UTF8.self)
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch {
            // The parser counts bytes from the start of the text; turn that into a line and column.
            let before = bytes.prefix(max(0, error.column - 1))
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            throw DuijieError(.invalidInput, "event.json:\(line):\(column): \(error.message)")
        }
        guard case .object(let members) = value else { throw DuijieError(.invalidInput, "event.json:1: expected one JSON object") }
        // Fields are reported at the line where their key is written.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of key: String) -> Int { (lines.firstIndex { $0.contains("\"\(key)\"") } ?? 0) + 1 }
        var header = EventHeader()
        for (written, member) in members {
            let location = SourceLocation(file: "event.json", line: line(of: written))
            var warned = Set<String>()
            let row = EventKeys.canonical(Row(location: location, members: [(written, member)], isSpreadsheet: false), table: .header, issues: &issues,
                                          warned: &warned)
            guard let key = row.members.first?.key else { continue }
            var reader = RecordReader(object: row.members, location: location)
            switch key {
            case "name": header.name = reader.string(key)
            case "venue": header.venue = reader.string(key)
            case "language":
                if let text = reader.string(key) {
                    switch text.lowercased() {
                    case "zh", "中文": header.language = .chinese
                    case "en", "english", "英文": header.language = .english
                    default: reader.error(key, "\"\(text)\" is not zh or en", code: .unknownValue)
                    }
                }
            case "minMeetings": header.minimumMeetings = reader.number(key, minimum: 0).map { Int($0) }
            case "maxMeetings": header.maximumMeetings = reader.number(key, minimum: 0).map { Int($0) }
            default: break
            }
            reader.finish()
            issues += reader.issues
        }
        return header
    }
}

/// The event-wide settings of `event.json`.
struct EventHeader {
    var name: String?
    var venue: String?
    var language: Event.Language?
    var minimumMeetings: Int?
    var maximumMeetings: Int?
}
