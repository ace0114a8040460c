/// Renders rows of cells as aligned plain-text columns, measuring width the way a terminal
/// does: East Asian wide and full-width characters take two columns, combining marks none.
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
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
        }
        let prefix = String(repeating: " ", count: indent)
        return rows.map { row in
            var line = prefix
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - displayWidth(cell))
                if index > 0 { line += "  " }
                line += rightAligned.contains(index) ? padding + cell : (index == row.count - 1 ? cell : cell + padding)
            }
            return line
        }.joined(separator: "\n")
    }

    /// `text` cut to at most `width` terminal columns, with `…` when it was cut.
    package static func truncate(_ text: String, width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = displayWidth(String(character))
            if used + size > width - 1 { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }

    /// The number of terminal columns `text` occupies.
    package static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
    }

    private static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark || value == 0x200B {
            return 0
        }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
