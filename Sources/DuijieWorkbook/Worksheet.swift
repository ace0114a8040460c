/// One sheet of a workbook: an optional title line, then a table (a header row and rows of
/// cells).
///
/// Laid out from the top left: the title in A1 when there is one (bold and larger, spilling
/// over the empty cells to its right), then the header row (bold on a light fill, with an
/// autofilter over the table and the panes frozen below it, so the header and title stay in
/// view while scrolling), then the rows. Rows may be shorter or longer than the header; missing
/// cells are empty.
///
/// A shortlist for one demand, say:
///
/// ```swift
/// Worksheet(name: demand.title, title: "需求：\(demand.title)",
///           header: ["排名", "得分", "成果", "持有机构", "推荐理由"],
///           rows: shortlist.map { [.number(Double($0.rank)), .number($0.score), .text($0.title),
///                                   .text($0.owner), .text($0.reasons.joined(separator: "\n"))] })
/// ```
public struct Worksheet: Sendable, Hashable {
    /// The sheet's name as asked for. Excel's rules may change it when written (see
    /// `Workbook.sheetNames`, which says how).
    public var name: String
    /// A line written above the table (the demand's title, say); nil or empty for none.
    public var title: String?
    /// The table's column headings; empty for a table without a header row (then nothing is
    /// frozen and there is no autofilter).
    public var header: [String]
    /// The table's rows, below the header.
    public var rows: [[Cell]]
    /// Column widths by 0-based column index (0 is column A), in Excel's unit: the width of one
    /// digit, so a Chinese character takes about two.
    ///
    /// A column not listed gets its width from its content, measured with East Asian widths
    /// (a Chinese character 2, a Latin letter 1): the widest of its heading plus 2 (room for the
    /// autofilter button), each text's widest line and each number as General shows it, plus
    /// 1, kept within 6…60. A text wider than its column wraps.
    public var columnWidths: [Int: Double]

    /// A worksheet.
    public init(name: String, title: String? = nil, header: [String] = [], rows: [[Cell]] = [],
                columnWidths: [Int: Double] = [:]) {
        self.name = name
        self.title = title
        self.header = header
        self.rows = rows
        self.columnWidths = columnWidths
    }

    /// The number of columns of the table: the longest of the header and the rows.
    var columnCount: Int {
        rows.reduce(header.count) { max($0, $1.count) }
    }

    /// The 0-based row of the header (or of the first row when there is no header): below the
    /// title when there is one.
    var tableTop: Int {
        title?.isEmpty == false ? 1 : 0
    }
}
