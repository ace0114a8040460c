import DuijieBase
import DuijieCorpus
@testable import DuijieRanking
import DuijieTestSupport
import Foundation
import Testing

/// Typed reading of index sections: a count that comes from the file is checked against the
/// section, never trusted to multiply.
@Suite struct IndexReaderTests {
    @Test func aCountWhoseSizeOverflowsIsAnErrorNotATrap() throws {
        let directory = TemporaryDirectory()
        var writer = IndexFile.Writer()
        writer.add("values", [Int32(1), 2, 3])
        let path = directory.path + "/values.index"
        try writer.write(to: path)
        let reader = IndexReader(file: try IndexFile(path: path), path: path)
        #expect(try reader.values("values", count: 3, as: Int32.self) == [1, 2, 3])
        // 4 × (Int.max / 4 + 1) is 2⁶³, one past Int.max.
        for count in [-1, 4, Int.max / 4 + 1, Int.max] {
            #expect {
                try reader.values("values", count: count, as: Int32.self)
            } throws: { error in
                (error as? DuijieError)?.message.hasPrefix("inconsistent: values has 12 bytes, expected") ?? false
            }
        }
    }

    /// Found by Fuzz's index-reader target (the file is Fuzz/Crashes/index-reader/): text
    /// neighbour offsets rising to 0x4955_4400_0000_0002, with every checksum right, made
    /// `RecommenderIndex.load` (and so `duijie recommend --index`) trap on the overflow of the
    /// neighbour rows' size instead of refusing the file.
    @Test func textNeighbourOffsetsPastAnySectionAreRefused() throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: RecommenderIndexTests.saved.path)))
        let entry = try #require(Self.entry(named: "nbr/offsets", in: bytes))
        let offset = Self.integer(bytes, at: entry + 16), length = Self.integer(bytes, at: entry + 24)
        Self.store(UInt64(0x4955_4400_0000_0002), into: &bytes, at: offset + length - 8)
        // The section's checksum and the entry's, recomputed: the file is intact but for the value.
        let sectionChecksum = bytes[offset..<offset + length].withUnsafeBytes { CRC32.checksum($0) }
        Self.store(sectionChecksum, into: &bytes, at: entry + 32)
        let entryChecksum = bytes[entry..<entry + 36].withUnsafeBytes { CRC32.checksum($0) }
        Self.store(entryChecksum, into: &bytes, at: entry + 36)
        let directory = TemporaryDirectory()
        let path = directory.write("huge-offset.index", bytes: bytes)
        #expect {
            try RecommenderIndex.load(path)
        } throws: { error in
            (error as? DuijieError)?.message.hasPrefix("inconsistent: nbr/rows has") ?? false
        }
    }

    /// Where the section table entry for `name` starts (docs/index-format.md: 40-byte entries
    /// from byte 16, the count at byte 12).
    static func entry(named name: String, in bytes: [UInt8]) -> Int? {
        let count = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
        return (0..<count).map { 16 + $0 * 40 }.first { start in
            Array(bytes[start..<start + 16].prefix { $0 != 0 }) == Array(name.utf8)
        }
    }

    static func integer(_ bytes: [UInt8], at position: Int) -> Int {
        Int((0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[position + $1]) << (8 * $1) })
    }

    static func store<Value: FixedWidthInteger>(_ value: Value, into bytes: inout [UInt8], at position: Int) {
        for index in 0..<Value.bitWidth / 8 { bytes[position + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
}
