import DuijieBase
@testable import DuijieCorpus
@testable import DuijieGraph
@testable import DuijieRanking
import DuijieTestSupport
@testable import DuijieText
import Foundation
import Testing

/// The index container's streaming parts: checksums continued block by block, files read a
/// block at a time, and file sections copied into an index without being held whole.
@Suite struct IndexFileTests {
    static let sample = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 * 31 + 7) }

    @Test func aChecksumContinuedBlockByBlockEqualsTheWholeOne() {
        Self.sample.withUnsafeBytes { bytes in
            // 0x1734_0963 is Python's zlib.crc32 of these bytes (as in TextIndexTests).
            #expect(CRC32.checksum(bytes) == 0x1734_0963)
            for split in [0, 1, 7, 8, 9, 4_096, 100_002, 100_003] {
                let first = CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[..<split]))
                #expect(CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[split...]), continuing: first) == 0x1734_0963, "split at \(split)")
            }
        }
    }

    @Test func fileBlocksCoverTheFileInOrder() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("sample.bin", bytes: Self.sample)
        var read: [UInt8] = []
        var calls = 0
        try FileBlocks.forEach(in: path, displayName: "sample.bin", blockSize: 4_096) { block in
            read.append(contentsOf: block)
            calls += 1
        }
        #expect(read == Self.sample && calls == (100_003 + 4_095) / 4_096)
        var emptyCalls = 0
        try FileBlocks.forEach(in: directory.write("empty.bin", bytes: []), displayName: "empty.bin") { _ in emptyCalls += 1 }
        #expect(emptyCalls == 0)
        #expect { try FileBlocks.forEach(in: directory.path + "/none.jsonl", displayName: "none.jsonl") { _ in } } throws: {
            ($0 as? DuijieError)?.description.hasPrefix("none.jsonl: cannot read the file") ?? false
        }
    }

    @Test func aFileSectionIsStoredByteForByte() throws {
        let directory = TemporaryDirectory()
        // Larger than one default block, so the copy and its checksum span several blocks.
        let large = (0..<(FileBlocks.defaultBlockSize * 5 / 2)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let source = directory.write("records.jsonl", bytes: large)
        var writer = IndexFile.Writer()
        writer.add("numbers", [Int32(1), -2, 3])
        writer.add("records", contentsOf: source, displayName: "records.jsonl")
        writer.add("after", text: "末尾")
        let path = directory.path + "/sections.index"
        try writer.write(to: path)
        let file = try IndexFile(path: path)
        #expect(Array(try file.section("records", in: path)) == large)
        #expect(Array(try file.section("numbers", in: path)) == [Int32(1), -2, 3].withUnsafeBytes { Array($0) })
        #expect(String(decoding: try file.section("after", in: path), as: UTF8.self) == "末尾")
    }

    @Test func aFileThatChangesWhileBeingCopiedLeavesTheOldIndex() throws {
        // /proc/self/io counts the bytes this process has read, so reading it for the copy
        // gives other bytes than reading it for the checksum did.
        guard FileManager.default.fileExists(atPath: "/proc/self/io") else { return }
        let directory = TemporaryDirectory()
        let path = directory.write("kept.index", "the good index")
        var writer = IndexFile.Writer()
        writer.add("io", contentsOf: "/proc/self/io", displayName: "io")
        #expect { try writer.write(to: path) } throws: {
            ($0 as? DuijieError)?.description == "\(path): io changed while the index was being written; any existing index is unchanged"
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "the good index")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["kept.index"])
    }

    /// A two-section file written by the writer, its bytes, and where its table starts.
    static func twoSections(in directory: TemporaryDirectory) throws -> (path: String, bytes: [UInt8]) {
        var writer = IndexFile.Writer()
        writer.add("first", text: "海参养殖")
        writer.add("second", [Int32(1), 2, 3])
        let path = directory.path + "/two.index"
        try writer.write(to: path)
        return (path, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test func aFlippedByteInASectionNameOffsetOrLengthIsCaught() throws {
        let directory = TemporaryDirectory()
        let (_, bytes) = try Self.twoSections(in: directory)
        // Entry 1 spans bytes 16–55: name 16–31, offset 32–39, length 40–47, CRC 48–51, entry CRC 52–55.
        for position in [16, 20, 33, 41, 50, 54, 56] {
            var damaged = bytes
            damaged[position] ^= 0x01
            let path = directory.write("flipped-\(position).index", bytes: damaged)
            #expect {
                _ = try IndexFile(path: path)
            } throws: { error in
                let message = (error as? DuijieError)?.message ?? ""
                return message.contains("entry 1") || message.contains("entry 2")
            }
        }
    }

    @Test func versionTwoFilesStillLoad() throws {
        // A version 2 file is a version 3 file with zeros for the entry checksums.
        let directory = TemporaryDirectory()
        let (_, bytes) = try Self.twoSections(in: directory)
        var old = bytes
        old[8] = 2
        for entry in 0..<2 { for offset in 52 + entry * 40..<56 + entry * 40 { old[offset] = 0 } }
        let file = try IndexFile(path: directory.write("v2.index", bytes: old))
        #expect(String(decoding: UnsafeRawBufferPointer(try file.section("first", in: "v2")), as: UTF8.self) == "海参养殖")
        // A version 3 file whose version byte reads 2 is refused: its entry checksums are not zeros.
        var flipped = bytes
        flipped[8] = 2
        #expect(throws: DuijieError.self) { try IndexFile(path: directory.write("flipped.index", bytes: flipped)) }
        // Padding is zeros, and nothing follows the last section.
        #expect(throws: DuijieError.self) { try IndexFile(path: directory.write("tail.index", bytes: bytes + [0])) }
    }
}
