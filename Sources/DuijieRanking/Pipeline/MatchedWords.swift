import DuijieCorpus
import DuijieText

/// The terms an explanation shows: the words a query and a record share (`SharedWords`), each
/// credited with the text score of the scoring terms it contains, largest first.
public enum MatchedWords {
    /// How many terms an explanation shows.
    public static let shown = 5

    /// Ranks `words` by the contributions of the `scoring` terms (the matcher's, any tokenizer)
    /// each contains; a word that contains no scoring term is left out (it did not count), and
    /// so is a word inside one already shown (电池 after 动力电池). Ties keep the words' order.
    public static func ranked(_ words: [String], scoring: [TextMatch.MatchedTerm], limit: Int = shown) -> [TextMatch.MatchedTerm] {
        let credited = words.enumerated().compactMap { position, word -> (term: TextMatch.MatchedTerm, position: Int)? in
            let contribution = scoring.reduce(Float(0)) { total, term in word.contains(term.term) ? total + term.contribution : total }
            return contribution > 0 ? (TextMatch.MatchedTerm(term: word, contribution: contribution), position) : nil
        }
        var shownTerms: [TextMatch.MatchedTerm] = []
        // A word scores at least as much as any word inside it, so containing words come first.
        for entry in credited.sorted(by: { ($0.term.contribution, -$0.position) > ($1.term.contribution, -$1.position) }) {
            guard shownTerms.count < limit else { break }
            if shownTerms.contains(where: { $0.term.contains(entry.term.term) }) { continue }
            shownTerms.append(entry.term)
        }
        return shownTerms
    }

    /// Without a dictionary: the scoring terms of two or more characters, largest first.
    public static func scoringTerms(_ scoring: [TextMatch.MatchedTerm], limit: Int = shown) -> [TextMatch.MatchedTerm] {
        Array(scoring.filter { $0.term.count >= 2 }.prefix(limit))
    }

    /// The text of a record as it is matched: an achievement's title, keywords and abstract; a
    /// profile's text for the other kinds.
    static func text(of id: String, corpus: Corpus, profiles: ProfileSources) -> String? {
        if let achievement = corpus.achievement(id) {
            return ([achievement.title] + achievement.keywords + [achievement.abstract ?? ""]).joined(separator: "。")
        }
        return profiles.text(of: id)
    }
}

extension Recommender {
    /// The terms the explanation of record `id` shows for the query `text` (`prepared`: the
    /// same query made ready once for all results).
    func matchedTerms(_ text: String, prepared: SharedWords.Query?, _ id: String, _ matcher: TextMatcher) -> [TextMatch.MatchedTerm] {
        let scoring = matcher.explain(text: text, documentID: id, limit: .max)
        guard let sharedWords, let prepared, let document = MatchedWords.text(of: id, corpus: corpus, profiles: profileSources) else {
            return MatchedWords.scoringTerms(scoring)
        }
        return MatchedWords.ranked(sharedWords.words(sharedBy: prepared, and: document), scoring: scoring)
    }
}

extension Recommender {
    /// The scoring terms record `source` shares with record `id` of `target`'s kind, largest
    /// contribution first, as the matcher's tokenizer makes them (what explanations showed
    /// before they showed words; for measuring the difference).
    package func scoringTerms(forRecord source: String, id: String, target: RecommendationTarget, limit: Int) -> [TextMatch.MatchedTerm] {
        guard let context = context(for: source) else { return [] }
        return matchers[target.recordKind]!.explain(text: context.text, documentID: id, limit: limit)
    }
}
