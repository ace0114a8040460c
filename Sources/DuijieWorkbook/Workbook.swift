import DuijieBase
import Foundation

/// An Excel workbook (.xlsx) to write: worksheets in order, each a titled table.
///
/// Written by libxlsxwriter, atomically, and byte for byte the same for the same worksheets and
/// `created` date. One sheet per demand, with Chinese headings, a record's details and the
/// reasons it was recommended:
///
/// ```swift
/// let workbook = Workbook(demands.map { demand in
///     Worksheet(name: demand.title, title: demand.title,
///               header: ["排名", "成果", "持有机构", "得分", "推荐理由"],
///               rows: shortlists[demand.id]!.map { item in
///                   [.number(Double(item.rank)), .text(item.title), .text(item.owner),
///                    .number(item.score), .text(item.reasons.joined(separator: "\n"))]
///               })
/// })
/// try workbook.write(to: "shortlists.xlsx")
/// ```
public struct Workbook: Sendable, Hashable {
    /// The worksheets, in the order their tabs appear.
    public var worksheets: [Worksheet]
    /// The creation date stored in the document's properties (Excel shows it in the file's
    /// information). It is the only date in the file, so the same worksheets and date give the
    /// same bytes.
    public var created: Date

    /// 2000-01-01 00:00:00 UTC: the creation date of a workbook that is given none, fixed so
    /// that writing the same worksheets twice gives the same bytes.
    public static let defaultCreationDate = Date(timeIntervalSince1970: 946_684_800)

    /// A workbook of `worksheets`.
    ///
    /// - Parameters:
    ///   - worksheets: The sheets, in tab order. A workbook without any is written with one
    ///     empty sheet, `Sheet1`, since Excel needs one.
    ///   - created: The creation date stored in the file; pass the report's date to show a
    ///     real one.
    public init(_ worksheets: [Worksheet] = [], created: Date = Workbook.defaultCreationDate) {
        self.worksheets = worksheets
        self.created = created
    }

    /// The name each worksheet gets in the file, in order: its `name` made valid and unique
    /// under Excel's rules.
    ///
    /// 1. Each of `[ ] : * ? / \` and each control character (a line break, say) becomes `_`.
    /// 2. White space and apostrophes are removed from both ends.
    /// 3. The name is cut to 31 UTF-16 units at a character boundary (31 Chinese characters
    ///    fit), and step 2 is applied again.
    /// 4. A name left empty becomes `Sheet` and the sheet's 1-based position (`Sheet3`).
    /// 5. A name already taken by an earlier sheet, ignoring case, or equal to `History`
    ///    (reserved by Excel), gets the first free ` (2)`, ` (3)`, …, the name before it cut so
    ///    that the whole fits in 31.
    public var sheetNames: [String] {
        SheetNames.resolve(worksheets.map(\.name))
    }

    /// Writes the workbook to `path`, replacing any file there.
    ///
    /// libxlsxwriter writes a temporary file beside `path`, which is flushed to disk and then
    /// renamed over it: a failure at any step removes the temporary file and leaves an existing
    /// file at `path` untouched.
    ///
    /// - Throws: `DuijieError` naming `path` (and the sheet and cell when the content was
    ///   refused): `io` when a file could not be created, written or renamed, `invalidInput`
    ///   for content Excel cannot hold (text over 32,767 characters, a number that is not
    ///   finite, more than 1,048,576 rows or 16,384 columns), `workbook` for any other
    ///   libxlsxwriter failure; libxlsxwriter's message is in the message and its
    ///   `LibXlsxWriterError` underneath.
    public func write(to path: String) throws(DuijieError) {
        try WorkbookFile.replace(path) { temporary throws(DuijieError) in
            try WorkbookWriter.write(self, to: temporary, reportingAs: path)
        }
    }
}
