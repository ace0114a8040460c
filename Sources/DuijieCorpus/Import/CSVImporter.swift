import DuijieBase
import SystemPackage

/// Converts the spreadsheets brokers keep (CSV/TSV, UTF-8, GBK/GB18030 or UTF-16) into corpus
/// records.
///
/// Reading is strict: a quote that is never closed, text after a closing quote, and bytes whose
/// encoding cannot be told are errors located at their line and column (`SheetReader`,
/// `TextEncoding`), never rows merged or characters dropped.
///
/// Rows are validated by the same decoders as corpus files. References are checked against a
/// corpus directory when one is given (`CSVImportOptions.corpusDirectory`), and otherwise
/// later, when the converted file is loaded as part of a corpus. Nothing is left out without a
/// word: every column that is not imported, every inexact value and every cell or row left out
/// is an issue.
public enum CSVImporter {
    /// Reads and converts a spreadsheet file.
    ///
    /// When `options.encoding` is `.auto` and the bytes are not UTF-8, the file is read as
    /// GB18030 and the first issue is a warning that says so, at the first line that is not
    /// UTF-8.
    ///
    /// - Parameters:
    ///   - path: The CSV or TSV file.
    ///   - options: What the rows are and how to read them.
    /// - Returns: The converted records and every problem found.
    /// - Throws: `DuijieError` when the file or the corpus directory cannot be read, the file
    ///   cannot be decoded (located at the line and byte), a quote is never closed or text
    ///   follows a closing quote (located at the line and column), the file has no header, or
    ///   the options contradict each other.
    public static func importFile(_ path: String, options: CSVImportOptions) throws(DuijieError) -> CSVImportResult {
        let name = FilePath(path).lastComponent?.string ?? path
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        let decoded = try options.encoding.decodeNotingGuess(bytes, fileName: name)
        let extensionName = (FilePath(path).extension ?? "").lowercased()
        let delimiter = options.delimiter ?? (extensionName == "tsv" || extensionName == "txt" ? "\t" : ",")
        let notes = decoded.guess.map { [guessIssue($0, fileName: name)] } ?? []
        return try convert(text: decoded.text, fileName: name, encoding: decoded.encoding, delimiter: delimiter, options: options, notes: notes)
    }

    /// Converts spreadsheet text that is already decoded.
    ///
    /// - Throws: `DuijieError` when a quote is never closed or text follows a closing quote
    ///   (located at the line and column), the text has no header row, the delimiter is not
    ///   one character or is a quote or line break, the corpus directory cannot be read, or the
    ///   options contradict each other.
    public static func convert(text: String, fileName: String, encoding: TextEncoding = .utf8,
                               delimiter: Character, options: CSVImportOptions) throws(DuijieError) -> CSVImportResult {
        try convert(text: text, fileName: fileName, encoding: encoding, delimiter: delimiter, options: options, notes: [])
    }

    /// `convert`, with `notes` (about the file as a whole) before the issues of its rows.
    private static func convert(text: String, fileName: String, encoding: TextEncoding, delimiter: Character,
                                options: CSVImportOptions, notes: [CorpusIssue]) throws(DuijieError) -> CSVImportResult {
        try check(options)
        let (headers, rows) = try readSheet(text, fileName: fileName, delimiter: delimiter)
        let columns = SheetColumns(headers: headers, rows: rows, fileName: fileName, options: options)
        let sheetColumns = columns.headers.indices.map { (columns.headers[$0], columns.fields[$0]) }
        if columns.hasErrors {
            return CSVImportResult(records: [], issues: notes + columns.issues, skippedRows: [], skippedCells: [], stubs: [],
                                   encoding: encoding, columns: sheetColumns)
        }
        var references: SheetReferences? = nil
        if let directory = options.corpusDirectory {
            references = try SheetReferences(corpusDirectory: directory, kind: options.kind, createMissing: options.createMissing)
        }
        func run<Record: CorpusRecord>(_ type: Record.Type) -> CSVImportResult {
            var conversion = SheetConversion<Record>(columns: columns, fileName: fileName, options: options, references: references)
            conversion.convert(rows)
            return CSVImportResult(records: conversion.records, issues: notes + columns.issues + conversion.issues,
                                   skippedRows: conversion.skippedRows, skippedCells: conversion.skippedCells,
                                   stubs: conversion.references?.stubs ?? [], encoding: encoding, columns: sheetColumns)
        }
        return run(options.kind.recordType)
    }

    /// The warning that `--encoding auto` read the file as GB18030, and why.
    private static func guessIssue(_ guess: TextEncoding.Guess, fileName: String) -> CorpusIssue {
        CorpusIssue(.warning, .guessedEncoding, at: SourceLocation(file: fileName, line: guess.line),
                    "not UTF-8 (byte \(guess.column) of this line), so read as GB18030, the encoding of Excel on Chinese Windows: "
                        + "the line reads \(EncodingEvidence.quoted(guess.lineText)); pass --encoding gb18030 to confirm, "
                        + "or name the file's encoding with --encoding")
    }

    private static func check(_ options: CSVImportOptions) throws(DuijieError) {
        if let prefix = options.idPrefix {
            if prefix.isEmpty || prefix.contains(where: \.isWhitespace) {
                throw DuijieError(.invalidInput, "the id prefix \"\(prefix)\" must be non-empty and without white space")
            }
            if !options.kind.fieldNames.contains("id") {
                throw DuijieError(.invalidInput, "\(options.kind.pluralName) have no ids, so an id prefix has nothing to go before")
            }
        }
        if options.createMissing && options.corpusDirectory == nil {
            throw DuijieError(.invalidInput, "creating missing records needs the corpus directory they go into (--corpus DIR)")
        }
    }

    /// The header cells and the data rows (blank rows left out, row numbers kept).
    private static func readSheet(_ text: String, fileName: String, delimiter: Character) throws(DuijieError) -> ([String], [SheetRow]) {
        let reader = try SheetReader(fileName: fileName, delimiter: delimiter)
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let fileRows = try reader.rows(of: body)
        guard let headers = fileRows.first?.cells, headers.contains(where: { !$0.trimmingWhitespace.isEmpty }) else {
            throw DuijieError(.invalidInput, "the file has no header row", at: DuijieError.Location(file: fileName, line: 1))
        }
        var rows: [SheetRow] = []
        for (index, row) in fileRows.enumerated().dropFirst() where !row.cells.allSatisfy({ $0.trimmingWhitespace.isEmpty }) {
            rows.append(SheetRow(number: index + 1, cells: row.cells))
        }
        return (headers, rows)
    }
}
