import DuijieBase
import Foundation
import Glibc

#if canImport(Glibc)
#endif

/// The character encodings a spreadsheet may come in.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8 when the bytes are valid UTF-8, GB18030 otherwise.
    case auto
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// GBK, the common encoding of Excel exports on Chinese Windows.
    case gbk
    /// GB18030, the national standard superset of GBK.
    case gb18030

    /// Decodes `bytes` to text.
    ///
    /// GBK and GB18030 go through the C library's `iconv` (glibc's gconv modules), which
    /// implements the full GB18030-2005 mapping.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - fileName: The name used in error messages.
    /// - Returns: The text and the encoding it was read as (never `.auto`).
    /// - Throws: `DuijieError` naming the line and byte of the first invalid sequence.
    /// - Complexity: O(n) in the number of bytes.
    public func decode(_ bytes: [UInt8], fileName: String) throws(DuijieError) -> (text: String, encoding: TextEncoding) {
        var body = bytes[...]
        let hasUTF8BOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        switch self {
        case .auto:
            if hasUTF8BOM || Self.isValidUTF8(body) {
                return try TextEncoding.utf8.decode(bytes, fileName: fileName)
            }
            return try TextEncoding.gb18030.decode(bytes, fileName: fileName)
        case .utf8:
            if hasUTF8BOM { body = body.dropFirst(3) }
            let valid = body.withUnsafeBufferPointer { JSONLinesReader.firstInvalidUTF8Offset($0) }
            if let offset = valid {
                throw Self.invalidSequence(in: body, at: offset, encoding: self, fileName: fileName)
            }
            return (String(decoding: body, as: UTF8.self), .utf8)
        case .gbk, .gb18030:
            return (try convertToUTF8(body, from: self == .gbk ? "GBK" : "GB18030", fileName: fileName), self)
        }
    }

    private static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { JSONLinesReader.firstInvalidUTF8Offset($0) == nil }
    }

    private static func invalidSequence(in bytes: ArraySlice<UInt8>, at offset: Int, encoding: TextEncoding, fileName: String) -> DuijieError {
        let prefix = bytes.prefix(offset)
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        let column = bytes.startIndex + offset - lineStart + 1
        return DuijieError(.invalidInput, "\(fileName):\(line): byte \(column) of the line is not valid \(encoding.rawValue) (use --encoding to name the file's encoding)")
    }

    private func convertToUTF8(_ input: ArraySlice<UInt8>, from sourceEncoding: String, fileName: String) throws(DuijieError) -> String {
        let converter = iconv_open("UTF-8", sourceEncoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw DuijieError(.io, "\(fileName): the C library cannot convert from \(sourceEncoding) (iconv_open failed)")
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
                let (result, written, errorNumber): (Int, Int, Int32) = output.withUnsafeMutableBytes { outputBuffer in
                    var outPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress!.advanced(by: produced).assumingMemoryBound(to: CChar.self)
                    var outLeft = capacity
                    let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (status, capacity - outLeft, status == -1 ? errno : 0)
                }
                produced += written
                if result != -1 { break }
                if errorNumber == E2BIG {
                    output += [UInt8](repeating: 0, count: output.count)
                    continue
                }
                failureOffset = sourceBuffer.count - inLeft
                break
            }
        }
        if let failureOffset {
            throw Self.invalidSequence(in: input[...], at: failureOffset, encoding: self, fileName: fileName)
        }
        return String(decoding: output[0..<produced], as: UTF8.self)
    }
}
