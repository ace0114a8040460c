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

    /// The rows as CSV text.
    public static func render(_ rows: [[String]], lineBreak: LineBreak = .crlf) -> String {
        guard !rows.isEmpty else { return "" }
        let stream = OutputStream(toMemory: ())
        // Writing to memory cannot fail, so CSV.swift's throwing calls are forced.
        let writer = try! CSVWriter(stream: stream, newline: lineBreak == .crlf ? .crlf : .lf)
        for row in rows { try! writer.write(row: row) }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        stream.close()
        return String(decoding: data, as: UTF8.self) + (lineBreak == .crlf ? "\r\n" : "\n")
    }
}

/// Text inside a Markdown table cell: a `|` would end the cell and a line break the row.
public enum MarkdownText {
    /// `text` made safe for one table cell.
    public static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
