import DuijieBase
@testable import DuijieCorpus
import DuijieGraph
@testable import DuijieRanking
import DuijieTestSupport
import DuijieText
import DuijieVectors
import Foundation
import Testing

@Suite struct RankingConfigurationTests {
    static let query = "废旧动力电池回收与梯次利用"

    /// The demo corpus ranked as plain documents, built once.
    static let documents: Recommender = {
        try! Recommender(corpus: DemoRecommender.shared.corpus, analyzer: try! TextResources.makeAnalyzer(), lsaDimensions: 32,
                         configuration: .documents)
    }()

    @Test func documentFeaturesAreTheScoresOfSeparatelyBuiltIndexes() throws {
        // The expected values come from indexes built on their own, outside the pipeline: a
        // TF-IDF matcher with LSA, a BM25 matcher (divided by its best score), and the corpus
        // graph walked from the 10 best TF-IDF matches (divided by its best score).
        let corpus = DemoRecommender.shared.corpus
        let analyzer = try TextResources.makeAnalyzer()
        let tfidf = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: 32))
        let bm25 = try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: .bm25(BM25Options()))
        let lexical = tfidf.scores(text: Self.query, semantic: false)
        let semantic = tfidf.scores(text: Self.query, semantic: true)
        let relevance = bm25.scores(text: Self.query, semantic: false)
        let bestRelevance = try #require(relevance.max())
        let graph = CorpusGraph(corpus: corpus, textNeighbors: tfidf.nearestNeighbors(k: 10))
        var seeds: [String: Double] = [:]
        for hit in TopKSelector.best(10, of: lexical) where hit.score > 0 { seeds[tfidf.documentIDs[Int(hit.index)]] = Double(hit.score) }
        let walk = try #require(graph.proximity(from: seeds, options: .init(tolerance: 1e-8)))
        let proximity = tfidf.documentIDs.map { Float(walk[graph.node(of: $0)!]) }
        let bestProximity = try #require(proximity.max())

        let candidates = Self.documents.candidates(QueryContext(text: Self.query), target: .achievement, filters: .init())
        #expect(candidates.count >= 50)
        for candidate in candidates {
            let row = try #require(tfidf.rowByID[candidate.id])
            let features = candidate.features
            #expect(abs(features.text - lexical[row]) < 1e-6)
            #expect(abs(features.bm25 - relevance[row] / bestRelevance) < 1e-6)
            #expect(abs(features.semantic - max(0, semantic[row])) < 1e-5)
            #expect(abs(features.graph - proximity[row] / bestProximity) < 1e-5)
            #expect(features.region == 0 && features.field == 0 && features.maturity == 0 && features.transferMode == 0 && features.budget == 0)
        }
    }

    @Test func theRecommenderConfigurationComputesNoBM25AndListsItsFeatures() {
        #expect(RankingConfiguration.recommender.features == [.text, .semantic, .graph, .region, .field, .maturity, .transferMode, .budget])
        #expect(RankingConfiguration.documents.features == [.text, .bm25, .semantic, .graph])
        let results = DemoRecommender.shared.recommender.recommend(demand: "D-1012", target: .achievement, top: 10) ?? []
        #expect(results.count == 10 && results.allSatisfy { $0.features.bm25 == 0 && $0.features.text > 0 })
    }

    @Test func theShortlistOfAWeightedDocumentRankingIsItsBestFusedScores() throws {
        // Independent of the pipeline's ordering code: fuse the candidates' features by hand
        // and sort (ties by candidate order, as candidates come in index order).
        let weights = RankingFeatures(text: 0.2, bm25: 0.3, semantic: 0.3, graph: 0.2)
        let candidates = Self.documents.candidates(QueryContext(text: Self.query), target: .achievement, filters: .init())
        let expected = candidates.enumerated()
            .map { (id: $0.element.id, score: 0.2 * $0.element.features.text + 0.3 * $0.element.features.bm25
                        + 0.3 * $0.element.features.semantic + 0.2 * $0.element.features.graph, order: $0.offset) }
            .sorted { ($0.score, -$0.order) > ($1.score, -$1.order) }.prefix(10).map(\.id)
        let shortlist = Self.documents.recommend(text: Self.query, target: .achievement, top: 10, weights: RecommendationWeights(weights))
        #expect(shortlist.map(\.id) == Array(expected))
        #expect(shortlist.allSatisfy { !$0.explanation.matchedTerms.isEmpty || $0.features.text == 0 })
    }

    @Test func aFieldGateScalesFieldAgreementByTheTextEvidence() throws {
        // The gated field feature is the ungated one × min(1, text / τ), computed here by hand
        // from the ungated recommender's candidates.
        let gate: Float = 0.2
        let gated = try Recommender(corpus: DemoRecommender.shared.corpus, analyzer: try TextResources.makeAnalyzer(), lsaDimensions: 64,
                                    configuration: RankingConfiguration(features: Set(RankingConfiguration.recommender.features),
                                                                        poolPerSource: 100, fieldGate: gate))
        let plain = DemoRecommender.shared.recommender
        let context = try #require(plain.context(for: "D-1012"))
        let expected = Dictionary(uniqueKeysWithValues: plain.candidates(context, target: .achievement, filters: .init()).map { ($0.id, $0.features) })
        let candidates = gated.candidates(try #require(gated.context(for: "D-1012")), target: .achievement, filters: .init())
        #expect(candidates.count == expected.count && candidates.contains { $0.features.text < gate && $0.features.field > 0 })
        for candidate in candidates {
            let before = try #require(expected[candidate.id])
            #expect(abs(candidate.features.field - before.field * min(1, before.text / gate)) < 1e-6)
            #expect(candidate.features.text == before.text && candidate.features.region == before.region)
        }
        #expect(gated.configuration != RankingConfiguration.recommender)
    }

    @Test func onlyTheRecommenderConfigurationIsSaved() {
        let directory = TemporaryDirectory()
        #expect {
            try RecommenderIndex.write(Self.documents, corpusDirectory: RepositoryFiles.demoCorpus, corpusFingerprint: "x",
                                       to: directory.path + "/documents.index")
        } throws: { ($0 as? DuijieError)?.message.contains("recommender configuration") ?? false }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/documents.index"))
    }

    @Test func documentWeightFilesRoundTripAndBadOnesNameTheField() throws {
        let directory = TemporaryDirectory()
        let weights = DocumentWeights(suite: "demo", weights: RecommendationWeights(RankingFeatures(text: 0.1, bm25: 0.55, graph: 0.35)),
                                      lsaDimensions: 64, fitting: .object([("folds", .number(5))]), crossValidatedNDCG: 0.9, testNDCG: 0.91,
                                      testTextOnlyNDCG: 0.88)
        let path = directory.write("w.json", weights.text)
        let read = try DocumentWeights.load(path)
        #expect(read.weights == weights.weights && read.lsaDimensions == 64 && read.testNDCG == 0.91 && read.suite == "demo")
        #expect(weights.text.contains(#""weights":{"text":0.1,"bm25":0.55,"semantic":0,"graph":0.35}"#))

        func message(_ text: String) -> String {
            let bad = directory.write("bad.json", text)
            do { _ = try DocumentWeights.load(bad); return "" } catch { return error.message }
        }
        let valid = weights.text
        #expect(message(valid.replacingOccurrences(of: #""bm25":0.55"#, with: #""bm25":"x""#)).hasSuffix("bad.json: weights.bm25 must be a non-negative number"))
        #expect(message(valid.replacingOccurrences(of: #""bm25":0.55"#, with: #""bm52":0.55"#)).contains("weights.bm52 is not a feature"))
        #expect(message(valid.replacingOccurrences(of: #""graph":0.35"#, with: #""graph":0.35,"region":0.1"#))
            .contains("weights.region: plain documents have no such feature"))
        #expect(message(valid.replacingOccurrences(of: #""lsaDimensions":64"#, with: #""lsaDimensions":0"#)).contains("lsaDimensions must be a whole number"))
        #expect(message("{}").contains("suite must be a string"))
        #expect(message("[1,").contains("not a JSON object"))
    }

    @Test func theRecommenderWeightsFileRejectsAnUnknownFeature() {
        let text = ShippedWeights.fileText.replacingOccurrences(of: #""budget":0.05"#, with: #""budgett":0.05"#)
        #expect { try WeightsFile(parsing: text, fileName: "w.json") } throws: {
            ($0 as? DuijieError)?.message.contains("w.json: targets[0]: weights.budgett is not a feature") ?? false
        }
    }
}

