extension Worksheet {
    /// One cell of a worksheet's table.
    ///
    /// Literals make cells directly: `["北京", 0.82, 3]` is a row of a text and two numbers.
    public enum Cell: Sendable, Hashable {
        /// Text. It wraps when it holds a line break or is wider than its column; empty text is
        /// an empty cell. Excel holds at most 32,767 characters in a cell: longer text fails the
        /// write.
        case text(String)
        /// A number, stored as an Excel number (so it sorts, filters and sums as one), shown in
        /// Excel's General format. It must be finite: NaN and infinities fail the write.
        case number(Double)
        /// Nothing.
        case empty
    }
}

extension Worksheet.Cell: ExpressibleByStringLiteral {
    /// A text cell.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension Worksheet.Cell: ExpressibleByFloatLiteral {
    /// A number cell.
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension Worksheet.Cell: ExpressibleByIntegerLiteral {
    /// A number cell.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension Worksheet.Cell {
    /// A number cell for a `Float` (a ranking score), taken at its shortest decimal form so that
    /// 0.835 shows as 0.835, not as the `Double` nearest the `Float`, 0.834999978542328.
    public init(_ value: Float) {
        self = .number(value.isFinite ? Double(value.description)! : Double(value))
    }
}
