import DuijieBase
import DuijieCorpus
import DuijieWorkbook
import Foundation
import SystemPackage

/// Writes shortlists to a file for a client, in the format its name ends in: a workbook with
/// one sheet per shortlist (.xlsx), CSV with a byte-order mark so that Excel reads the Chinese
/// (.csv), Markdown (.md) or JSON lines (.json). Files are replaced atomically.
public struct ShortlistExport {
    /// The file formats, by extension.
    public enum Kind: String, CaseIterable, Sendable {
        case xlsx, csv, md, json

        /// The kind a file name asks for, or nil.
        public init?(path: String) {
            guard let ext = FilePath(path).extension?.lowercased(), let kind = Kind(rawValue: ext) else { return nil }
            self = kind
        }
    }

    public let table: ShortlistTable
    public let explain: Bool

    /// Exports of `table`'s shortlists; with `explain`, Markdown shows the reasons.
    public init(table: ShortlistTable, explain: Bool) {
        self.table = table
        self.explain = explain
    }

    /// Writes `sections` to `path` as `kind`.
    ///
    /// - Throws: `DuijieError` when the file cannot be written (the old file stays).
    public func write(_ sections: [ShortlistSection], as kind: Kind, to path: String) throws(DuijieError) {
        let text = ShortlistText(table: table, explain: explain)
        switch kind {
        case .xlsx: try workbook(sections).write(to: path)
        case .csv: try AtomicFile.write("\u{FEFF}" + text.csv(sections, lineBreak: .crlf), to: path)
        case .md: try AtomicFile.write(text.markdown(sections), to: path)
        case .json: try AtomicFile.write(text.jsonLines(sections), to: path)
        }
    }

    /// The bytes of the file `write` would write: what a server sends for a download. A
    /// workbook is written to a temporary file (libxlsxwriter writes files) and read back.
    ///
    /// - Throws: `DuijieError` when the workbook cannot be written or read.
    public func bytes(_ sections: [ShortlistSection], as kind: Kind) throws(DuijieError) -> [UInt8] {
        let text = ShortlistText(table: table, explain: explain)
        switch kind {
        case .csv: return Array(("\u{FEFF}" + text.csv(sections, lineBreak: .crlf)).utf8)
        case .md: return Array(text.markdown(sections).utf8)
        case .json: return Array(text.jsonLines(sections).utf8)
        case .xlsx:
            let path = TemporaryFiles.path(for: "shortlist.xlsx", in: FileManager.default.temporaryDirectory.path)
            defer { try? FileManager.default.removeItem(atPath: path) }
            try workbook(sections).write(to: path)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DuijieError(.io, "\(path): the workbook just written cannot be read")
            }
            return Array(data)
        }
    }

    /// The media type of `kind`, for a download.
    public static func mediaType(of kind: Kind) -> String {
        switch kind {
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: return "text/csv; charset=utf-8"
        case .md: return "text/markdown; charset=utf-8"
        case .json: return "application/x-ndjson; charset=utf-8"
        }
    }

    /// One sheet per shortlist, named by its query, with the source's title above the table.
    public func workbook(_ sections: [ShortlistSection]) -> Workbook {
        Workbook(sections.map { section in
            let rows = table.rows(section.results).map { row in
                row.map { cell -> Worksheet.Cell in
                    switch cell {
                    case .text(let value): return value.isEmpty ? .empty : .text(value)
                    case .number(let value, _): return .number(Double(cell.text) ?? value)  // as shown: 0.6285, not 0.62845921…
                    }
                }
            }
            return Worksheet(name: section.queryID, title: section.title, header: table.header, rows: rows)
        })
    }
}
