import DuijieBase

/// What a file's bytes look like, so that an encoding error can say where it is and what the
/// bytes would be in another encoding, instead of only "not valid".
struct EncodingEvidence {
    /// The file's bytes after any byte-order mark.
    let body: ArraySlice<UInt8>
    /// The file, for error locations.
    let fileName: String

    /// Where byte `offset` of the body is: its 1-based line, its 1-based byte in the line, and
    /// the line's bytes without the line feed. UTF-16 lines end at a 16-bit line feed.
    func place(of offset: Int, encoding: TextEncoding) -> (line: Int, column: Int, bytes: ArraySlice<UInt8>) {
        let width = encoding.isUTF16 ? 2 : 1
        func isLineFeed(_ index: Int) -> Bool {
            switch encoding {
            case .utf16le: index + 1 < body.endIndex && body[index] == 0x0A && body[index + 1] == 0
            case .utf16be: index + 1 < body.endIndex && body[index] == 0 && body[index + 1] == 0x0A
            default: body[index] == 0x0A
            }
        }
        let target = body.startIndex + offset
        var line = 1
        var lineStart = body.startIndex
        var index = body.startIndex
        while index < target {
            if isLineFeed(index) {
                line += 1
                lineStart = index + width
            }
            index += width
        }
        var lineEnd = target
        while lineEnd < body.endIndex && !isLineFeed(lineEnd) { lineEnd += width }
        return (line, target - lineStart + 1, body[lineStart..<min(lineEnd, body.endIndex)])
    }

    /// A line's bytes read as UTF-8 or GB18030, when they are valid in it.
    static func text(of line: ArraySlice<UInt8>, in encoding: TextEncoding) -> String? {
        guard case .text(let text)? = try? encoding.read(line, fileName: "") else { return nil }
        return text
    }

    /// `"text"`, trimmed and cut to 30 characters, for messages.
    static func quoted(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace
        return "\"" + (trimmed.count > 30 ? String(trimmed.prefix(30)) + "…" : trimmed) + "\""
    }

    /// Whether the whole body is valid in `encoding`.
    func wholeFileReads(as encoding: TextEncoding) -> Bool {
        if case .text? = try? encoding.read(body, fileName: fileName) { return true }
        return false
    }

    // MARK: Errors

    /// A NUL byte in an encoding that never holds one: an Excel workbook, UTF-16 without its
    /// byte-order mark, or not text at all.
    func zeroByte(at offset: Int, encoding: TextEncoding) -> DuijieError {
        let workbooks: [(magic: [UInt8], kind: String)] = [([0x50, 0x4B, 0x03, 0x04], ".xlsx"), ([0xD0, 0xCF, 0x11, 0xE0], ".xls")]
        if let workbook = workbooks.first(where: { body.starts(with: $0.magic) }) {
            return DuijieError(.invalidInput, "the file is an Excel workbook (\(workbook.kind)), not text; save the sheet as \"CSV UTF-8\" in Excel and import that",
                               at: DuijieError.Location(file: fileName))
        }
        if let utf16 = utf16WithoutMark() {
            let given = encoding == .auto ? "" : ", not \(encoding.displayName)"
            return DuijieError(.invalidInput,
                               "the file looks like \(utf16.displayName) without a byte-order mark\(given) (every second byte is zero, as in Excel's \"Unicode text\"); "
                                   + "pass --encoding \(utf16.rawValue), or save the sheet as \"CSV UTF-8\"",
                               at: DuijieError.Location(file: fileName, line: 1))
        }
        let place = place(of: offset, encoding: .utf8)
        return DuijieError(.invalidInput, "byte \(place.column) of the line is a NUL byte, which a spreadsheet saved as text never holds; is this a CSV or TSV file?",
                           at: DuijieError.Location(file: fileName, line: place.line, column: place.column))
    }

    /// UTF-16 without a byte-order mark: zero bytes (the high halves of ASCII characters)
    /// nearly all at odd offsets (little-endian) or nearly all at even ones (big-endian).
    func utf16WithoutMark() -> TextEncoding? {
        var even = 0, odd = 0
        for (index, byte) in body.prefix(1 << 16).enumerated() where byte == 0 {
            if index % 2 == 0 { even += 1 } else { odd += 1 }
        }
        if odd > 0 && odd >= 4 * even { return .utf16le }
        if even > 0 && even >= 4 * odd { return .utf16be }
        return nil
    }

