import DuijieBase
@testable import DuijieBench
@testable import DuijieCorpus
import DuijieJSON
@testable import DuijieRanking
import DuijieTestSupport
@testable import DuijieVectors
import Foundation
import Testing

@Suite struct QualitySuiteTests {
    @Test func tuneAndTestPartsSplitTheQueriesInHalfWithoutOverlap() throws {
        let suite = try QualitySuite.load("demo", datasets: RepositoryFiles.datasets, demoCorpus: RepositoryFiles.demoCorpus)
        let tune = Set(suite.queries(.tune).map(\.id))
        let test = Set(suite.queries(.test).map(\.id))
        #expect(tune.isDisjoint(with: test) && tune.union(test).count == suite.queries.count)
        #expect(abs(tune.count - test.count) <= 1)
        #expect(suite.qrels(.test).queryIDs.allSatisfy(test.contains))
    }

    @Test(.enabled(if: RepositoryFiles.hasDatasets, RepositoryFiles.datasetsAbsent),
          arguments: ["csl-known-item", "csl-topical", "csl-keyword", "patent-keyphrase", "patent-related", "nsfc-expert"])
    func realDataSuitesBuildJudgedQueries(name: String) throws {
        let suite = try QualitySuite.load(name, datasets: RepositoryFiles.datasets, queryCount: 20, seed: 3)
        #expect(suite.queries.count >= 15 && suite.queries.count <= 20)
        #expect(suite.corpus.achievements.count > 2_000)
        for query in suite.queries {
            let judged = suite.qrels.judgments[query.id] ?? [:]
            #expect(judged.values.contains { $0 > 0 }, "\(name) \(query.id)")
            #expect(judged.keys.allSatisfy { suite.corpus.kind(of: $0) == .achievement })
            #expect(!(query.text ?? "").isEmpty)
            if let excluded = query.excludedDocument { #expect(judged[excluded] == nil) }
        }
    }

    @Test(.enabled(if: RepositoryFiles.hasDatasets, RepositoryFiles.datasetsAbsent))
    func expertLeadersAreLinkedToInstitutionsAndProvinces() throws {
        let suite = try QualitySuite.load("nsfc-expert", datasets: RepositoryFiles.datasets, queryCount: 10, seed: 5)
        #expect(suite.corpus.institutions.count > 1_000 && suite.corpus.regions.count >= 30)
        let leaders = suite.corpus.achievements
        // A few source rows leave the institution cell empty (15 leaders); all others are owned.
        #expect(leaders.filter { $0.owner == nil }.count < 50)
        #expect(leaders.filter { $0.region != nil }.count > leaders.count / 2)  // NSSF rows give provinces
        let graph = CorpusGraph(corpus: suite.corpus)
        let first = try #require(leaders.first { $0.owner != nil })
        #expect(graph.path(from: first.id, to: first.owner!, maximumHops: 1) == [first.id, first.owner!])
    }

    @Test(.enabled(if: RepositoryFiles.hasDatasets, RepositoryFiles.datasetsAbsent))
    func hiddenPhrasesDisappearFromTheIndexedText() throws {
        let suite = try QualitySuite.load("patent-keyphrase", datasets: RepositoryFiles.datasets, queryCount: 30, seed: 4)
        for query in suite.queries {
            let phrase = try #require(query.text)
            #expect(!suite.corpus.achievements.contains { ($0.abstract ?? "").contains(phrase) }, "\(phrase)")
        }
        let hider = QualitySuite.PhraseHider(["锂电池", "锂电"])
        #expect(hider.hide(in: "退役锂电池与锂电材料") == "退役 与 材料")
    }

    @Test func weightFilesRoundTripAndBadOnesAreReported() throws {
        let directory = TemporaryDirectory()
        let weights = FusionWeights(tfidf: 0.5, bm25: 0.25, lsa: 0.25, lsaDimensions: 64)
        let path = directory.write("w.json", JSONWriter.string(.object([("weights", weights.jsonValue)])))
        #expect(try FusionWeights.load(path) == weights)
        let bad = directory.write("bad.json", #"{"tfidf":0.5,"bm25":"x","lsa":0,"lsaDimensions":8}"#)
        #expect { try FusionWeights.load(bad) } throws: { ($0 as? DuijieError)?.message.contains("bm25 must be a number") ?? false }
    }

    @Test func tuningFindsWeightsAtLeastAsGoodAsItsStartOnTheTuningQueries() throws {
        let suite = try QualitySuite.load("demo", datasets: RepositoryFiles.datasets, demoCorpus: RepositoryFiles.demoCorpus)
        let matcher = try FusedMatcher(corpus: suite.corpus, analyzer: try TextResources.makeAnalyzer(), lsaDimensions: 32)
        let candidates = FusionTuning.candidates(suite, part: .tune, matcher: matcher, parallelism: .automatic)
        let start = FusionTuning.score(candidates, [1.0 / 3, 1.0 / 3, 1.0 / 3], suite.qrels)
        #expect(matcher.graph == nil && candidates.allSatisfy { $0.features.allSatisfy { $0.count == 3 } })
        let result = FusionTuning.tune(suite, matcher: matcher)
        #expect(result.tuneNDCG >= start)
        let sum = result.weights.tfidf + result.weights.bm25 + result.weights.lsa + result.weights.graph
        #expect(abs(sum - 1) < 1e-5 && result.weights.lsaDimensions == 32)
        #expect(FusionTuning.tune(suite, matcher: matcher).weights == result.weights)  // deterministic
    }
}
