import DuijieText
import DuijieVectors

extension TextMatcher {
    /// The `top` documents best matching free text among those `admits(row)` accepts, ranked
    /// as `match(text:)` ranks them (the same scores; a document left out is never counted).
    public func match(text: String, top: Int, ranking: TextRanking = .lexical, explainedTerms: Int = 5,
                      admitting admits: (Int) -> Bool) -> [TextMatch] {
        filteredMatch(terms.queryVector(AnalyzedDocument(terms: analyzer.terms(text))), top: top, ranking: ranking,
                      explainedTerms: explainedTerms, admits: admits)
    }

    /// The `top` documents best matching a demand given by its parts, among those `admits(row)`
    /// accepts, ranked as `match(title:keywords:description:)` ranks them.
    public func match(title: String, keywords: [String], description: String, top: Int, ranking: TextRanking = .lexical,
                      explainedTerms: Int = 5, admitting admits: (Int) -> Bool) -> [TextMatch] {
        let query = AnalyzedDocument(fields: [analyzer.terms(title), keywords.flatMap(analyzer.terms), analyzer.terms(description)])
        return filteredMatch(terms.queryVector(query, fieldWeights: fieldWeights.array), top: top, ranking: ranking,
                             explainedTerms: explainedTerms, admits: admits)
    }

    /// Every document's score, those not admitted set to 0, then the best positive `top`.
    private func filteredMatch(_ vector: [(term: Int32, weight: Float)], top: Int, ranking: TextRanking, explainedTerms: Int,
                               admits: (Int) -> Bool) -> [TextMatch] {
        guard var scores = scores(of: vector, ranking: ranking) else { return [] }
        for row in scores.indices where !admits(row) { scores[row] = 0 }
        return TopKSelector.best(top, of: scores).filter { $0.score > 0 }.map { hit in
            TextMatch(documentID: documentIDs[Int(hit.index)], score: hit.score,
                      matchedTerms: explain(vector, document: Int(hit.index), limit: explainedTerms))
        }
    }
}
