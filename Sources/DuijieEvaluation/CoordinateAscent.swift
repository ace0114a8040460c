/// Coordinate ascent over non-negative weights that sum to 1 (Metzler & Croft, "Linear
/// feature-based models for information retrieval", Information Retrieval 10(3), 2007): each
/// round tries, for each weight in turn, every value of a grid with the others fixed,
/// renormalizes, and keeps the best; rounds repeat until none improves. Deterministic: a fixed
/// grid, and ties keep the current weights.
public enum CoordinateAscent {
    /// Maximizes `objective` from `start` (equal weights when nil).
    ///
    /// - Parameters:
    ///   - count: The number of weights.
    ///   - start: The weights to start from (non-negative, `count` of them, not all 0); the
    ///     result is never worse than they are.
    ///   - step: The grid step over 0…1.
    ///   - rounds: At most this many rounds.
    ///   - objective: The value to maximize (nDCG@10 on tuning queries, say).
    /// - Returns: The best weights found and their objective value.
    public static func maximize(count: Int, start: [Float]? = nil, step: Float = 0.05, rounds: Int = 10,
                                _ objective: ([Float]) -> Double) -> (weights: [Float], value: Double) {
        precondition(count > 0, "at least one weight")
        var weights = [Float](repeating: 1 / Float(count), count: count)
        if let start {
            let total = start.reduce(0, +)
            precondition(start.count == count && total > 0 && start.allSatisfy { $0 >= 0 }, "start weights: \(count) non-negative, not all 0")
            weights = start.map { $0 / total }
        }
        var best = objective(weights)
        let grid: [Float] = stride(from: 0, through: 1, by: step).map { Float($0) }
        for _ in 0..<rounds {
            var improved = false
            for index in 0..<count {
                for value in grid {
                    var trial = weights
                    trial[index] = value
                    let total = trial.reduce(0, +)
                    guard total > 0 else { continue }
                    trial = trial.map { $0 / total }
                    let result = objective(trial)
                    if result > best + 1e-12 {
                        best = result
                        weights = trial
                        improved = true
                    }
                }
            }
            if !improved { break }
        }
        return (weights, best)
    }
}
