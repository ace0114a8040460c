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

@Suite struct RecommenderIndexTests {
    /// The demo recommender saved once and loaded back: the index file and the loaded copy.
    static let saved: (directory: TemporaryDirectory, path: String, loaded: Recommender) = {
        let directory = TemporaryDirectory()
        let path = directory.path + "/demo.index"
        try! RecommenderIndex.write(DemoRecommender.shared.recommender, corpusDirectory: RepositoryFiles.demoCorpus,
                                    corpusFingerprint: TextIndex.fingerprint(ofCorpus: RepositoryFiles.demoCorpus), to: path)
        return (directory, path, try! RecommenderIndex.load(path))
    }()

    /// Everything a recommendation says, for comparing two rankings exactly.
    static func summary(_ results: [Recommendation]?) -> [String] {
        (results ?? []).map { result in
            "\(result.id) \(result.score) \(result.features) \(result.explanation.matchedTerms.map(\.term)) \(result.explanation.regionRelation) \(result.explanation.path ?? [])"
        }
    }

    @Test(arguments: [("D-1012", RecommendationTarget.achievement), ("D-1012", .expert), ("D-1012", .institution),
                      ("A-4003", .demand), ("A-4003", .enterprise), ("E-4029", .demand), ("C-4003", .achievement)])
    func theLoadedRecommenderRanksExactlyLikeTheOriginal(source: String, target: RecommendationTarget) {
        let original = DemoRecommender.shared.recommender
        let expected = Self.summary(original.recommend(for: source, target: target, top: 10))
        #expect(!expected.isEmpty)
        #expect(Self.summary(Self.saved.loaded.recommend(for: source, target: target, top: 10)) == expected)
        var filters = RecommendationFilters()
        filters.regions = ["R-LN"]
        filters.maximumPerInstitution = 1
        #expect(Self.summary(Self.saved.loaded.recommend(for: source, target: target, top: 5, filters: filters))
            == Self.summary(original.recommend(for: source, target: target, top: 5, filters: filters)))
    }

    @Test func freeTextAndReciprocalScoresMatchToo() {
        let original = DemoRecommender.shared.recommender
        let loaded = Self.saved.loaded
        for target in RecommendationTarget.allCases {
            #expect(Self.summary(loaded.recommend(text: "海参养殖池塘溶解氧", target: target, top: 8))
                == Self.summary(original.recommend(text: "海参养殖池塘溶解氧", target: target, top: 8)), "\(target)")
        }
        let candidates = ["A-4003", "A-1038", "E-4029", "I-DLUT"]
        #expect(loaded.scores(of: candidates, forRecord: "D-1012") == original.scores(of: candidates, forRecord: "D-1012"))
    }

    @Test func theIndexStandsAloneWithItsCorpus() throws {
        let original = DemoRecommender.shared.recommender
        let loaded = Self.saved.loaded
        #expect(loaded.corpus.achievements.map(\.id) == original.corpus.achievements.map(\.id))
        #expect(loaded.corpus.demands.map(\.title) == original.corpus.demands.map(\.title))
        #expect(loaded.corpus.relations.count == original.corpus.relations.count)
        #expect(loaded.graph.graph == original.graph.graph)
        // `match --index` reads the achievements' text index from the same file.
        let text = try TextIndex.load(Self.saved.path)
        #expect(text.matcher.match(text: "废旧锂电池回收", top: 10, ranking: .semantic) == original.achievements.match(text: "废旧锂电池回收", top: 10, ranking: .semantic))
        #expect(try RecommenderIndex.holdsRecommender(Self.saved.path))
    }

    @Test func damagedFilesAndTextOnlyIndexesAreClearErrors() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.saved.path)))
        let directory = TemporaryDirectory()
        for cut in [0, 15, 500, bytes.count / 2, bytes.count - 1] {
            let truncated = directory.write("cut-\(cut).index", bytes: Array(bytes.prefix(cut)))
            #expect(throws: DuijieError.self, "cut at \(cut)") { try RecommenderIndex.load(truncated) }
        }
        var generator = SplitMix64(seed: 5)
        for trial in 0..<40 {
            var damaged = bytes
            // Past the section table: inside a section (or the padding between two).
            let position = 4096 + Int(generator.next() % UInt64(bytes.count - 4096))
            damaged[position] ^= 0x10
            let file = directory.write("flip-\(trial).index", bytes: damaged)
            do {
                let loaded = try RecommenderIndex.load(file)
                // Only padding is outside the checksums: then nothing changed.
                #expect(Self.summary(loaded.recommend(for: "D-1012", target: .achievement, top: 5))
                    == Self.summary(DemoRecommender.shared.recommender.recommend(for: "D-1012", target: .achievement, top: 5)), "byte \(position)")
            } catch let error as DuijieError {
                #expect(error.code == .index && error.location?.file == file && error.message.contains("corrupted"), "\(error)")
            }
        }
        let textOnly = directory.path + "/text.index"
        try TextIndex.write(DemoRecommender.shared.recommender.achievements, titles: [], corpusFingerprint: "x", to: textOnly)
        #expect { try RecommenderIndex.load(textOnly) } throws: { ($0 as? DuijieError)?.message.contains("text index only") ?? false }
        #expect(try !RecommenderIndex.holdsRecommender(textOnly))
    }

    @Test func anEmbeddedCorpusIsValidatedLikeADirectory() {
        let files = ["achievements.jsonl": Array((CorpusFixture.achievements + "\n{\"id\":\"A-9\"}\n").utf8)]
        #expect { try CorpusLoader.loadValidated(files: files, name: "saved.index") } throws: { error in
            let description = (error as? DuijieError)?.description ?? ""
            return description.contains("saved.index") && description.contains("achievements.jsonl:")
        }
    }

    @Test func aGraphRestoredFromItsArraysIsTheSameGraph() {
        let graph = DemoRecommender.shared.recommender.graph.graph
        #expect(WeightedGraph(nodeCount: graph.nodeCount, offsets: graph.offsets, targets: graph.targets, weights: graph.weights) == graph)
        var unsorted = graph.targets
        let busy = (0..<graph.nodeCount).first { graph.offsets[$0 + 1] - graph.offsets[$0] >= 2 }!
        unsorted.swapAt(graph.offsets[busy], graph.offsets[busy] + 1)
        #expect(WeightedGraph(nodeCount: graph.nodeCount, offsets: graph.offsets, targets: unsorted, weights: graph.weights) == nil)
        var negative = graph.weights
        negative[0] = -1
        #expect(WeightedGraph(nodeCount: graph.nodeCount, offsets: graph.offsets, targets: graph.targets, weights: negative) == nil)
        #expect(WeightedGraph(nodeCount: graph.nodeCount + 1, offsets: graph.offsets, targets: graph.targets, weights: graph.weights) == nil)
    }
}
