import CSV
import DuijieBase
import Foundation
import SystemPackage

/// Converts the spreadsheets brokers keep (CSV/TSV, UTF-8 or GBK/GB18030) into corpus records.
///
/// Rows are validated by the same decoders as corpus files. References are checked against a
/// corpus directory when one is given (`CSVImportOptions.corpusDirectory`), and otherwise
/// later, when the converted file is loaded as part of a corpus. Nothing is left out without a
/// word: every column that is not imported, every inexact value and every cell or row left out
/// is an issue.
public enum CSVImporter {
    /// Reads and converts a spreadsheet file.
    ///
    /// - Parameters:
    ///   - path: The CSV or TSV file.
    ///   - options: What the rows are and how to read them.
    /// - Returns: The converted records and every problem found.
    /// - Throws: `DuijieError` when the file or the corpus directory cannot be read, the file
    ///   cannot be decoded or has no header, or the options contradict each other.
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
    /// - Throws: `DuijieError` when the text has no header row, the delimiter is not one
    ///   character, the corpus directory cannot be read, or the options contradict each other.
    public static func convert(text: String, fileName: String, encoding: TextEncoding = .utf8,
                               delimiter: Character, options: CSVImportOptions) throws(DuijieError) -> CSVImportResult {
        try check(options)
        let (headers, rows) = try readSheet(text, fileName: fileName, delimiter: delimiter)
        let columns = SheetColumns(headers: headers, rows: rows.map(\.cells), fileName: fileName, options: options)
        let sheetColumns = columns.headers.indices.map { (columns.headers[$0], columns.fields[$0]) }
        if columns.hasErrors {
            return CSVImportResult(records: [], issues: columns.issues, skippedRows: [], skippedCells: [], stubs: [],
                                   encoding: encoding, columns: sheetColumns)
        }
        var references: SheetReferences? = nil
        if let directory = options.corpusDirectory {
            references = try SheetReferences(corpusDirectory: directory, kind: options.kind, createMissing: options.createMissing)
        }
        func run<Record: CorpusRecord>(_ type: Record.Type) -> CSVImportResult {
            var conversion = SheetConversion<Record>(columns: columns, fileName: fileName, options: options, references: references)
            conversion.convert(rows)
            return CSVImportResult(records: conversion.records, issues: columns.issues + conversion.issues,
                                   skippedRows: conversion.skippedRows, skippedCells: conversion.skippedCells,
                                   stubs: conversion.references?.stubs ?? [], encoding: encoding, columns: sheetColumns)
        }
        return run(options.kind.recordType)
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
        guard let headers = reader.headerRow, headers.contains(where: { !$0.trimmingWhitespace.isEmpty }) else {
            throw DuijieError(.invalidInput, "\(fileName): the file has no header row")
        }
        var rows: [SheetRow] = []
        var rowNumber = 1
        while let cells = reader.next() {
            rowNumber += 1
            if cells.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { continue }
            rows.append(SheetRow(number: rowNumber, cells: cells))
        }
        if let error = reader.error {
            throw DuijieError(.invalidInput, "\(fileName):row \(rowNumber + 1): cannot parse the spreadsheet (\(error))")
        }
        return (headers, rows)
    }
}
