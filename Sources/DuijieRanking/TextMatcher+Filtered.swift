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
    /// Every document's score, those not admitted set to 0, then the best positive `top`.
    /// (`match(text:)` and `match(title:keywords:description:)` with `admitting` or `limit`.)
    func restrictedMatch(_ vector: [(term: Int32, weight: Float)], top: Int, ranking: TextRanking, explainedTerms: Int,
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
