/// Float16 → Float conversion of whole buffers through a 65,536-entry table (256 KiB, built
/// once from Swift's own conversion, so exact for every value): one load per element instead
/// of the software conversion Swift uses on x86-64 without F16C.
public enum HalfConversion {
    /// Every Float16 bit pattern's Float value.
    static let table: [Float] = (0...UInt16.max).map { Float(Float16(bitPattern: $0)) }

    /// Converts `source` into `destination` (equal counts).
    public static func convert(_ source: UnsafeBufferPointer<Float16>, into destination: UnsafeMutableBufferPointer<Float>) {
        precondition(source.count == destination.count, "buffers differ in length")
        table.withUnsafeBufferPointer { table in
            source.withMemoryRebound(to: UInt16.self) { bits in
                for index in bits.indices { destination[index] = table[Int(bits[index])] }
            }
        }
    }

    /// `source` as Floats.
    public static func floats(_ source: ArraySlice<Float16>) -> [Float] {
        [Float](unsafeUninitializedCapacity: source.count) { buffer, initialized in
            source.withUnsafeBufferPointer { convert($0, into: buffer) }
            initialized = source.count
        }
    }
}
