/// Measures that tell Chinese text in its own encoding from Chinese text read in another.
///
/// Chinese text read in its own encoding is mostly Chinese characters; GBK bytes read as UTF-8
/// give Latin, Greek, Cyrillic and Arabic letters instead. UTF-8 bytes read as GB18030 give
/// pairs outside GB2312's area (both bytes A1–FE), where almost all everyday Chinese text lies,
/// while GBK text stays in it.
enum ChineseText {
    /// The first line of `body` that is UTF-8 Chinese: valid UTF-8 whose characters beyond
    /// ASCII are at least 80% Chinese. GBK text is rarely valid UTF-8, and then reads as
    /// letters of other scripts: of the demo corpus's text values and the 1–3 character runs
    /// of their Chinese (63,335 strings) in GBK, 2,727 are valid UTF-8, and none reads as more
    /// than half Chinese. `offset` is that of the line's first byte beyond ASCII, from the
    /// start of `body`.
    static func firstUTF8Line(of body: ArraySlice<UInt8>) -> (number: Int, offset: Int, text: String)? {
        for (index, line) in body.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard let first = line.firstIndex(where: { $0 >= 0x80 }),
                  case .text(let text) = TextEncoding.readUTF8(line),
                  let chinese = share(of: text), chinese >= 0.8 else { continue }
            return (index + 1, first - body.startIndex, text)
        }
        return nil
    }

    /// Of the characters of `text` beyond ASCII, the share that Chinese text uses: ideographs,
    /// CJK and full-width punctuation, and general punctuation and symbols; `nil` when there
    /// are none.
    static func share(of text: String) -> Double? {
        var beyondASCII = 0
        var chinese = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            beyondASCII += 1
            switch scalar.value {
            case 0x2000...0x2BFF, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
                 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
                chinese += 1
            default:
                break
            }
        }
        return beyondASCII == 0 ? nil : Double(chinese) / Double(beyondASCII)
    }

    /// Of the multi-byte GB18030 sequences in `bytes`, the share in GB2312's area (both bytes
    /// A1–FE, the first at most F7); `nil` when there are none.
    static func gb2312Share(of bytes: ArraySlice<UInt8>) -> Double? {
        var sequences = 0
        var inGB2312 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            guard lead >= 0x80 else {
                index += 1
                continue
            }
            sequences += 1
            guard index + 1 < bytes.endIndex else { break }
            let trail = bytes[index + 1]
            if (0x30...0x39).contains(trail) {
                index += 4
                continue
            }
            if (0xA1...0xF7).contains(lead) && (0xA1...0xFE).contains(trail) { inGB2312 += 1 }
            index += 2
        }
        return sequences == 0 ? nil : Double(inGB2312) / Double(sequences)
    }
}
