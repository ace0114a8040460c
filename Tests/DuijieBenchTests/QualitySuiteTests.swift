@testable import DuijieBench
@testable import DuijieCorpus
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
          arguments: ["csl-known-item", "csl-topical", "csl-keyword", "csl-problem", "patent-keyphrase", "patent-related", "nsfc-expert"])
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
        // NSSF's disciplines are fields: of the leaders (their other projects') and of the queries.
        #expect(suite.corpus.fields.count > 10 && suite.corpus.fields.allSatisfy { $0.id.hasPrefix("DSC-") })
        #expect(leaders.contains { !$0.fields.isEmpty } && leaders.allSatisfy { $0.fields.allSatisfy { suite.corpus.field($0) != nil } })
        #expect(suite.queries.allSatisfy { $0.fields.allSatisfy { suite.corpus.field($0) != nil } })
    }

    @Test(.enabled(if: RepositoryFiles.hasDatasets, RepositoryFiles.datasetsAbsent))
    func problemStatementsJudgePapersByTheAuthorKeywordsTheyShare() throws {
        let suite = try QualitySuite.load("csl-problem", datasets: RepositoryFiles.datasets, queryCount: 12, seed: 8)
        // Independently of the suite: read the TSV here and count shared keywords (2+ characters).
        let lines = try String(contentsOfFile: RepositoryFiles.datasets + "/csl/csl_sample.tsv", encoding: .utf8)
            .split(whereSeparator: \.isNewline).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let keywords = lines.map { Set($0[2].split(separator: "_").map(String.init).filter { $0.count >= 2 }) }
        #expect(suite.queries.count == 12)
        for query in suite.queries {
            let index = try #require(Int(query.id.dropFirst(2)))
            #expect(query.text == lines[index][1] && query.excludedDocument == "csl-\(index)")
            var expected: [String: Int] = [:]
            for (other, words) in keywords.enumerated() where other != index {
                let shared = words.intersection(keywords[index]).count
                if shared > 0 { expected["csl-\(other)"] = min(3, shared) }
            }
            #expect(!expected.isEmpty && suite.qrels.judgments[query.id] == expected, "\(query.id)")
        }
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

    @Test func tuningCrossValidatesWeightsOnTheGridOfTheComputedFeatures() throws {
        let suite = try QualitySuite.load("demo", datasets: RepositoryFiles.datasets, demoCorpus: RepositoryFiles.demoCorpus)
        let configuration = RankingConfiguration(features: [.text, .bm25, .semantic], poolPerSource: 200)
        let recommender = try Recommender(corpus: suite.corpus, analyzer: try TextResources.makeAnalyzer(), lsaDimensions: 32,
                                          configuration: configuration)
        let result = SuiteTuning.tune(suite, recommender: recommender)
        let weights = result.crossValidation.weights.features
        #expect(weights.graph == 0 && weights.region == 0 && weights.field == 0)
        #expect(weights.values.allSatisfy { ($0 * 20).rounded() == $0 * 20 }, "\(weights)")  // the 0.05 grid
        #expect(abs(weights.values.reduce(0, +) - 1) <= 0.1)  // each fold's weights sum to 1; rounding moves the sum a little
        #expect(result.crossValidation.queries == suite.queries(.tune).filter { suite.qrels.judgments[$0.id]?.values.contains { $0 > 0 } ?? false }.count)
        #expect(result.testNDCGByFeature.map(\.feature) == [.text, .bm25, .semantic])
        // The test score of the fitted weights, recomputed from the test half's candidates.
        let testQueries = suite.tuningQueries(.test)
        let test = DocumentTuning.judged(testQueries, recommender: recommender, qrels: suite.qrels, parallelism: .automatic)
        #expect(abs(test.meanNDCG(weights) - result.testNDCG) < 1e-12)
        let again = SuiteTuning.tune(suite, recommender: recommender, parallelism: Parallelism(threads: 1))
        #expect(again.crossValidation.weights == result.crossValidation.weights && again.testNDCG == result.testNDCG)  // deterministic
    }
}
