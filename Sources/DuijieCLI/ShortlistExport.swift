import DuijieBase
import DuijieCorpus
import DuijieWorkbook
import Foundation
import SystemPackage

/// Writes shortlists to a file for a client, in the format its name ends in: a workbook with
/// one sheet per shortlist (.xlsx), CSV with a byte-order mark so that Excel reads the Chinese
/// (.csv), Markdown (.md) or JSON lines (.json). Files are replaced atomically.
struct ShortlistExport {
    /// The file formats, by extension.
    enum Kind: String, CaseIterable {
        case xlsx, csv, md, json

        /// The kind a file name asks for, or nil.
        init?(path: String) {
            guard let ext = FilePath(path).extension?.lowercased(), let kind = Kind(rawValue: ext) else { return nil }
            self = kind
        }
    }

    let table: ShortlistTable
    let explain: Bool

    /// Writes `sections` to `path` as `kind`.
    ///
    /// - Throws: `DuijieError` when the file cannot be written (the old file stays).
    func write(_ sections: [ShortlistSection], as kind: Kind, to path: String) throws(DuijieError) {
        let text = ShortlistText(table: table, explain: explain)
        switch kind {
        case .xlsx: try workbook(sections).write(to: path)
        case .csv: try AtomicFile.write("\u{FEFF}" + text.csv(sections, lineBreak: .crlf), to: path)
        case .md: try AtomicFile.write(text.markdown(sections), to: path)
        case .json: try AtomicFile.write(text.jsonLines(sections), to: path)
        }
    }

    /// One sheet per shortlist, named by its query, with the source's title above the table.
    func workbook(_ sections: [ShortlistSection]) -> Workbook {
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