    /// UTF-16 named for bytes without a zero byte, which every UTF-16 spreadsheet has (in
    /// each comma, tab and line break).
    func notUTF16(_ encoding: TextEncoding) -> DuijieError {
        var message = "the file has no zero byte, so it is not \(encoding.displayName) (each comma, tab and line break of UTF-16 text has one)"
        if let other = [TextEncoding.utf8, .gb18030].first(where: wholeFileReads(as:)) {
            message += "; it reads as \(other.displayName): leave --encoding out, or pass --encoding \(other.rawValue)"
        }
        return DuijieError(.invalidInput, message, at: DuijieError.Location(file: fileName, line: 1))
    }

    /// The first byte that is not valid in a named encoding, with what the bytes look like.
    func invalidSequence(at offset: Int, in encoding: TextEncoding) -> DuijieError {
        let place = place(of: offset, encoding: encoding)
        var message = "byte \(place.column) of the line is not valid \(encoding.displayName)"
        if encoding.isUTF16 {
            message += " (half of a surrogate pair, or a last byte without its pair)"
        } else {
            message += "; " + lookalike(of: place.bytes, besides: encoding)
        }
        return DuijieError(.invalidInput, message, at: DuijieError.Location(file: fileName, line: place.line, column: place.column))
    }

    /// What a line that does not decode in `encoding` looks like: the encoding the whole file
    /// reads in, or the one only this line reads in (the file mixes encodings), or neither.
    private func lookalike(of line: ArraySlice<UInt8>, besides encoding: TextEncoding) -> String {
        let candidates = [TextEncoding.utf8, .gb18030].filter { $0 != encoding }
        for candidate in candidates {
            guard let text = Self.text(of: line, in: candidate) else { continue }
            if candidate != .utf8, let utf8Line = ChineseText.firstUTF8Line(of: body) {
                return "it reads as \(candidate.displayName) (\(Self.quoted(text))), but line \(utf8Line.number) is UTF-8 "
                    + "(\(Self.quoted(utf8Line.text))): the file mixes encodings; save the sheet again in one (Excel: \"CSV UTF-8\")"
            }
            if wholeFileReads(as: candidate) {
                return "the bytes look like \(candidate.displayName): the whole file reads as it (this line: \(Self.quoted(text))); "
                    + "pass --encoding \(candidate.rawValue)"
            }
            return "this line reads as \(candidate.displayName) (\(Self.quoted(text))) but the whole file does not: it mixes encodings; "
                + "save the sheet again in one (Excel: \"CSV UTF-8\")"
        }
        return "the line is not \(candidates.map(\.displayName).joined(separator: " or ")) either; "
            + "name the file's encoding with --encoding, or save the sheet as \"CSV UTF-8\""
    }

    /// A line of UTF-8 Chinese (`ChineseText.firstUTF8Line`) in a file named GBK or GB18030,
    /// which that encoding would read without an error, but garbled.
    func utf8Line(_ line: (number: Int, offset: Int, text: String), notIn encoding: TextEncoding) -> DuijieError {
        let place = place(of: line.offset, encoding: .utf8)
        let garbled = Self.text(of: place.bytes, in: encoding).map { " (as \(encoding.displayName) it would read \(Self.quoted($0)))" } ?? ""
        let fix = wholeFileReads(as: .utf8)
            ? "the whole file is UTF-8: leave --encoding out, or pass --encoding utf-8"
            : "the file mixes encodings; save the sheet again in one (Excel: \"CSV UTF-8\")"
        return DuijieError(.invalidInput, "this line is UTF-8 (\(Self.quoted(line.text))), not \(encoding.displayName)\(garbled); \(fix)",
                           at: DuijieError.Location(file: fileName, line: place.line, column: place.column))
    }

    /// The line of the first U+0000 in decoded text.
    static func lineOfNUL(in text: String) -> Int? {
        var line = 1
        for byte in text.utf8 {
            if byte == 0 { return line }
            if byte == 0x0A { line += 1 }
        }
        return nil
    }
}
