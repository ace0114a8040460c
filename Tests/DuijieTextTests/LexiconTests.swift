import DuijieBase
@testable import DuijieText
import Foundation
import Testing

@Suite struct LexiconTests {
    private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test func wordsPrefixesAndFrequencies() {
        var lexicon = Lexicon()
        lexicon.add(scalars("锂电池"), frequency: 5)
        lexicon.add(scalars("锂电"), frequency: 2)
        lexicon.add(scalars("锂电池"), frequency: 1)
        #expect(lexicon.frequency(of: scalars("锂电池")) == 6)
        #expect(lexicon.frequency(of: scalars("锂电")) == 2)
        #expect(lexicon.frequency(of: scalars("锂")) == 0)  // a prefix only
        #expect(!lexicon.contains(scalars("电池")))
        #expect(lexicon.wordCount == 2 && lexicon.totalFrequency == 8 && lexicon.maximumWordLength == 3)
    }

    @Test func growsPastItsInitialCapacity() {
        var lexicon = Lexicon()
        for value in UInt32(0x4E00)..<0x4E00 + 3_000 {
            lexicon.add([Unicode.Scalar(value)!, "词"], frequency: 1)
        }
        #expect(lexicon.wordCount == 3_000)
        #expect(lexicon.contains([Unicode.Scalar(0x4E00 + 2_999)!, "词"]))
    }

    @Test func loadingReportsTheLineOfAMalformedEntry() throws {
        let path = NSTemporaryDirectory() + "lexicon-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "# comment\n梯次利用 5000 n\n\n正极材料\n电解液 many n\n".write(toFile: path, atomically: true, encoding: .utf8)
        var lexicon = Lexicon()
        #expect {
            try lexicon.load(contentsOf: path, normalizer: TextNormalizer())
        } throws: { error in
            (error as? DuijieError)?.message == "\(path):5: frequency \"many\" is not a non-negative number"
        }
        #expect(lexicon.frequency(of: scalars("梯次利用")) == 5000)
        #expect(lexicon.frequency(of: scalars("正极材料")) == 1)
    }
}
