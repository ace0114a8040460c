/// How many columns text takes where East Asian wide and full-width characters take two (a
/// terminal, a spreadsheet column measured in digit widths) and combining marks none.
///
/// The one width table of the package: the command line's aligned tables and the workbook's
/// column widths both measure with it.
package enum DisplayWidth {
    /// The columns `text` occupies: the sum over its Unicode scalars.
    package static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The columns one scalar occupies: 0 for a combining mark or a zero-width space, 2 for an
    /// East Asian wide or full-width character (Hangul, CJK, kana, full-width forms, the common
    /// emoji blocks), 1 otherwise.
    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark || scalar.value == 0x200B {
            return 0
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
