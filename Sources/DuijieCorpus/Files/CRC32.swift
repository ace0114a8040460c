import CDuijieZlib

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum of zip and PNG: detects
/// every burst error of up to 32 bits, so a corrupted or truncated section never loads silently.
/// Computed by zlib's `crc32`, the same polynomial, so saved indexes are unchanged.
package enum CRC32 {
    /// The CRC-32 of `bytes`; with `previous`, the CRC-32 of the bytes that gave `previous`
    /// followed by `bytes` (so a stream can be checked a block at a time).
    package static func checksum(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        // zlib's crc32 takes a 32-bit length, and a null buffer means "the initial value": an
        // empty buffer leaves the checksum as it is.
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else { return previous }
        var crc = UInt(previous)
        var offset = 0
        while offset < bytes.count {
            let length = min(bytes.count - offset, Int(UInt32.max))
            crc = crc32(crc, base + offset, UInt32(length))
            offset += length
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
