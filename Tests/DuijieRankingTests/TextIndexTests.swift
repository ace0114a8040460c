import DuijieBase
@testable import DuijieCorpus
@testable import DuijieEvaluation
@testable import DuijieGraph
@testable import DuijieRanking
import DuijieTestSupport
@testable import DuijieText
@testable import DuijieVectors
import Foundation
import Testing

@Suite struct TextIndexTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        // The CRC-32/ISO-HDLC check value of "123456789" is 0xCBF43926.
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) } == 0xCBF4_3926)
        // Lengths around the eight-byte steps; expected values from Python's zlib.crc32 on the
        // same bytes, (31 i + 7) mod 256.
        let expected: [(Int, UInt32)] = [(0, 0), (1, 0x4C66_7A2E), (7, 0x3E48_3922), (8, 0xA756_0428), (9, 0xCA12_FEFE), (15, 0x8F77_FABB),
                                          (16, 0x0636_A895), (17, 0x71B8_D951), (1000, 0x8902_161E), (100_003, 0x1734_0963)]
        for (length, value) in expected {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 31 + 7) }
            #expect(bytes.withUnsafeBytes { CRC32.checksum($0) } == value, "length \(length)")
        }
    }

    static func built() throws -> (TextMatcher, Corpus) {
        let corpus = try CorpusLoader.loadValidated(RepositoryFiles.demoCorpus).corpus
        let matcher = try TextMatcher(corpus: corpus, analyzer: try TextResources.makeAnalyzer(), semantic: RandomizedSVD.Options(rank: 32))
        return (matcher, corpus)
    }

    static let queries = ["废旧锂电池回收", "海参养殖池塘溶解氧", "数控机床主轴热误差", "Li-ion battery recycling"]

    @Test func aSavedIndexRanksExactlyLikeTheMatcherItCameFrom() throws {
        let (matcher, corpus) = try Self.built()
        let directory = TemporaryDirectory()
        let path = directory.path + "/demo.index"
        try TextIndex.write(matcher, titles: corpus.achievements.map(\.title), corpusFingerprint: "abc", to: path)
        let loaded = try TextIndex.load(path)
        #expect(loaded.metadata.corpusFingerprint == "abc" && loaded.metadata.titles.count == 208)
        for query in Self.queries {
            for ranking in [TextRanking.lexical, .semantic, .fused(lexicalWeight: 0.6)] {
                #expect(loaded.matcher.match(text: query, top: 10, ranking: ranking) == matcher.match(text: query, top: 10, ranking: ranking), "\(query) \(ranking)")
            }
        }
    }

    @Test func truncatedForeignAndMissingFilesAreClearErrors() throws {
        let (matcher, corpus) = try Self.built()
        let directory = TemporaryDirectory()
        let path = directory.path + "/demo.index"
        try TextIndex.write(matcher, titles: corpus.achievements.map(\.title), corpusFingerprint: "abc", to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for cut in [0, 7, 15, 100, bytes.count / 3, bytes.count - 1] {
            let truncated = directory.write("cut.index", bytes: Array(bytes.prefix(cut)))
            #expect(throws: DuijieError.self, "cut at \(cut)") { try TextIndex.load(truncated) }
        }
        let foreign = directory.write("foreign.index", "{\"not\": \"an index\"}")
        #expect { try TextIndex.load(foreign) } throws: { ($0 as? DuijieError)?.message.contains("not a Duijie index") ?? false }
        #expect { try TextIndex.load(directory.path + "/none.index") } throws: { ($0 as? DuijieError)?.message.contains("cannot read") ?? false }
    }

    @Test func flippedBytesAreCaughtOrHarmless() throws {
        let (matcher, corpus) = try Self.built()
        let directory = TemporaryDirectory()
        let path = directory.path + "/demo.index"
        try TextIndex.write(matcher, titles: corpus.achievements.map(\.title), corpusFingerprint: "abc", to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let expected = matcher.match(text: Self.queries[0], top: 10)
        var generator = SplitMix64(seed: 11)
        var caught = 0
        for trial in 0..<300 {
            var damaged = bytes
            let position = Int(generator.next() % UInt64(bytes.count))
            damaged[position] ^= UInt8(1 << (generator.next() % 8))
            let file = directory.write("damaged-\(trial).index", bytes: damaged)
            do {
                let loaded = try TextIndex.load(file)
                #expect(loaded.matcher.match(text: Self.queries[0], top: 10) == expected, "byte \(position)")
            } catch is DuijieError {
                caught += 1
            }
        }
        // Every byte is checked: sections by their CRC-32, table entries by theirs (names,
        // offsets, lengths), the header by its structure and the padding as zeros.
        #expect(caught == 300)
    }

    @Test func theFingerprintChangesWithTheCorpus() throws {
        let directory = TemporaryDirectory()
        CorpusFixture.write(to: directory)
        let before = TextIndex.fingerprint(ofCorpus: directory.path)
        #expect(TextIndex.fingerprint(ofCorpus: directory.path) == before)
        directory.write("achievements.jsonl", CorpusFixture.achievements + "\n" + #"{"id":"A-2","title":"新成果"}"# + "\n")
        #expect(TextIndex.fingerprint(ofCorpus: directory.path) != before)
    }
}
