import DuijieBase
import Glibc

/// Bytes read in one encoding: the text, or the offset (from the first byte read) of the first
/// byte that does not begin a valid sequence.
enum ByteDecoding {
    case text(String)
    case invalid(at: Int)
}

extension TextEncoding {
    /// Reads `bytes`, which hold no byte-order mark, in this encoding (`.auto` reads UTF-8).
    ///
    /// - Throws: `DuijieError` only when the C library has no converter for GBK or GB18030.
    func read(_ bytes: ArraySlice<UInt8>, fileName: String) throws(DuijieError) -> ByteDecoding {
        switch self {
        case .auto, .utf8: Self.readUTF8(bytes)
        case .gbk: try Self.readThroughIconv(bytes, from: "GBK", fileName: fileName)
        case .gb18030: try Self.readThroughIconv(bytes, from: "GB18030", fileName: fileName)
        case .utf16le: Self.readUTF16(bytes, bigEndian: false)
        case .utf16be: Self.readUTF16(bytes, bigEndian: true)
        }
    }

    static func readUTF8(_ bytes: ArraySlice<UInt8>) -> ByteDecoding {
        if let offset = bytes.withUnsafeBufferPointer({ JSONLinesReader.firstInvalidUTF8Offset($0) }) {
            return .invalid(at: offset)
        }
        return .text(String(decoding: bytes, as: UTF8.self))
    }

    /// UTF-16 code units two bytes at a time; a lone surrogate, or a last byte without its
    /// pair, is invalid.
    static func readUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> ByteDecoding {
        var scalars = String.UnicodeScalarView()
        var index = bytes.startIndex
        func unit(at position: Int) -> UInt32 {
            let first = UInt32(bytes[position]), second = UInt32(bytes[position + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }
        while index < bytes.endIndex {
            guard index + 1 < bytes.endIndex else { return .invalid(at: index - bytes.startIndex) }
            let high = unit(at: index)
            switch high {
            case 0xD800..<0xDC00:
                let low = index + 3 < bytes.endIndex ? unit(at: index + 2) : 0
                guard (0xDC00..<0xE000).contains(low) else { return .invalid(at: index - bytes.startIndex) }
                scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!)
                index += 4
            case 0xDC00..<0xE000:
                return .invalid(at: index - bytes.startIndex)
            default:
                scalars.append(Unicode.Scalar(high)!)
                index += 2
            }
        }
        return .text(String(scalars))
    }

    /// GBK or GB18030 through the C library's iconv.
    static func readThroughIconv(_ input: ArraySlice<UInt8>, from sourceEncoding: String, fileName: String) throws(DuijieError) -> ByteDecoding {
        let converter = iconv_open("UTF-8", sourceEncoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw DuijieError(.io, "the C library cannot convert from \(sourceEncoding) (iconv_open failed)",
                              at: DuijieError.Location(file: fileName))
        }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var failureOffset: Int? = nil
        var produced = 0
        var source = Array(input)
        source.withUnsafeMutableBytes { sourceBuffer in
            var inPointer = sourceBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inLeft = sourceBuffer.count
            while inLeft > 0 {
                let capacity = output.count - produced
                let (status, written, errorNumber): (Int, Int, Int32) = output.withUnsafeMutableBytes { outputBuffer in
                    var outPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress!.advanced(by: produced).assumingMemoryBound(to: CChar.self)
                    var outLeft = capacity
                    let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (status, capacity - outLeft, status == -1 ? errno : 0)
                }
                produced += written
                if status != -1 { break }
                if errorNumber == E2BIG {
                    output += [UInt8](repeating: 0, count: output.count)
                    continue
                }
                failureOffset = sourceBuffer.count - inLeft
                break
            }
        }
        if let failureOffset { return .invalid(at: failureOffset) }
        return .text(String(decoding: output[0..<produced], as: UTF8.self))
    }
}
