@testable import DuijieCorpus
@testable import DuijieEvaluation
@testable import DuijieGraph
import DuijieJSON
@testable import DuijieRanking
import DuijieTestSupport
@testable import DuijieText
@testable import DuijieVectors
import Foundation
import Testing

@Suite struct TextMatcherTests {
    let corpus: Corpus
    let analyzer: Analyzer

    init() throws {
        corpus = try CorpusLoader.loadValidated(RepositoryFiles.demoCorpus).corpus
        analyzer = try TextResources.makeAnalyzer()
    }

    @Test func scoresAreTheSumOfTheMatchedTermContributions() throws {
        let matcher = try TextMatcher(corpus: corpus, analyzer: analyzer)
        let results = matcher.match(text: "需要一种废旧锂电池回收技术，回收率≥95%", top: 5, explainedTerms: 1_000)
        #expect(results.count == 5)
        for result in results {
            let total = result.matchedTerms.reduce(Float(0)) { $0 + $1.contribution }
            #expect(abs(total - result.score) < 1e-5)
            #expect(result.matchedTerms.map(\.contribution) == result.matchedTerms.map(\.contribution).sorted(by: >))
        }
        #expect(zip(results, results.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func aMatcherWithoutItsDocumentMatrixRanksAndExplainsAlike() throws {
        let full = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: 32))
        let light = full.retainingPostingsOnly()
        #expect(full.terms.documents != nil && light.terms.documents == nil)
        for query in ["废旧锂电池回收", "海参养殖池塘溶解氧", "Li-ion battery recycling"] {
            for ranking in [TextRanking.lexical, .semantic, .fused(lexicalWeight: 0.6)] {
                #expect(light.match(text: query, top: 10, ranking: ranking, explainedTerms: 8) == full.match(text: query, top: 10, ranking: ranking, explainedTerms: 8))
            }
        }
        // Neighbours come from the postings (transposed back) when the documents are gone.
        let neighbors = { (matcher: TextMatcher) in matcher.nearestNeighbors(k: 5).map { $0.map(\.index) } }
        #expect(neighbors(light) == neighbors(full))
    }

    @Test func batchMatchingEqualsOneDemandAtATimeAcrossBlocks() throws {
        let matcher = try TextMatcher(corpus: corpus, analyzer: analyzer)
        // 20,000 demands (the demo's, repeated): three blocks of the batch.
        let demands = (0..<20_000).map { corpus.demands[$0 % corpus.demands.count] }
        let batch = matcher.match(demands: demands, top: 10, parallelism: Parallelism(threads: 2))
        #expect(batch.count == demands.count)
        for index in [0, 123, 8_191, 8_192, 16_500, 19_999] {
            let single = matcher.match(demand: demands[index], top: 10)
            #expect(batch[index].map { matcher.documentIDs[Int($0.index)] } == single.map(\.documentID), "demand \(index)")
            #expect(batch[index].map(\.score) == single.map(\.score), "demand \(index)")
        }
        let serial = matcher.match(demands: Array(demands.prefix(9_000)), top: 10, parallelism: .serial)
        #expect(serial.map { $0.map(\.index) } == batch.prefix(9_000).map { $0.map(\.index) })
    }

    @Test func rankingsAreIdenticalAcrossThreadCounts() throws {
        let serial = try TextMatcher(corpus: corpus, analyzer: analyzer, parallelism: .serial)
        let parallel = try TextMatcher(corpus: corpus, analyzer: analyzer, parallelism: Parallelism(threads: 4))
        #expect(serial.terms.documents == parallel.terms.documents && serial.terms.documents != nil)
        for demand in corpus.demands {
            #expect(serial.match(demand: demand, top: 10) == parallel.match(demand: demand, top: 10))
        }
    }

    @Test func mostJudgedDemandsFindARelevantAchievementInTheTopTen() throws {
        // A floor, not a target: the demo judgments (made by reading) should be reachable by
        // plain TF-IDF for most demands; a regression in analysis or weighting breaks this.
        let text = try String(contentsOfFile: RepositoryFiles.demoCorpus + "/qrels/demand-achievement.qrels", encoding: .utf8)
        let qrels = try Qrels(parsing: text)
        let matcher = try TextMatcher(corpus: corpus, analyzer: analyzer)
        var answerable = 0
        var found = 0
        for query in qrels.queryIDs where qrels.judgments[query]!.values.contains(where: { $0 > 0 }) {
            answerable += 1
            let ranked = matcher.match(demand: try #require(corpus.demand(query)), top: 10)
            if ranked.contains(where: { (qrels.grade(query: query, document: $0.documentID) ?? 0) > 0 }) { found += 1 }
        }
        #expect(answerable >= 100)
        #expect(Double(found) >= 0.8 * Double(answerable), "\(found) of \(answerable)")
    }

    @Test func textWithoutSearchableTermsMatchesNothing() throws {
        let matcher = try TextMatcher(corpus: corpus, analyzer: analyzer)
        #expect(matcher.match(text: "", top: 10).isEmpty)
        #expect(matcher.match(text: "本发明公开了一种，。！", top: 10).isEmpty)
        #expect(matcher.match(text: "qqqq zzzz", top: 10).isEmpty)
    }

    @Test func aTenMegabyteFieldLoadsAndMatches() throws {
        let directory = TemporaryDirectory()
        let huge = String(repeating: "退役锂电池梯次利用与回收，", count: 280_000)  // 10.9 MB of UTF-8
        #expect(huge.utf8.count > 10_000_000)
        let line = JSONWriter.string(.object([("id", .string("A-big")), ("title", .string("超长摘要")), ("abstract", .string(huge))]))
        directory.write("achievements.jsonl", line + "\n" + #"{"id":"A-small","title":"锂电池回收"}"# + "\n")
        let corpus = try CorpusLoader.loadValidated(directory.path).corpus
        let results = try TextMatcher(corpus: corpus, analyzer: analyzer).match(text: "锂电池回收", top: 5)
        #expect(results.map(\.documentID).sorted() == ["A-big", "A-small"])
        #expect(results.allSatisfy { $0.score.isFinite && $0.score > 0 })
    }

    @Test func bm25RanksByScore() throws {
        let matcher = try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: .bm25(BM25Options()))
        let results = matcher.match(text: "海参 溶解氧", top: 10)
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { $0.score > 0 && $0.score.isFinite })
    }
}

