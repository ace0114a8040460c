import DuijieBase

/// Renders rows of cells as aligned plain-text columns, measuring width the way a terminal
/// does (`DisplayWidth`): East Asian wide and full-width characters take two columns, combining
/// marks none.
package enum TextTable {
    /// Renders `rows`, separating columns with two spaces.
    ///
    /// - Parameters:
    ///   - rows: The cells, row by row.
    ///   - rightAligned: The columns to align right (numbers).
    ///   - indent: Spaces before each row.
    package static func render(_ rows: [[String]], rightAligned: Set<Int> = [], indent: Int = 0) -> String {
        let columnCount = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        let prefix = String(repeating: " ", count: indent)
        return rows.map { row in
            var line = prefix
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                if index > 0 { line += "  " }
                line += rightAligned.contains(index) ? padding + cell : (index == row.count - 1 ? cell : cell + padding)
            }
            return line
        }.joined(separator: "\n")
    }

    /// `text` cut to at most `width` terminal columns, with `…` when it was cut.
    package static func truncate(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = DisplayWidth.of(String(character))
            if used + size > width - 1 { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }
}
