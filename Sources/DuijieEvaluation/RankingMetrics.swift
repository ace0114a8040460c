import Foundation

/// Ranking-quality metrics for one query, with the definitions of trec_eval.
///
/// A ranking is a list of document ids, best first; judgments map document ids to grades, and
/// a grade above 0 is relevant. Unjudged documents count as not relevant.
public enum RankingMetrics {
    /// How a grade becomes a gain in DCG.
    public enum Gain: Sendable {
        /// gain = grade (trec_eval's `ndcg_cut`).
        case linear
        /// gain = 2^grade − 1 (Burges et al. 2005).
        case exponential

        func value(_ grade: Int) -> Double {
            guard grade > 0 else { return 0 }
            switch self {
            case .linear: return Double(grade)
            case .exponential: return pow(2, Double(grade)) - 1
            }
        }
    }

    /// Normalized discounted cumulative gain at cut-off k (Järvelin & Kekäläinen 2002):
    /// DCG@k = Σᵢ gain(gradeᵢ) / log₂(i + 1) over ranks i = 1…k, divided by the DCG@k of the
    /// ideal ordering of all judged documents. 0 when nothing is relevant.
    /// With `k` = `nil`, the whole ranking counts and the ideal ranking holds every relevant document.
    public static func ndcg(_ ranking: [String], _ judgments: [String: Int], k: Int?, gain: Gain = .linear) -> Double {
        let relevant = judgments.values.filter { $0 > 0 }.sorted(by: >)
        let ideal = relevant.prefix(k ?? relevant.count)
        let idealDCG = ideal.enumerated().reduce(0.0) { $0 + gain.value($1.element) / log2(Double($1.offset) + 2) }
        guard idealDCG > 0 else { return 0 }
        let dcg = ranking.prefix(k ?? ranking.count).enumerated().reduce(0.0) { $0 + gain.value(judgments[$1.element] ?? 0) / log2(Double($1.offset) + 2) }
        return dcg / idealDCG
    }

    /// The reciprocal of the rank of the first relevant document; 0 when none is ranked.
    public static func reciprocalRank(_ ranking: [String], _ judgments: [String: Int]) -> Double {
        guard let index = ranking.firstIndex(where: { (judgments[$0] ?? 0) > 0 }) else { return 0 }
        return 1 / Double(index + 1)
    }

    /// The fraction of relevant documents ranked in the first k; 0 when nothing is relevant.
    public static func recall(_ ranking: [String], _ judgments: [String: Int], k: Int) -> Double {
        let relevant = judgments.values.filter { $0 > 0 }.count
        guard relevant > 0 else { return 0 }
        return Double(ranking.prefix(k).filter { (judgments[$0] ?? 0) > 0 }.count) / Double(relevant)
    }
}