@Suite struct MatchedWordsTests {
    @Test func wordsAreCreditedWithTheScoringTermsInsideThem() {
        // By hand: 动力电池 holds 动力 (0.3), 电池 (0.2) and 池 (0.1) = 0.6; 储能 holds 储能 (0.4);
        // 电池 (0.3) lies inside 动力电池 and is not shown again; 用户 holds no scoring term.
        let scoring = [TextMatch.MatchedTerm(term: "储能", contribution: 0.4), .init(term: "动力", contribution: 0.3),
                       .init(term: "电池", contribution: 0.2), .init(term: "池", contribution: 0.1)]
        let ranked = MatchedWords.ranked(["动力电池", "电池", "储能", "用户"], scoring: scoring)
        #expect(ranked.map(\.term) == ["动力电池", "储能"])
        #expect(abs(ranked[0].contribution - 0.6) < 1e-6 && abs(ranked[1].contribution - 0.4) < 1e-6)
        #expect(MatchedWords.scoringTerms(scoring).map(\.term) == ["储能", "动力", "电池"])
    }

    @Test func theDemoShortlistExplainsInWords() throws {
        let corpus = DemoRecommender.shared.corpus
        let analyzer = try TextResources.makeAnalyzer()
        let recommender = try Recommender(corpus: corpus, analyzer: analyzer, sharedWords: try TextResources.sharedWords(for: analyzer))
        let results = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 10))
        let first = try #require(results.first { $0.id == "A-4003" })
        // D-1012 (废旧动力电池梯次利用于用户侧储能) and A-4003's text share 动力电池梯次利用 verbatim.
        #expect(first.explanation.matchedTerms.first?.term == "动力电池梯次利用")
        for result in results {
            let text = MatchedWords.text(of: result.id, corpus: corpus, profiles: ProfileSources(corpus: corpus)) ?? ""
            for term in result.explanation.matchedTerms {
                #expect(term.term.count >= 2 && analyzer.normalize(text).contains(term.term), "\(result.id): \(term.term)")
            }
        }
    }
}
