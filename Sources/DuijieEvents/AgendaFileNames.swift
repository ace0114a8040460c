import DuijieBase

/// File names for participants' agendas, made from their ids: safe on any file system and
/// distinct for distinct ids.
///
/// Letters, digits (any script), `-`, `_` and `.` are kept; every other character, and a
/// leading `.`, becomes `%` and its UTF-8 bytes in hexadecimal (`a/b` → `a%2Fb`, `a:b` → `a%3Ab`,
/// while `a_b` stays), so different ids give different names. A name longer than 120 bytes is
/// cut and ends with a hash of the whole id. Names that would still coincide — after the cut, or
/// on a file system that ignores case (`A1` and `a1`) — take `~2`, `~3`, … in participant order
/// (`~` is never kept by the encoding, so such a suffix cannot meet another id's name).
enum AgendaFileNames {
    /// The longest name kept whole, in bytes (well under the usual 255-byte limit, with room for
    /// a hash, a suffix and an extension).
    static let maximumLength = 120

    /// One name per id, in the same order.
    static func names(_ ids: [String]) -> [String] {
        var taken: [String: Int] = [:]
        return ids.map { id in
            let name = encoded(id)
            let key = name.lowercased()
            let count = (taken[key] ?? 0) + 1
            taken[key] = count
            return count == 1 ? name : name + "~\(count)"
        }
    }

    /// The encoded name of one id, before any suffix.
    static func encoded(_ id: String) -> String {
        var name = ""
        for scalar in id.unicodeScalars {
            let kept = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar == "-" || scalar == "_" || (scalar == "." && !name.isEmpty)
            if kept && scalar.value >= 0x20 {
                name.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { name += "%" + hex(byte) }
            }
        }
        if name.isEmpty { return "%" }  // an empty id; ids are never empty after loading
        guard name.utf8.count > maximumLength else { return name }
        var cut = ""
        for character in name where cut.utf8.count + character.utf8.count <= maximumLength - 17 { cut.append(character) }
        let hash = Array(id.utf8).withUnsafeBytes { FNV1a.hash($0) }
        return cut + "-" + String(hash, radix: 16).leftPadded(to: 16)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: Swift.max(0, length - count)) + self }
}
