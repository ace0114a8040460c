import DuijieBase

/// The character encodings a spreadsheet may come in.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// Chosen from the bytes: the byte-order mark when there is one; else UTF-8 when the
    /// bytes are valid UTF-8, GB18030 when they are not. What cannot be told apart is refused
    /// (see `decode(_:fileName:)`).
    case auto
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// GBK, the common encoding of Excel exports on Chinese Windows.
    case gbk
    /// GB18030, the national standard superset of GBK.
    case gb18030
    /// UTF-16, little-endian: Excel's "Unicode text" on Windows, with or without its
    /// byte-order mark.
    case utf16le = "utf-16le"
    /// UTF-16, big-endian, with or without its byte-order mark.
    case utf16be = "utf-16be"

    /// The name people know the encoding by (`GB18030`, `UTF-16LE`).
    var displayName: String {
        self == .auto ? "auto" : rawValue.uppercased()
    }

    var isUTF16: Bool { self == .utf16le || self == .utf16be }

    /// Decodes `bytes` to text.
    ///
    /// A byte-order mark decides the encoding under `.auto` and must agree with any other
    /// choice. Under `.auto`, bytes that are valid UTF-8 but read as Chinese only in GB18030
    /// are refused as ambiguous, and so is a file some of whose lines are UTF-8 and others not.
    /// Under GBK or GB18030, a line of UTF-8 Chinese is refused (it would decode, garbled).
    /// A NUL byte is refused in every encoding but UTF-16, naming UTF-16 without a byte-order
    /// mark or an Excel workbook when the bytes look like one. GBK and GB18030 go through the C
    /// library's `iconv` (glibc's gconv modules), which implements the full GB18030-2005
    /// mapping.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - fileName: The name used in error locations.
    /// - Returns: The text and the encoding it was read as (never `.auto`).
    /// - Throws: `DuijieError` located at the line and byte of the first sequence that does not
    ///   decode, saying what encoding the bytes look like.
    /// - Complexity: O(n) in the number of bytes.
    public func decode(_ bytes: [UInt8], fileName: String) throws(DuijieError) -> (text: String, encoding: TextEncoding) {
        let decoded = try decodeNotingGuess(bytes, fileName: fileName)
        return (decoded.text, decoded.encoding)
    }

    /// Why `.auto` chose GB18030: the first byte that is not UTF-8, and its line as read.
    struct Guess {
        let line: Int
        let column: Int
        let lineText: String
    }

    /// Decoded text, the encoding it was read in, and the guess behind it, if any.
    struct Decoded {
        let text: String
        let encoding: TextEncoding
        let guess: Guess?
    }

    /// `decode(_:fileName:)`, saying where a guess of GB18030 came from.
    func decodeNotingGuess(_ bytes: [UInt8], fileName: String) throws(DuijieError) -> Decoded {
        let mark = ByteOrderMark.of(bytes)
        let body = bytes.dropFirst(mark?.length ?? 0)
        if let mark {
            if self != .auto && self != mark.encoding {
                throw DuijieError(.invalidInput,
                                  "the file starts with a \(mark.encoding.displayName) byte-order mark, but --encoding \(rawValue) was given; "
                                      + "leave --encoding out, or pass --encoding \(mark.encoding.rawValue)",
                                  at: DuijieError.Location(file: fileName, line: 1, column: 1))
            }
            return Decoded(text: try mark.encoding.decodeExactly(body, fileName: fileName, hasMark: true), encoding: mark.encoding, guess: nil)
        }
        if self == .auto { return try EncodingGuess(body: body, fileName: fileName).decode() }
        return Decoded(text: try decodeExactly(body, fileName: fileName, hasMark: false), encoding: self, guess: nil)
    }

    /// The text of `body` (no byte-order mark) in this encoding, which is not `.auto`.
    func decodeExactly(_ body: ArraySlice<UInt8>, fileName: String, hasMark: Bool) throws(DuijieError) -> String {
        let evidence = EncodingEvidence(body: body, fileName: fileName)
        if isUTF16 {
            if !hasMark, !body.isEmpty, !body.contains(0) { throw evidence.notUTF16(self) }
        } else if let zero = body.firstIndex(of: 0) {
            throw evidence.zeroByte(at: zero - body.startIndex, encoding: self)
        }
        if self == .gbk || self == .gb18030, let line = ChineseText.firstUTF8Line(of: body) {
            throw evidence.utf8Line(line, notIn: self)
        }
        switch try read(body, fileName: fileName) {
        case .text(let text):
            if isUTF16, let line = EncodingEvidence.lineOfNUL(in: text) {
                throw DuijieError(.invalidInput,
                                  "a NUL character (U+0000) on this line, which a spreadsheet saved as text never holds (is the file UTF-32?); "
                                      + "save the sheet as \"CSV UTF-8\"",
                                  at: DuijieError.Location(file: fileName, line: line))
            }
            return text
        case .invalid(let offset):
            throw evidence.invalidSequence(at: offset, in: self)
        }
    }
}

/// A byte-order mark: the bytes that open a Unicode text file and name its encoding.
enum ByteOrderMark: CaseIterable {
    case utf8, utf16le, utf16be

    var bytes: [UInt8] {
        switch self {
        case .utf8: [0xEF, 0xBB, 0xBF]
        case .utf16le: [0xFF, 0xFE]
        case .utf16be: [0xFE, 0xFF]
        }
    }

    var length: Int { bytes.count }

    var encoding: TextEncoding {
        switch self {
        case .utf8: .utf8
        case .utf16le: .utf16le
        case .utf16be: .utf16be
        }
    }

    /// The mark `bytes` open with, if any.
    static func of(_ bytes: [UInt8]) -> ByteOrderMark? {
        allCases.first { bytes.starts(with: $0.bytes) }
    }
}
