/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum of zip and PNG: detects
/// every burst error of up to 32 bits, so a corrupted or truncated section never loads silently.
///
/// Computed eight bytes at a time with eight derived tables ("slicing-by-8", Kounavis & Berry
/// 2005): table k maps a byte to its CRC contribution k bytes further on, so one step folds eight
/// input bytes with eight lookups instead of eight dependent byte steps.
package enum CRC32 {
    /// `tables[k * 256 + b]`: the CRC of byte b followed by k zero bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for value in 0..<256 {
            var crc = UInt32(value)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            tables[value] = crc
        }
        for slice in 1..<8 {
            for value in 0..<256 {
                let previous = tables[(slice - 1) * 256 + value]
                tables[slice * 256 + value] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The CRC-32 of `bytes`; with `previous`, the CRC-32 of the bytes that gave `previous`
    /// followed by `bytes` (so a stream can be checked a block at a time).
    package static func checksum(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        var crc: UInt32 = ~previous
        tables.withUnsafeBufferPointer { table in
            var position = 0
            let count = bytes.count
            while position + 8 <= count {
                let low = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)) ^ crc
                let high = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self))
                crc = table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                position += 8
            }
            while position < count {
                crc = table[Int((crc ^ UInt32(bytes[position])) & 0xFF)] ^ (crc >> 8)
                position += 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
