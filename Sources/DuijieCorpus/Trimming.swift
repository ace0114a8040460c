extension StringProtocol {
    /// The text without leading and trailing white space (Unicode `White_Space`: spaces of every
    /// width, tabs, line breaks). Unlike Foundation's `trimmingCharacters(in:)` it never goes
    /// through UTF-16, and text with nothing to trim is returned without a new allocation.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            // ASCII first: tab, line feed, vertical tab, form feed, carriage return, space.
            scalar.value < 0x80 ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex, let whole = self as? String { return whole }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
