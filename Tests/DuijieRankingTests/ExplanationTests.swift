import DuijieBase
@testable import DuijieCorpus
@testable import DuijieRanking
import DuijieTestSupport
import Foundation
import Testing

@Suite struct ExplanationTests {
    var corpus: Corpus { DemoRecommender.shared.corpus }
    var recommender: Recommender { DemoRecommender.shared.recommender }

    /// Whether the corpus's own records link `a` and `b` (either way): ownership, inventorship,
    /// affiliation, posting, a relation, or a record's field. Read from the records, not the graph.
    func isCorpusLink(_ a: String, _ b: String) -> Bool {
        func oneWay(_ x: String, _ y: String) -> Bool {
            if let achievement = corpus.achievement(x) {
                return achievement.owner == y || achievement.inventors.contains(y) || achievement.fields.contains(y)
            }
            if let expert = corpus.expert(x) { return expert.institution == y || expert.fields.contains(y) }
            if let demand = corpus.demand(x) { return demand.enterprise == y || demand.fields.contains(y) }
            if let institution = corpus.institution(x) { return institution.fields.contains(y) }
            if let enterprise = corpus.enterprise(x) { return enterprise.fields.contains(y) }
            return false
        }
        return oneWay(a, b) || oneWay(b, a) || corpus.relations.contains { ($0.from == a && $0.to == b) || ($0.from == b && $0.to == a) }
    }

    @Test func everyShownPathStepsThroughRealLinksAndNoRegion() throws {
        var paths = 0
        for demand in corpus.demands.prefix(40) {
            for target in [RecommendationTarget.achievement, .expert, .institution] {
                for result in recommender.recommend(demand: demand.id, target: target, top: 10) ?? [] {
                    guard let path = result.explanation.path else { continue }
                    paths += 1
                    #expect(path.first == demand.id && path.last == result.id && path.count <= 5)
                    #expect(!path.contains { corpus.kind(of: $0) == .region }, "\(path)")
                    for (a, b) in zip(path, path.dropFirst()) { #expect(isCorpusLink(a, b), "\(a) → \(b) in \(path)") }
                    #expect(recommender.corpusGraph.strength(of: path) >= CorpusGraph.minimumPathStrength)
                }
            }
        }
        #expect(paths > 300)  // most results still have a path (2,087 of 2,480 on the whole demo)
    }

    @Test func aResultWithoutAPathHasNoStrongPathThroughContent() throws {
        // Without a shown path, the strongest unrestricted path (if any) goes through a region,
        // a text-similarity link between achievements or a field-taxonomy link, or is weak.
        let results = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 30))
        let graph = recommender.corpusGraph
        let withoutPath = results.filter { $0.explanation.path == nil }
        #expect(!withoutPath.isEmpty)
        for result in withoutPath {
            guard let strongest = graph.path(from: "D-1012", to: result.id, maximumHops: 4) else { continue }
            let kinds: [RecordKind?] = strongest.map { corpus.kind(of: $0) }
            var excludedLink = false
            for (a, b) in zip(kinds, kinds.dropFirst() ) where a == b && (a == .achievement || a == .field) { excludedLink = true }
            let weak = graph.strength(of: strongest) < CorpusGraph.minimumPathStrength
            #expect(kinds.contains(.region) || excludedLink || weak, "\(strongest)")
        }
    }

    @Test func reasonsSayWhatTheMetadataSaysAndOnlyWhereItApplies() throws {
        let results = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 10))
        let demand = try #require(corpus.demand("D-1012"))
        for result in results {
            let achievement = try #require(corpus.achievement(result.id))
            let reasons = result.explanation.reasons
            if let budget = demand.budget, let price = achievement.price {
                #expect(reasons.contains(.budget(budget: budget, price: price)))
            }
            if let required = demand.minMaturity, let offered = achievement.maturity {
                #expect(reasons.contains(.maturity(required: required.stage, offered: offered.stage)))
            }
            #expect(result.explanation.applicableFeatures.contains(.budget))
        }
        // For experts, maturity, transfer modes and budget say nothing: not shown, no such reason.
        let experts = try #require(recommender.recommend(demand: "D-1012", target: .expert, top: 10))
        for result in experts {
            #expect(result.explanation.applicableFeatures == [.text, .semantic, .graph, .region, .field])
            #expect(!result.explanation.reasons.contains { if case .budget = $0 { true } else if case .maturity = $0 { true } else { false } })
        }
        // Free text: no region or field to compare.
        let free = recommender.recommend(text: "海参养殖池塘溶解氧", target: .achievement, top: 5)
        #expect(free.allSatisfy { $0.explanation.applicableFeatures == [.text, .semantic, .graph] })
    }

    @Test func sentencesReadAsABrokerWouldSayThem() {
        // Expected sentences written by hand from the examples.
        #expect(Reason.budget(budget: 50, price: 120).sentence(chinese: true) == "需求预算 50 万元，成果报价 120 万元（超出预算）")
        #expect(Reason.budget(budget: 100, price: 120).sentence(chinese: true) == "需求预算 100 万元，成果报价 120 万元（略超预算）")
        #expect(Reason.budget(budget: 80, price: 12.5).sentence(chinese: false) == "budget 80 and asking price 12.5 (10k CNY): within budget")
        #expect(Reason.maturity(required: .pilot, offered: .industrialization).sentence(chinese: true) == "需求要求中试以上，成果处于产业化阶段")
        #expect(Reason.maturity(required: .maturation, offered: .lab).sentence(chinese: true) == "需求要求熟化以上，成果处于实验室阶段（未达到）")
        #expect(Reason.fields(shared: ["集成电路（芯片）"], related: []).sentence(chinese: true) == "同属 集成电路（芯片）")
        #expect(Reason.region(.sameCity, name: "大连市").sentence(chinese: true) == "同城（大连市）")
        #expect(Reason.transferModes(wanted: [.assignment], offered: [.licence]).sentence(chinese: true) == "转化方式不同：需求要转让，成果提供许可")
        #expect(Reason.transferModes(wanted: [.licence, .equity], offered: [.licence]).sentence(chinese: false) == "transfer modes agree: licence")
    }

    @Test func aWeakMatchIsFlaggedAndMinimumScoreDropsResults() throws {
        let results = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 40))
        for result in results {
            let weak = result.features.text < Recommender.weakMatchText && result.features.semantic < Recommender.weakMatchSemantic
            #expect(result.explanation.reasons.contains(.weakMatch) == weak)
        }
        #expect(results.contains { $0.explanation.reasons.contains(.weakMatch) })
        var filters = RecommendationFilters()
        filters.minimumScore = 0.4
        let kept = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 40, filters: filters))
        #expect(kept.map(\.id) == results.filter { $0.score >= 0.4 }.map(\.id))
        #expect(!kept.isEmpty && kept.count < results.count)
    }
}
