import Glibc

/// Encodes text as GBK, as Excel on Chinese Windows saves a CSV file, through the C library's
/// iconv (the tests check a few of its byte sequences against Python's codec).
public enum GBK {
    /// The GBK bytes of `text`; every character must exist in GBK.
    public static func encode(_ text: String) -> [UInt8] {
        let converter = iconv_open("GBK", "UTF-8")
        precondition(converter != iconv_t(bitPattern: -1), "iconv cannot convert to GBK")
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let produced = input.withUnsafeMutableBytes { inputBuffer in
            output.withUnsafeMutableBytes { outputBuffer in
                var inPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outPointer = outputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                precondition(status != -1 && inLeft == 0, "\(text.prefix(40))… has a character GBK lacks")
                return outputBuffer.count - outLeft
            }
        }
        return Array(output.prefix(produced))
    }
}
