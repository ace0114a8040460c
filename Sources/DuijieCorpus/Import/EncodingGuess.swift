import DuijieBase

/// `--encoding auto` without a byte-order mark: UTF-8 when the bytes are valid UTF-8, GB18030
/// when they are not, and an error when the bytes do not say which.
///
/// `ChineseText`'s two measures tell the readings apart: valid UTF-8 that holds no Chinese
/// while GB18030 reads it as GB2312 text is ambiguous; and a file whose lines are partly UTF-8
/// Chinese and partly not UTF-8 mixes encodings and is blamed at its first line that is not
/// UTF-8. Bytes that are not UTF-8 and read as GB18030 are read so, with a `Guess` saying why.
struct EncodingGuess {
    let evidence: EncodingEvidence

    /// A guess over `body` (the file's bytes; it has no byte-order mark).
    init(body: ArraySlice<UInt8>, fileName: String) {
        evidence = EncodingEvidence(body: body, fileName: fileName)
    }

    private var body: ArraySlice<UInt8> { evidence.body }
    private var fileName: String { evidence.fileName }

    /// The text in the encoding the bytes are in.
    ///
    /// - Throws: `DuijieError` for a NUL byte, ambiguous bytes, mixed encodings, or bytes that
    ///   are neither UTF-8 nor GB18030.
    func decode() throws(DuijieError) -> TextEncoding.Decoded {
        if let zero = body.firstIndex(of: 0) {
            throw evidence.zeroByte(at: zero - body.startIndex, encoding: .auto)
        }
        switch TextEncoding.readUTF8(body) {
        case .text(let text):
            if let ambiguity = ambiguity(readingAsUTF8: text) { throw ambiguity }
            return TextEncoding.Decoded(text: text, encoding: .utf8, guess: nil)
        case .invalid(let offset):
            let notUTF8 = evidence.place(of: offset, encoding: .utf8)
            if let utf8Line = ChineseText.firstUTF8Line(of: body) {
                let reading = EncodingEvidence.text(of: notUTF8.bytes, in: .gb18030).map { " (as GB18030 it reads \(EncodingEvidence.quoted($0)))" } ?? ""
                throw DuijieError(.invalidInput,
                                  "the file mixes encodings: byte \(notUTF8.column) of this line is not UTF-8\(reading), but line \(utf8Line.number) is UTF-8 "
                                      + "(\(EncodingEvidence.quoted(utf8Line.text))); save the sheet again in one encoding (Excel: \"CSV UTF-8\")",
                                  at: DuijieError.Location(file: fileName, line: notUTF8.line, column: notUTF8.column))
            }
            switch try TextEncoding.gb18030.read(body, fileName: fileName) {
            case .text(let text):
                let guess = TextEncoding.Guess(line: notUTF8.line, column: notUTF8.column,
                                               lineText: EncodingEvidence.text(of: notUTF8.bytes, in: .gb18030) ?? "")
                return TextEncoding.Decoded(text: text, encoding: .gb18030, guess: guess)
            case .invalid(let failure):
                let place = evidence.place(of: failure, encoding: .gb18030)
                throw DuijieError(.invalidInput,
                                  "byte \(place.column) of the line is neither UTF-8 nor GB18030 (line \(notUTF8.line) is not UTF-8, so the file was read as GB18030); "
                                      + "name the file's encoding with --encoding, or save the sheet as \"CSV UTF-8\"",
                                  at: DuijieError.Location(file: fileName, line: place.line, column: place.column))
            }
        }
    }

    /// Valid UTF-8 that reads as Chinese only in GB18030, located at its first non-ASCII byte.
    private func ambiguity(readingAsUTF8 text: String) -> DuijieError? {
        guard let chinese = ChineseText.share(of: text), chinese < 0.5,
              let gb2312 = ChineseText.gb2312Share(of: body), gb2312 >= 0.9,
              evidence.wholeFileReads(as: .gb18030),
              let first = body.firstIndex(where: { $0 >= 0x80 }) else { return nil }
        let place = evidence.place(of: first - body.startIndex, encoding: .utf8)
        let asUTF8 = EncodingEvidence.text(of: place.bytes, in: .utf8) ?? ""
        let asGB18030 = EncodingEvidence.text(of: place.bytes, in: .gb18030) ?? ""
        return DuijieError(.invalidInput,
                           "the encoding is ambiguous: the bytes are valid UTF-8, but only GB18030 reads them as Chinese; this line is "
                               + "\(EncodingEvidence.quoted(asUTF8)) in UTF-8 and \(EncodingEvidence.quoted(asGB18030)) in GB18030; "
                               + "pass --encoding gb18030 (or gbk) or --encoding utf-8 to say which",
                           at: DuijieError.Location(file: fileName, line: place.line, column: place.column))
    }
}
