import DuijieText
import DuijieVectors

/// At most `perGroup` results of one group: a per-institution limit, the group of a row being
/// its owner.
public struct GroupLimit {
    /// How many results one group may have.
    public let perGroup: Int
    /// The group of the document at a row (`nil`: none, never limited).
    public let group: (Int) -> String?

    /// Creates a limit.
    public init(perGroup: Int, group: @escaping (Int) -> String?) {
        self.perGroup = perGroup
        self.group = group
    }
}

extension TextMatcher {
    /// The `top` documents best matching free text among those `admits(row)` accepts, ranked
    /// as `match(text:)` ranks them (the same scores; a document left out is never counted).
    ///
    /// With `limit`, at most `limit.perGroup` documents of one group (`limit.group(row)`, an
    /// owning institution; `nil` counts against no group) are kept, walking the ranking best
    /// first, as the recommender's per-institution limit does.
    public func match(text: String, top: Int, ranking: TextRanking = .lexical, explainedTerms: Int = 5,
                      admitting admits: (Int) -> Bool, limit: GroupLimit? = nil) -> [TextMatch] {
        filteredMatch(terms.queryVector(AnalyzedDocument(terms: analyzer.terms(text))), top: top, ranking: ranking,
                      explainedTerms: explainedTerms, admits: admits, limit: limit)
    }

    /// The `top` documents best matching a demand given by its parts, among those `admits(row)`
    /// accepts, ranked as `match(title:keywords:description:)` ranks them.
    public func match(title: String, keywords: [String], description: String, top: Int, ranking: TextRanking = .lexical,
                      explainedTerms: Int = 5, admitting admits: (Int) -> Bool, limit: GroupLimit? = nil) -> [TextMatch] {
        let query = AnalyzedDocument(fields: [analyzer.terms(title), keywords.flatMap(analyzer.terms), analyzer.terms(description)])
        return filteredMatch(terms.queryVector(query, fieldWeights: fieldWeights.array), top: top, ranking: ranking,
                             explainedTerms: explainedTerms, admits: admits, limit: limit)
    }

    /// Every document's score, those not admitted set to 0, then the best positive `top`.
    private func filteredMatch(_ vector: [(term: Int32, weight: Float)], top: Int, ranking: TextRanking, explainedTerms: Int,
                               admits: (Int) -> Bool, limit: GroupLimit?) -> [TextMatch] {
        guard var scores = scores(of: vector, ranking: ranking) else { return [] }
        for row in scores.indices where !admits(row) { scores[row] = 0 }
        let hits: [ScoredIndex]
        if let limit {
            // Every positive score in ranking order (ties by row), walked until `top` are kept.
            let ordered = scores.indices.filter { scores[$0] > 0 }.map { ScoredIndex(index: Int32($0), score: scores[$0]) }
                .sorted { ($0.score, -Int($0.index)) > ($1.score, -Int($1.index)) }
            var counts: [String: Int] = [:]
            var kept: [ScoredIndex] = []
            for hit in ordered where kept.count < top {
                if let group = limit.group(Int(hit.index)) {
                    if counts[group, default: 0] >= limit.perGroup { continue }
                    counts[group, default: 0] += 1
                }
                kept.append(hit)
            }
            hits = kept
        } else {
            hits = TopKSelector.best(top, of: scores).filter { $0.score > 0 }
        }
        return hits.map { hit in
            TextMatch(documentID: documentIDs[Int(hit.index)], score: hit.score,
                      matchedTerms: explain(vector, document: Int(hit.index), limit: explainedTerms))
        }
    }
}
