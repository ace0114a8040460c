@testable import DuijieVectors
import Testing

@Suite struct HalfConversionTests {
    @Test func everyBitPatternConvertsAsSwiftDoes() {
        // All 65,536 Float16 values (normal, subnormal, ±0, ±∞, NaN) against Swift's own Float(_:).
        let halves = (0...UInt16.max).map { Float16(bitPattern: $0) } + [Float16(1), Float16(-2.5)]  // and a tail under 16
        let converted = HalfConversion.floats(halves[...])
        for (half, value) in zip(halves, converted) {
            let expected = Float(half)
            if expected.isNaN { #expect(value.isNaN) } else { #expect(value.bitPattern == expected.bitPattern, "\(half.bitPattern)") }
        }
    }
}
