import DuijieCorpus

extension Recommender {
    /// The fused score each of `candidates` would get in the shortlist for the record `id`
    /// (with the shipped weights for its kind), computed exactly: no candidate pool, no filters.
    ///
    /// - Parameter candidates: Record ids of any target kind (achievement, expert, institution,
    ///   demand, enterprise); other ids score 0.
    /// - Returns: `nil` when `id` is not a demand, achievement, expert, institution or enterprise.
    public func scores(of candidates: [String], forRecord id: String) -> [Float]? {
        guard let context = context(for: id) else { return nil }
        return scores(of: candidates, context)
    }

    /// The fused score each of `candidates` would get in the shortlist for free text.
    public func scores(of candidates: [String], forText text: String) -> [Float] {
        scores(of: candidates, QueryContext(text: text))
    }

    /// The lexical cosine of two texts in the achievement index's vocabulary and weights.
    public func textSimilarity(_ first: String, _ second: String) -> Float {
        achievements.textSimilarity(first, second)
    }

    /// The text record `id` is matched by: an achievement's title, keywords and abstract; the
    /// profile of an expert, institution, demand or enterprise; `nil` for other ids.
    public func matchedText(of id: String) -> String? {
        MatchedWords.text(of: id, corpus: corpus, profiles: profileSources)
    }

    private func scores(of candidates: [String], _ context: QueryContext) -> [Float] {
        var result = [Float](repeating: 0, count: candidates.count)
        for target in RecommendationTarget.allCases {
            let wanted = candidates.indices.filter { corpus.kind(of: candidates[$0]) == target.recordKind }
            guard !wanted.isEmpty, let matcher = matchers[target.recordKind] else { continue }
            let signals = signals(context, target: target)
            let weights = RecommendationWeights.defaults(for: target)
            for index in wanted {
                guard let row = matcher.rowByID[candidates[index]] else { continue }
                result[index] = features(of: row, signals).fused(weights.features)
            }
        }
        return result
    }
}
