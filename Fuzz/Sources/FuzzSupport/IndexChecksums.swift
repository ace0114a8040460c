/// Re-signs a Duijie index file (docs/index-format.md), so that a fuzzer's change inside a
/// section reaches that section's reader instead of stopping at its checksum.
///
/// Every mutation of a section breaks its CRC-32, and the reader rightly refuses the file
/// before parsing the section; coverage-guided mutation rarely repairs a checksum on its own.
/// `resign` recomputes, in place, each section's CRC-32 and (version 3) each entry's, for the
/// entries whose range lies inside the file; everything else (magic, version, counts, names,
/// offsets, gaps) is left as the fuzzer made it, so the container checks are fuzzed too.
public enum IndexChecksums {
    /// Recomputes the checksums of `bytes`, when they start like an index file (magic and a
    /// section table that fits); otherwise leaves them alone.
    ///
    /// - Returns: Whether the bytes looked like an index and were re-signed.
    @discardableResult
    public static func resign(_ bytes: inout [UInt8]) -> Bool {
        guard bytes.count >= 16, bytes.starts(with: Array("DUIJIEIX".utf8)) else { return false }
        let version = readUInt32(bytes, at: 8)
        let count = Int(readUInt32(bytes, at: 12))
        guard version == 2 || version == 3, count <= (bytes.count - 16) / 40 else { return false }
        for index in 0..<count {
            let entry = 16 + index * 40
            let offset = readUInt64(bytes, at: entry + 16)
            let length = readUInt64(bytes, at: entry + 24)
            if offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset {
                write(crc32(bytes[Int(offset)..<Int(offset + length)]), into: &bytes, at: entry + 32)
            }
            if version == 3 {
                write(crc32(bytes[entry..<entry + 36]), into: &bytes, at: entry + 36)
            }
        }
        return true
    }

    /// CRC-32 (IEEE 802.3, reflected, as zlib's `crc32`), a bit at a time: inputs are small.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    private static func readUInt64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }

    private static func write(_ value: UInt32, into bytes: inout [UInt8], at offset: Int) {
        for shift in 0..<4 { bytes[offset + shift] = UInt8(truncatingIfNeeded: value >> (8 * shift)) }
    }
}
