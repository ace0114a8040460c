import DuijieBase

extension Worksheet {
    /// The range a width chosen from content is kept in: a column is never too narrow for its
    /// autofilter button, nor wider than a screen's third.
    static let contentWidthRange: ClosedRange<Double> = 6...60

    /// The width of every column of the table, in Excel's unit: the one asked for in
    /// `columnWidths`, or the one chosen from content.
    package var resolvedColumnWidths: [Double] {
        (0..<columnCount).map { columnWidths[$0] ?? contentWidth(ofColumn: $0) }
    }

    /// The width column `column` gets from its content (the rule is in `columnWidths`' doc).
    package func contentWidth(ofColumn column: Int) -> Double {
        var widest = column < header.count ? DisplayWidth.of(header[column]) + 2 : 0
        for row in rows where column < row.count {
            widest = max(widest, row[column].displayWidth)
        }
        return min(max(Double(widest + 1), Self.contentWidthRange.lowerBound), Self.contentWidthRange.upperBound)
    }
}

extension Worksheet.Cell {
    /// The columns the cell needs to show without wrapping: its widest line for text, the
    /// characters General shows for a number (at most 11).
    var displayWidth: Int {
        switch self {
        case .text(let text):
            text.split(whereSeparator: \.isNewline).map { DisplayWidth.of(String($0)) }.max() ?? 0
        case .number(let value):
            if value.isFinite, value == value.rounded(), abs(value) < 1e11 {
                String(Int64(value)).count
            } else {
                min(String(value).count, 11)
            }
        case .empty:
            0
        }
    }

    /// Whether the cell wraps in a column `width` wide: text with a line break, or wider than
    /// the column (less its 1 of padding).
    func wraps(inWidth width: Double) -> Bool {
        guard case .text(let text) = self else { return false }
        return text.contains(where: \.isNewline) || Double(displayWidth) > width - 1
    }
}