@Suite struct SemanticMatchingTests {
    @Test func fusedScoresAreTheWeightedSumOfLexicalAndSemanticScores() throws {
        let corpus = try CorpusLoader.loadValidated(RepositoryFiles.demoCorpus).corpus
        let matcher = try TextMatcher(corpus: corpus, analyzer: try TextResources.makeAnalyzer(), semantic: RandomizedSVD.Options(rank: 32))
        let text = "退役动力电池快速分选与梯次利用"
        let lexical = Dictionary(uniqueKeysWithValues: matcher.match(text: text, top: 208, ranking: .lexical).map { ($0.documentID, $0.score) })
        let semantic = Dictionary(uniqueKeysWithValues: matcher.match(text: text, top: 208, ranking: .semantic).map { ($0.documentID, $0.score) })
        let fused = matcher.match(text: text, top: 10, ranking: .fused(lexicalWeight: 0.7))
        #expect(fused.count == 10)
        for hit in fused {
            let expected = 0.7 * (lexical[hit.documentID] ?? 0) + 0.3 * (semantic[hit.documentID] ?? 0)
            #expect(abs(hit.score - expected) < 1e-5)
        }
        // Cosines in the LSA space are at most 1.
        #expect(semantic.values.allSatisfy { $0 <= 1.0001 })
        #expect(matcher.match(text: "qqqq", top: 5, ranking: .semantic).isEmpty)
    }
}
