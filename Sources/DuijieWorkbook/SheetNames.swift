/// Excel's rules for sheet names, applied the same way every time so that the same worksheets
/// always get the same names; the rules are listed on `Workbook.sheetNames`.
enum SheetNames {
    /// Excel's longest sheet name, in UTF-16 units.
    static let maximumLength = 31

    /// The names the sheets named `requested` get, in order.
    static func resolve(_ requested: [String]) -> [String] {
        var taken: Set<String> = ["history"]
        var names: [String] = []
        for (index, name) in requested.enumerated() {
            var base = cut(cleaned(name), to: maximumLength)
            if base.isEmpty { base = "Sheet\(index + 1)" }
            var candidate = base
            var number = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = cut(base, to: maximumLength - suffix.utf16.count) + suffix
                number += 1
            }
            taken.insert(candidate.lowercased())
            names.append(candidate)
        }
        return names
    }

    /// Steps 1 and 2 (of `Workbook.sheetNames`): forbidden and control characters replaced, the ends trimmed.
    static func cleaned(_ name: String) -> String {
        let forbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            let control = scalar.properties.generalCategory == .control
            scalars.append(forbidden.contains(scalar) || control ? "_" : scalar)
        }
        return trimmed(String(scalars))
    }

    /// Step 3: at most `length` UTF-16 units, whole characters only, ends trimmed again.
    static func cut(_ name: String, to length: Int) -> String {
        guard name.utf16.count > length else { return name }
        var result = ""
        var used = 0
        for character in name {
            let size = character.utf16.count
            if used + size > length { break }
            result.append(character)
            used += size
        }
        return trimmed(result)
    }

    private static func trimmed(_ name: String) -> String {
        let ends: (Character) -> Bool = { $0.isWhitespace || $0 == "'" }
        guard let first = name.firstIndex(where: { !ends($0) }), let last = name.lastIndex(where: { !ends($0) }) else {
            return ""
        }
        return String(name[first...last])
    }
}
