import DuijieBase
@testable import DuijieCorpus
@testable import DuijieRanking
import DuijieTestSupport
import DuijieText
import Foundation
import Testing

@Suite struct ExpandedDocumentsTests {
    static let query = "废旧动力电池回收与梯次利用"

    @Test func theExpandedQueryAndWordFeaturesAreTheScoresOfSeparatelyBuiltIndexes() throws {
        // Expected values from indexes built outside the pipeline: a BM25 matcher's RM3 scores
        // and a dictionary-tokenizer BM25 matcher's scores, each divided by its best.
        let corpus = DemoRecommender.shared.corpus
        let analyzer = try TextResources.makeAnalyzer()
        let bm25 = try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: .bm25(BM25Options()))
        let words = try TextMatcher(corpus: corpus, analyzer: try TextResources.makeAnalyzer(options: AnalyzerOptions(mode: .dictionary)),
                                    weighting: .bm25(BM25Options()))
        let expanded = bm25.feedbackScores(text: Self.query)
        let wordScores = words.scores(text: Self.query, semantic: false)
        let bestExpanded = try #require(expanded.max())
        let bestWords = try #require(wordScores.max())
        let pipeline = try Recommender(corpus: corpus, analyzer: analyzer, lsaDimensions: 32, configuration: .expandedDocuments)
        let candidates = pipeline.candidates(QueryContext(text: Self.query), target: .achievement, filters: .init())
        #expect(candidates.count >= 50)
        #expect(candidates.contains { $0.features.feedback == 1 } && candidates.contains { $0.features.words == 1 })
        for candidate in candidates {
            let row = try #require(bm25.rowByID[candidate.id])
            #expect(abs(candidate.features.feedback - max(0, expanded[row]) / bestExpanded) < 1e-6)
            #expect(abs(candidate.features.words - max(0, wordScores[row]) / bestWords) < 1e-6)
        }
        // The other configurations compute neither.
        let plain = try Recommender(corpus: corpus, analyzer: analyzer, lsaDimensions: 32, configuration: .documents)
        #expect(plain.candidates(QueryContext(text: Self.query), target: .achievement, filters: .init())
            .allSatisfy { $0.features.feedback == 0 && $0.features.words == 0 })
        #expect(!RankingConfiguration.recommender.computes(.feedback) && !RankingConfiguration.recommender.computes(.words))
    }

    @Test func theCompiledInGeneralWeightsAreTheWeightsFile() throws {
        let file = try String(contentsOfFile: RepositoryFiles.path("Corpus/weights/general.json"), encoding: .utf8)
        #expect(file == DocumentWeights.generalFileText)
        let parsed = try DocumentWeights(parsing: file, fileName: "general.json")
        #expect(parsed.text == file)  // the writer writes what the reader reads
        #expect(parsed.suite == "all" && parsed.lsaDimensions == 256)
        let total = parsed.weights.features.values.reduce(0, +)
        #expect(abs(total - 1) < 0.03, "weights fitted summing to 1, rounded to 0.01: \(total)")
        #expect(parsed.configuration == (parsed.weights.features.feedback > 0 || parsed.weights.features.words > 0 ? .expandedDocuments : .documents))
    }

    @Test func aWeightsFileNamingAMetadataFeatureIsRefused() {
        let text = DocumentWeights.generalFileText.replacingOccurrences(of: #""text":"#, with: #""region":0.5,"text":"#)
        #expect(throws: DuijieError.self) { try DocumentWeights(parsing: text, fileName: "bad.json") }
    }
}
