import Foundation

/// A ranking-quality measure, named as `duijie eval --metrics` accepts them: `ndcg@10`, `ndcg`,
/// `ndcg_exp@10`, `map`, `map@100`, `mrr`, `mrr@10`, `p@10`, `recall@100` (`r@100`),
/// `success@10`. A missing cut-off means the whole ranking.
public enum Metric: Hashable, Sendable, CustomStringConvertible {
    /// nDCG with linear gains (Järvelin & Kekäläinen 2002; trec_eval's `ndcg_cut`, ranx's `ndcg`).
    case ndcg(k: Int?)
    /// nDCG with exponential gains 2^grade − 1 (Burges et al. 2005; ranx's `ndcg_burges`).
    case ndcgExponential(k: Int?)
    /// Average precision: Σ over relevant ranks r of P@r, divided by the number of relevant documents.
    case averagePrecision(k: Int?)
    /// The reciprocal rank of the first relevant document.
    case reciprocalRank(k: Int?)
    /// Relevant documents in the first k, divided by k.
    case precision(k: Int)
    /// Relevant documents in the first k, divided by all relevant documents.
    case recall(k: Int)
    /// 1 when a relevant document is in the first k, else 0 (ranx's `hit_rate`).
    case success(k: Int)

    /// Reads a metric name.
    ///
    /// - Returns: `nil` for an unknown name or a cut-off that is not a positive integer.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "@", maxSplits: 1).map(String.init)
        var cutoff: Int? = nil
        if parts.count == 2 {
            guard let value = Int(parts[1]), value > 0 else { return nil }
            cutoff = value
        }
        switch parts[0] {
        case "ndcg": self = .ndcg(k: cutoff)
        case "ndcg_exp", "ndcg_burges": self = .ndcgExponential(k: cutoff)
        case "map", "ap": self = .averagePrecision(k: cutoff)
        case "mrr", "rr": self = .reciprocalRank(k: cutoff)
        case "p", "precision":
            guard let cutoff else { return nil }
            self = .precision(k: cutoff)
        case "r", "recall":
            guard let cutoff else { return nil }
            self = .recall(k: cutoff)
        case "success", "hit_rate":
            guard let cutoff else { return nil }
            self = .success(k: cutoff)
        default: return nil
        }
    }

    /// The metric's name, as parsed.
    public var description: String {
        func cut(_ base: String, _ k: Int?) -> String { k.map { "\(base)@\($0)" } ?? base }
        switch self {
        case .ndcg(let k): return cut("ndcg", k)
        case .ndcgExponential(let k): return cut("ndcg_exp", k)
        case .averagePrecision(let k): return cut("map", k)
        case .reciprocalRank(let k): return cut("mrr", k)
        case .precision(let k): return "p@\(k)"
        case .recall(let k): return "recall@\(k)"
        case .success(let k): return "success@\(k)"
        }
    }

    /// The metric for one query: `ranking` best first, `judgments` document → grade (> 0 relevant).
    /// 0 when the query has no relevant document.
    public func value(_ ranking: [String], _ judgments: [String: Int]) -> Double {
        let relevantCount = judgments.values.filter { $0 > 0 }.count
        guard relevantCount > 0 else { return 0 }
        func isRelevant(_ document: String) -> Bool { (judgments[document] ?? 0) > 0 }
        switch self {
        case .ndcg(let k):
            return RankingMetrics.ndcg(ranking, judgments, k: k, gain: .linear)
        case .ndcgExponential(let k):
            return RankingMetrics.ndcg(ranking, judgments, k: k, gain: .exponential)
        case .averagePrecision(let k):
            var hits = 0
            var sum = 0.0
            for (index, document) in ranking.prefix(k ?? ranking.count).enumerated() where isRelevant(document) {
                hits += 1
                sum += Double(hits) / Double(index + 1)
            }
            return sum / Double(relevantCount)
        case .reciprocalRank(let k):
            return RankingMetrics.reciprocalRank(Array(ranking.prefix(k ?? ranking.count)), judgments)
        case .precision(let k):
            return Double(ranking.prefix(k).filter(isRelevant).count) / Double(k)
        case .recall(let k):
            return RankingMetrics.recall(ranking, judgments, k: k)
        case .success(let k):
            return ranking.prefix(k).contains(where: isRelevant) ? 1 : 0
        }
    }
}
