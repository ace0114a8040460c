import CSV
import Foundation

/// CSV text for reports and shortlists, written by CSV.swift's writer (RFC 4180: a field with a
/// comma, a quote or a line break is quoted, quotes doubled). Every row ends with the line break,
/// the last one too.
public enum CSVText {
    /// The line break after each row.
    public enum LineBreak: Sendable {
        /// CR LF, as RFC 4180 and spreadsheets on Windows expect (schedules, agendas).
        case crlf
        /// LF, for output read by other tools line by line (shortlists on standard output).
        case lf
    }

    /// The rows as CSV text. With `neutralizingFormulas` (for files a spreadsheet opens), a
    /// cell that a spreadsheet would run as a formula is written as text (`safeCell`).
    public static func render(_ rows: [[String]], lineBreak: LineBreak = .crlf, neutralizingFormulas: Bool = false) -> String {
        guard !rows.isEmpty else { return "" }
        let stream = OutputStream(toMemory: ())
        // Writing to memory cannot fail, so CSV.swift's throwing calls are forced.
        let writer = try! CSVWriter(stream: stream, newline: lineBreak == .crlf ? .crlf : .lf)
        for row in rows { try! writer.write(row: neutralizingFormulas ? row.map(safeCell) : row) }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        stream.close()
        return String(decoding: data, as: UTF8.self) + (lineBreak == .crlf ? "\r\n" : "\n")
    }
}

extension CSVText {
    /// A cell a spreadsheet will not run as a formula: one that begins with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return (a record titled `=HYPERLINK(…)`, say) gets a leading `'`, as
    /// OWASP's advice on CSV injection has it; a number such as `-12.5` stays as it is.
    public static func safeCell(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        if Double(cell) != nil { return cell }
        return "'" + cell
    }
}

/// Text inside a Markdown table cell: a `|` would end the cell and a line break the row.
public enum MarkdownText {
    /// `text` made safe for one table cell.
    public static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
