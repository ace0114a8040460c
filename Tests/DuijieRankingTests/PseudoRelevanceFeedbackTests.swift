@testable import DuijieCorpus
@testable import DuijieRanking
@testable import DuijieText
import Testing

@Suite struct PseudoRelevanceFeedbackTests {
    let matcher: TextMatcher

    init() throws {
        let corpus = Corpus(achievements: [
            Achievement(id: "A", title: "锂电池回收", abstract: "退役锂电池梯次利用与回收"),
            Achievement(id: "B", title: "锂电池隔膜", abstract: "锂电池隔膜涂覆"),
            Achievement(id: "C", title: "梯次利用储能", abstract: "梯次利用电池储能系统"),
            Achievement(id: "D", title: "水产品加工", abstract: "海参加工工艺"),
        ])
        matcher = try TextMatcher(corpus: corpus, analyzer: try TextResources.makeAnalyzer(), weighting: .bm25(BM25Options()))
    }

    private func term(_ text: String) throws -> Int32 {
        Int32(try #require(matcher.terms.statistics.terms.firstIndex(of: text)))
    }

    @Test func feedbackFindsADocumentThatSharesNoQueryTermThroughTheTopDocuments() throws {
        // "回收" occurs only in A; A also says 梯次利用, which C is about. Plain BM25 gives C
        // nothing; the expanded query reaches it through A's terms, and never reaches D.
        let plain = matcher.scores(text: "回收", semantic: false)
        let expanded = matcher.feedbackScores(text: "回收", options: FeedbackOptions(documents: 1, terms: 30))
        #expect(plain[0] > 0 && plain[2] == 0 && plain[3] == 0)
        #expect(expanded[2] > 0 && expanded[3] == 0)
        #expect(expanded[0] > expanded[2])
    }

    @Test func theExpandedQueryMixesTheNormalizedQueryWithTheNormalizedExpansion() throws {
        let options = FeedbackOptions(documents: 2, terms: 5, originalWeight: 0.3)
        let expanded = matcher.expandedQueryVector(text: "锂电池回收", options: options)
        // λ × (query weights / their sum) + (1 − λ) × (expansion / its sum): the total is λ + (1 − λ) = 1.
        #expect(abs(expanded.reduce(Float(0)) { $0 + $1.weight } - 1) < 1e-5)
        #expect(expanded.map(\.term) == expanded.map(\.term).sorted())
        let query = matcher.terms.queryVector(AnalyzedDocument(terms: matcher.analyzer.terms("锂电池回收")))
        #expect(Set(query.map(\.term)).isSubset(of: Set(expanded.map(\.term))))
        // At most 5 expansion terms outside the query.
        #expect(expanded.count <= query.count + 5)
        #expect(!expanded.contains { $0.term == (try? term("海参")) })
    }

    @Test func oneFeedbackDocumentAndOneTermGiveTheDocumentsHeaviestTermHalfTheWeight() throws {
        // Hand calculation: with one feedback document the relevance model is that document's
        // weight vector scaled to sum to 1; its single largest entry, rescaled to 1, gets
        // (1 − λ) = 0.5. "水产品" matches only D, so the expansion term is D's heaviest term.
        let options = FeedbackOptions(documents: 1, terms: 1, originalWeight: 0.5)
        let expanded = matcher.expandedQueryVector(text: "海参", options: options)
        let documents = try #require(matcher.terms.documents)
        let row = documents.row(3)
        let heaviest = try #require(row.max { ($0.value, $1.column) < ($1.value, $0.column) })
        let query = matcher.terms.queryVector(AnalyzedDocument(terms: matcher.analyzer.terms("海参")))
        let inQuery = query.contains { $0.term == heaviest.column }
        let weight = try #require(expanded.first { $0.term == heaviest.column }?.weight)
        let queryShare = query.filter { $0.term == heaviest.column }.reduce(Float(0)) { $0 + $1.weight } / query.reduce(Float(0)) { $0 + $1.weight }
        #expect(abs(weight - (0.5 + (inQuery ? 0.5 * queryShare : 0))) < 1e-6)
    }

    @Test func withoutExpansionTermsOrWithAnUnknownQueryTheQueryStaysAsItIs() throws {
        let query = matcher.terms.queryVector(AnalyzedDocument(terms: matcher.analyzer.terms("锂电池")))
        let unchanged = matcher.expandedQueryVector(text: "锂电池", options: FeedbackOptions(terms: 0))
        #expect(unchanged.map(\.term) == query.map(\.term) && unchanged.map(\.weight) == query.map(\.weight))
        #expect(matcher.expandedQueryVector(text: "量子计算", options: FeedbackOptions()).isEmpty)
        #expect(matcher.feedbackScores(text: "量子计算").allSatisfy { $0 == 0 })
    }

    @Test func theSameQueryExpandsToTheSameBitsEveryTime() {
        let first = matcher.feedbackScores(text: "锂电池回收梯次利用")
        for _ in 0..<5 { #expect(matcher.feedbackScores(text: "锂电池回收梯次利用") == first) }
    }
}
