import DuijieText
import DuijieVectors

/// The parameters of pseudo-relevance feedback: how many of the first ranking's best documents
/// are taken as relevant, how many of their terms join the query, and how much the original
/// query keeps.
public struct FeedbackOptions: Sendable, Equatable {
    /// How many of the best documents of the first ranking feed the expansion.
    public var documents: Int
    /// How many expansion terms join the query.
    public var terms: Int
    /// The original query's share of the expanded query (λ in RM3), in 0…1.
    public var originalWeight: Float

    /// Creates options; the defaults (10 documents, 20 terms, λ = 0.5) are the ones Anserini's
    /// RM3 baselines use (Lin et al., SIGIR 2016 reproducibility track; Yang et al. 2019).
    public init(documents: Int = 10, terms: Int = 20, originalWeight: Float = 0.5) {
        precondition(documents > 0 && terms >= 0 && (0...1).contains(originalWeight), "feedback options out of range")
        self.documents = documents
        self.terms = terms
        self.originalWeight = originalWeight
    }
}

extension TextMatcher {
    /// The query vector of `text` expanded by pseudo-relevance feedback, a relevance model in the
    /// manner of RM3 (Lavrenko & Croft, SIGIR 2001; Abdul-Jaleel et al., TREC 2004):
    ///
    /// 1. rank by the original query; the best `documents` with a positive score are taken as
    ///    relevant, each with its share of their total score;
    /// 2. each such document's weighted terms, scaled to sum to 1, are added up by that share:
    ///    the relevance model P(w | R) (document weights stand in for term probabilities, so a
    ///    rare term counts more than a frequent one, as in Rocchio's expansion);
    /// 3. its `terms` largest entries, rescaled to sum to 1, are mixed with the original query
    ///    (its weights scaled to sum to 1): λ × query + (1 − λ) × expansion.
    ///
    /// Ties among expansion terms go to the smaller term id, so the expansion is the same on
    /// every run. A query with no known term, a first ranking with no positive score, or a
    /// matcher restored without its document vectors gives the original query unchanged.
    public func expandedQueryVector(text: String, options: FeedbackOptions) -> [(term: Int32, weight: Float)] {
        let query = terms.queryVector(AnalyzedDocument(terms: analyzer.terms(text)))
        let querySum = query.reduce(Float(0)) { $0 + $1.weight }
        guard querySum > 0, options.terms > 0, let documents = terms.documents else { return query }
        let feedback = similarity.topK(query: query, k: options.documents).filter { $0.score > 0 }
        let scoreSum = feedback.reduce(Float(0)) { $0 + $1.score }
        guard scoreSum > 0 else { return query }
        var relevance: [Int32: Float] = [:]
        for hit in feedback {
            let row = documents.row(Int(hit.index))
            let rowSum = row.reduce(Float(0)) { $0 + $1.value }
            guard rowSum > 0 else { continue }
            let scale = hit.score / scoreSum / rowSum
            for entry in row { relevance[entry.column, default: 0] += entry.value * scale }
        }
        let expansion = relevance.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(options.terms)
        let expansionSum = expansion.reduce(Float(0)) { $0 + $1.value }
        var mixed: [Int32: Float] = [:]
        for entry in query { mixed[entry.term, default: 0] += options.originalWeight * entry.weight / querySum }
        if expansionSum > 0 {
            for entry in expansion { mixed[entry.key, default: 0] += (1 - options.originalWeight) * entry.value / expansionSum }
        }
        return mixed.map { (term: $0.key, weight: $0.value) }.sorted { $0.term < $1.term }
    }

    /// The score of every document (in index order) for `text` expanded by pseudo-relevance
    /// feedback (`expandedQueryVector(text:options:)`).
    public func feedbackScores(text: String, options: FeedbackOptions = FeedbackOptions()) -> [Float] {
        similarity.scores(query: expandedQueryVector(text: text, options: options))
    }
}
