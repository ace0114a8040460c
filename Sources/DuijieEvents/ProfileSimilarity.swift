import DuijieText

/// How alike two participants' texts are, weighted by the event itself: TF-IDF (smooth idf,
/// sublinear tf, unit length) over one document per participant — its profile and, with a
/// corpus, the text of every record it stands for — and the cosine of two such vectors.
///
/// The term statistics are the event's own, so the scores do not depend on which corpus (if
/// any) is loaded beside the event: a word every participant uses weighs little, a word two
/// participants share and nobody else uses weighs much.
struct ProfileSimilarity {
    /// Each participant's unit-length vector, term id → weight.
    private let vectors: [String: [Int32: Float]]

    /// - Parameters:
    ///   - recordText: The text of a corpus record (`nil` when there is no corpus or no text).
    init(event: Event, analyzer: Analyzer, recordText: (String) -> String?) {
        let texts = event.participants.map { participant in
            ([participant.profile ?? ""] + participant.records.compactMap(recordText)).filter { !$0.isEmpty }.joined(separator: "。")
        }
        let documents = texts.map { AnalyzedDocument(terms: analyzer.terms($0)) }
        let terms = WeightedTerms(statistics: TermCounts(documents: documents), weighting: .tfidf(TFIDFOptions(sublinearTF: true)))
        var vectors: [String: [Int32: Float]] = [:]
        for (participant, document) in zip(event.participants, documents) {
            let weights = terms.queryVector(document)
            let norm = weights.reduce(Float(0)) { $0 + $1.weight * $1.weight }.squareRoot()
            vectors[participant.id] = norm > 0 ? Dictionary(weights.map { ($0.term, $0.weight / norm) }, uniquingKeysWith: +) : [:]
        }
        self.vectors = vectors
    }

    /// The cosine of two participants' vectors, 0…1.
    func similarity(_ first: String, _ second: String) -> Float {
        guard let a = vectors[first], let b = vectors[second] else { return 0 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        // Summed in term order, so the score does not depend on dictionary order.
        let dot = small.keys.sorted().reduce(Float(0)) { $0 + small[$1]! * (large[$1] ?? 0) }
        return min(1, max(0, dot))
    }
}
