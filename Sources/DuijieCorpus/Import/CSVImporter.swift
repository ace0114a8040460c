import CSV
import DuijieBase
import DuijieJSON
import Foundation
import SystemPackage

/// How a spreadsheet is read.
public struct CSVImportOptions: Sendable {
    /// The kind of record each row is.
    public var kind: RecordKind
    /// The file's encoding.
    public var encoding: TextEncoding
    /// The cell delimiter; `nil` picks tab for `.tsv`/`.txt` and comma otherwise.
    public var delimiter: Character?
    /// Ignore columns whose header names no field, instead of reporting them.
    public var ignoreUnknownColumns: Bool
    /// Leave out bad rows and convert the rest, instead of failing.
    public var skipBadRecords: Bool

    /// Creates options.
    public init(kind: RecordKind, encoding: TextEncoding = .auto, delimiter: Character? = nil,
                ignoreUnknownColumns: Bool = false, skipBadRecords: Bool = false) {
        self.kind = kind
        self.encoding = encoding
        self.delimiter = delimiter
        self.ignoreUnknownColumns = ignoreUnknownColumns
        self.skipBadRecords = skipBadRecords
    }
}

/// The outcome of converting a spreadsheet.
public struct CSVImportResult: Sendable {
    /// The converted records in canonical JSON form, one per good row.
    public let records: [JSONValue]
    /// Every problem found, by row.
    public let issues: [CorpusIssue]
    /// The rows left out under `skipBadRecords`.
    public let skippedRows: [SourceLocation]
    /// The encoding the file was read as.
    public let encoding: TextEncoding
    /// Each header with the field it was mapped to (`nil`: ignored).
    public let columns: [(header: String, field: String?)]

    /// Whether any issue is an error.
    public var hasErrors: Bool { issues.contains { $0.severity == .error } }

    /// The records as JSON Lines text.
    public var jsonLines: String {
        records.map { JSONWriter.string($0) + "\n" }.joined()
    }
}

/// Converts the spreadsheets brokers keep (CSV/TSV, UTF-8 or GBK/GB18030) into corpus records.
///
/// Rows are validated by the same decoders as corpus files; references are checked later,
/// when the converted file is loaded as part of a corpus.
public enum CSVImporter {
    /// Reads and converts a spreadsheet file.
    ///
    /// - Parameters:
    ///   - path: The CSV or TSV file.
    ///   - options: What the rows are and how to read them.
    /// - Returns: The converted records and every problem found.
    /// - Throws: `DuijieError` when the file cannot be read or decoded, or has no header.
    public static func importFile(_ path: String, options: CSVImportOptions) throws(DuijieError) -> CSVImportResult {
        let name = FilePath(path).lastComponent?.string ?? path
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        let (text, encoding) = try options.encoding.decode(bytes, fileName: name)
        let extensionName = (FilePath(path).extension ?? "").lowercased()
        let delimiter = options.delimiter ?? (extensionName == "tsv" || extensionName == "txt" ? "\t" : ",")
        return try convert(text: text, fileName: name, encoding: encoding, delimiter: delimiter, options: options)
    }

    /// Converts spreadsheet text that is already decoded.
    ///
    /// - Throws: `DuijieError` when the text has no header row or the delimiter is not one character.
    public static func convert(text: String, fileName: String, encoding: TextEncoding = .utf8,
                               delimiter: Character, options: CSVImportOptions) throws(DuijieError) -> CSVImportResult {
        guard let delimiterScalar = delimiter.unicodeScalars.first, delimiter.unicodeScalars.count == 1 else {
            throw DuijieError(.invalidInput, "the delimiter must be a single character")
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true, delimiter: delimiterScalar)
        } catch {
            throw DuijieError(.invalidInput, "\(fileName): cannot read the header row")
        }
        guard let headers = reader.headerRow, headers.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw DuijieError(.invalidInput, "\(fileName): the file has no header row")
        }

        var issues: [CorpusIssue] = []
        var columns: [(header: String, field: String?)] = []
        var seenFields: [String: String] = [:]
        let headerLocation = SourceLocation(file: fileName, line: 1, unit: .row)
        for header in headers {
            let trimmed = header.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let field = ColumnMapping.field(forHeader: trimmed, kind: options.kind) else {
                if !options.ignoreUnknownColumns && !trimmed.isEmpty {
                    issues.append(CorpusIssue(.error, .unknownKey, at: headerLocation, field: trimmed,
                                              "no \(options.kind.rawValue) field has this column name (see docs/corpus-format.md, or pass --ignore-unknown-columns)"))
                }
                columns.append((trimmed, nil))
                continue
            }
            if let previous = seenFields[field] {
                issues.append(CorpusIssue(.error, .duplicateColumn, at: headerLocation, field: trimmed, "maps to \(field), as column \"\(previous)\" already does"))
                columns.append((trimmed, nil))
                continue
            }
            seenFields[field] = trimmed
            columns.append((trimmed, field))
        }
        if issues.contains(where: { $0.severity == .error }) {
            return CSVImportResult(records: [], issues: issues, skippedRows: [], encoding: encoding, columns: columns)
        }

        var records: [JSONValue] = []
        var skipped: [SourceLocation] = []
        var rowNumber = 1
        while let row = reader.next() {
            rowNumber += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            let location = SourceLocation(file: fileName, line: rowNumber, unit: .row)
            var members: [(key: String, value: JSONValue)] = []
            var rowIssues: [CorpusIssue] = []
            for (index, cell) in row.enumerated() {
                guard index < columns.count else {
                    if !cell.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        rowIssues.append(CorpusIssue(.error, .wrongType, at: location, "has \(row.count) cells, the header has \(columns.count) columns"))
                        break
                    }
                    continue
                }
                guard let field = columns[index].field else { continue }
                let trimmed = cell.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { members.append((field, .string(cell))) }
            }
            let (value, decodeIssues) = decode(members, kind: options.kind, location: location)
            rowIssues += decodeIssues
            issues += rowIssues
            if rowIssues.contains(where: { $0.severity == .error }) {
                if options.skipBadRecords { skipped.append(location) }
                continue
            }
            records.append(value)
        }
        if let error = reader.error {
            throw DuijieError(.invalidInput, "\(fileName):row \(rowNumber + 1): cannot parse the spreadsheet (\(error))")
        }
        return CSVImportResult(records: records, issues: issues, skippedRows: skipped, encoding: encoding, columns: columns)
    }

    private static func decode(_ members: [(key: String, value: JSONValue)], kind: RecordKind, location: SourceLocation) -> (JSONValue, [CorpusIssue]) {
        func run<Record: CorpusRecord>(_ type: Record.Type) -> (JSONValue, [CorpusIssue]) {
            var reader = RecordReader(object: members, location: location, cellsAreText: true)
            let record = Record(reading: &reader)
            return (record.jsonValue, reader.issues)
        }
        switch kind {
        case .region: return run(Region.self)
        case .field: return run(Field.self)
        case .institution: return run(Institution.self)
        case .expert: return run(Expert.self)
        case .enterprise: return run(Enterprise.self)
        case .achievement: return run(Achievement.self)
        case .demand: return run(Demand.self)
        case .relation: return run(Relation.self)
        }
    }
}
