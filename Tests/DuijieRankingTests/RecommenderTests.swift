@testable import DuijieCorpus
@testable import DuijieEvaluation
@testable import DuijieGraph
@testable import DuijieRanking
import DuijieTestSupport
@testable import DuijieText
@testable import DuijieVectors
import Foundation
import Testing

@Suite struct RecommenderTests {
    var corpus: Corpus { DemoRecommender.shared.corpus }
    var recommender: Recommender { DemoRecommender.shared.recommender }

    @Test(arguments: [(RecordKind.demand, RecommendationTarget.achievement), (.demand, .expert), (.demand, .institution),
                      (.achievement, .demand), (.achievement, .enterprise)])
    func theShippedWeightsAreWhatCrossValidationFitsAndBeatTextAlone(source: RecordKind, target: RecommendationTarget) throws {
        func read(_ name: String) throws -> Qrels {
            try Qrels(parsing: String(contentsOfFile: RepositoryFiles.demoCorpus + "/qrels/" + name, encoding: .utf8))
        }
        let qrels = try #require(RecommenderTuning.judgments(source: source, target: target, achievements: try read("demand-achievement.qrels"),
                                                             experts: try read("demand-expert.qrels"), corpus: corpus))
        let shipped = try #require(ShippedWeights.file.entry(for: target))
        // The file records the options it was fitted with; fitting again with them gives it back.
        #expect(shipped.source == source.rawValue)
        let folds = try #require(ShippedWeights.file.fitting["folds"].flatMap { if case .number(let n) = $0 { Int(n) } else { nil } })
        let seed = try #require(ShippedWeights.file.fitting["seed"].flatMap { if case .number(let n) = $0 { UInt64(n) } else { nil } })
        let result = RecommenderTuning.crossValidate(recommender, qrels: qrels, target: target, folds: folds, seed: seed)
        #expect(result.weights == shipped.weights)
        #expect(result.heldOutNDCG == shipped.crossValidatedNDCG && result.textOnlyNDCG == shipped.textOnlyNDCG && result.queries == shipped.queries)
        #expect(result.queries > 100)
        #expect(result.heldOutNDCG > result.textOnlyNDCG + 0.02, "\(result.heldOutNDCG) vs \(result.textOnlyNDCG)")
    }

    @Test func theCompiledInWeightsAreTheWeightsFile() throws {
        let file = try String(contentsOfFile: RepositoryFiles.path("Corpus/weights/recommender.json"), encoding: .utf8)
        #expect(file == ShippedWeights.fileText)
        #expect(try WeightsFile(parsing: file, fileName: "recommender.json").text == file)  // the writer writes what the reader reads
    }

    @Test func badWeightsFilesNameTheFieldAtFault() {
        func error(_ text: String) -> String {
            do { _ = try WeightsFile(parsing: text, fileName: "w.json"); return "" } catch { return error.description }
        }
        let entry = #"{"source":"demand","target":"achievement","weights":{"text":1,"semantic":0,"graph":0,"region":0,"field":0,"maturity":0,"transferMode":0,"budget":0},"crossValidatedNDCG10":0.9,"textOnlyNDCG10":0.8,"queries":10}"#
        #expect(error("[]").contains("w.json: expected an object"))
        #expect(error(#"{"fitting":{},"targets":[\#(entry)]}"#).contains("w.json: no weights for target expert"))
        #expect(error(#"{"fitting":{},"targets":[\#(entry.replacingOccurrences(of: #""field":0"#, with: #""field":-1"#))]}"#)
                    .contains("targets[0]: weights.field must be a non-negative number"))
        #expect(error(#"{"fitting":{},"targets":[\#(entry.replacingOccurrences(of: #""target":"achievement""#, with: #""target":"robot""#))]}"#)
                    .contains("targets[0]: target must be one of"))
    }

    @Test func filtersKeepOnlyWhatTheyAllow() throws {
        var filters = RecommendationFilters()
        filters.regions = ["R-LN"]
        filters.minimumMaturity = Maturity(stage: .pilot)
        filters.transferModes = [.licence]
        let results = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 20, filters: filters))
        #expect(!results.isEmpty)
        for result in results {
            let achievement = try #require(corpus.achievement(result.id))
            #expect(RegionRelation.ancestors(achievement.region ?? "", corpus).contains("R-LN"))
            #expect(achievement.maturity.map { $0.stage >= .pilot } == true)
            #expect(achievement.transferModes.contains(.licence))
        }
        var diverse = RecommendationFilters()
        diverse.maximumPerInstitution = 1
        let spread = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 10, filters: diverse))
        let owners = spread.compactMap { corpus.achievement($0.id)?.owner }
        #expect(Set(owners).count == owners.count)
        var fields = RecommendationFilters()
        fields.fields = ["F-EN"]  // the new-energy group: its sub-fields (储能, 锂电池正极材料 …) count
        for result in try #require(recommender.recommend(demand: "D-1012", target: .expert, top: 10, filters: fields)) {
            let expertFields = corpus.expert(result.id)?.fields ?? []
            #expect(expertFields.contains { $0 == "F-EN" || corpus.field($0)?.parent == "F-EN" })
        }
    }

    @Test func maximalMarginalRelevanceSpreadsTheShortlist() throws {
        let plain = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 8))
        var filters = RecommendationFilters()
        filters.diversityLambda = 1
        #expect(try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 8, filters: filters)).map(\.id) == plain.map(\.id))
        filters.diversityLambda = 0.3
        let spread = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 8, filters: filters))
        #expect(spread.first?.id == plain.first?.id)  // nothing picked yet: the best comes first
        // Mean pairwise LSA cosine of the shortlist drops when diversifying.
        let model = try #require(recommender.matchers[.achievement]?.semanticModel)
        let rows = Dictionary(uniqueKeysWithValues: recommender.matchers[.achievement]!.documentIDs.enumerated().map { ($1, $0) })
        func meanSimilarity(_ list: [Recommendation]) -> Float {
            var total: Float = 0
            var pairs: Float = 0
            for i in list.indices { for j in list.indices where j > i {
                total += zip(model.documentVectors.row(rows[list[i].id]!), model.documentVectors.row(rows[list[j].id]!)).reduce(0) { $0 + $1.0 * $1.1 }
                pairs += 1
            } }
            return total / pairs
        }
        #expect(meanSimilarity(spread) < meanSimilarity(plain))
    }

    @Test func resultsAreExplainedAndDeterministic() throws {
        let first = try #require(recommender.recommend(demand: "D-1012", target: .expert, top: 5))
        let again = try #require(recommender.recommend(demand: "D-1012", target: .expert, top: 5))
        #expect(first.map(\.id) == again.map(\.id) && first.map(\.score) == again.map(\.score))
        for result in first {
            #expect(result.features.values.count == RankingFeatures.Name.allCases.count)
            #expect(result.features.values.allSatisfy { (0...1.0001).contains($0) })
            if let path = result.explanation.path { #expect(path.first == "D-1012" && path.last == result.id) }
        }
        #expect(zip(first, first.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(recommender.recommend(demand: "D-0000", target: .achievement, top: 5) == nil)
        #expect(recommender.recommend(for: "F-IC", target: .achievement, top: 5) == nil)  // a field is no source
        // The reverse direction: for an achievement, the demands that could use it, from the enterprises that posted them.
        let demands = try #require(recommender.recommend(for: "A-4003", target: .demand, top: 5))
        #expect(demands.count == 5 && demands.allSatisfy { corpus.kind(of: $0.id) == .demand })
        #expect(demands.map(\.id).contains("D-1012"))  // judged grade 3 for A-4003 in the cross-sector pass
        #expect(!recommender.recommend(text: "海参养殖池塘溶解氧", target: .achievement, top: 5).isEmpty)
    }

    @Test func regionRelationsFollowTheTaxonomyAndPairings() {
        #expect(RegionRelation("R-LN-DL-JP", "R-LN-DL-DSH", in: corpus) == .sameDistrict)  // a park inside 金普新区
        #expect(RegionRelation("R-LN-DL-JP", "R-LN-DL-GX", in: corpus) == .sameCity)
        #expect(RegionRelation("R-LN-DL", "R-LN-SY", in: corpus) == .sameProvince)
        #expect(RegionRelation("R-LN-DL-GX", "R-SH", in: corpus) == .paired)  // 大连–上海
        #expect(RegionRelation("R-JS-SZ", "R-ZJ-HZ", in: corpus) == .sameBloc)  // 长三角
        #expect(RegionRelation("R-SC-CD", "R-HL-HEB", in: corpus) == .other)
        #expect(RegionRelation(nil, "R-LN", in: corpus) == .unknown)
    }

    @Test func metadataFitScores() {
        #expect(MetadataFit.fields(["F-STOR"], ["F-STOR"], in: corpus) == 1)
        #expect(MetadataFit.fields(["F-STOR"], ["F-EN"], in: corpus) == 0.75)   // parent
        #expect(MetadataFit.fields(["F-STOR"], ["F-LIB"], in: corpus) == 0.5)   // sibling
        #expect(MetadataFit.fields(["F-STOR", "F-AI"], ["F-STOR"], in: corpus) == 0.5)
        #expect(MetadataFit.maturity(required: Maturity(stage: .pilot), offered: Maturity(technologyReadinessLevel: 3)) == 0)
        #expect(MetadataFit.transferModes([.licence], [.assignment, .licence]) == 1)
        #expect(MetadataFit.budget(100, price: 140) == 0.5 && MetadataFit.budget(100, price: 200) == 0)
    }
}
