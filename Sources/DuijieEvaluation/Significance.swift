import DuijieBase
import Foundation

/// Significance of the difference between two systems measured on the same queries.
public enum Significance {
    /// The two-sided p-value of a paired randomization (permutation) test of the mean difference
    /// (Fisher 1935; Smucker, Allan & Carterette, "A comparison of statistical significance
    /// tests for information retrieval evaluation", CIKM 2007): each trial swaps the two systems'
    /// scores on each query with probability ½; p = (trials at least as extreme + 1) / (trials + 1).
    ///
    /// - Parameters:
    ///   - a: Per-query scores of system A.
    ///   - b: Per-query scores of system B, aligned with `a`.
    ///   - trials: Random permutations drawn.
    ///   - seed: The seed, so the same inputs give the same p-value.
    public static func randomizationTest(_ a: [Double], _ b: [Double], trials: Int = 10_000, seed: UInt64 = 1) -> Double {
        precondition(a.count == b.count, "paired scores must align")
        let differences = zip(a, b).map { $0 - $1 }
        guard !differences.isEmpty else { return 1 }
        let observed = abs(differences.reduce(0, +))
        var generator = SplitMix64(seed: seed)
        var extreme = 0
        for _ in 0..<trials {
            var sum = 0.0
            var bits: UInt64 = 0
            for (index, difference) in differences.enumerated() {
                if index % 64 == 0 { bits = generator.next() }
                sum += (bits & 1) == 0 ? difference : -difference
                bits >>= 1
            }
            // A tolerance so that ties with the observed sum (as in identical systems) count.
            if abs(sum) >= observed - 1e-12 { extreme += 1 }
        }
        return Double(extreme + 1) / Double(trials + 1)
    }

    /// A percentile bootstrap confidence interval of the mean difference A − B (Efron &
    /// Tibshirani 1993): resample queries with replacement `resamples` times.
    ///
    /// - Returns: The lower and upper bounds at `confidence` (0.95 by default).
    public static func bootstrapInterval(_ a: [Double], _ b: [Double], resamples: Int = 10_000, confidence: Double = 0.95,
                                         seed: UInt64 = 1) -> (lower: Double, upper: Double) {
        precondition(a.count == b.count, "paired scores must align")
        return bootstrapInterval(of: zip(a, b).map { $0 - $1 }, resamples: resamples, confidence: confidence, seed: seed)
    }

    /// A percentile bootstrap confidence interval of the mean of `values` (per-query scores of
    /// one system, say): resample them with replacement `resamples` times.
    ///
    /// - Returns: The lower and upper bounds at `confidence` (0.95 by default); (0, 0) for no values.
    public static func bootstrapInterval(of values: [Double], resamples: Int = 10_000, confidence: Double = 0.95,
                                         seed: UInt64 = 1) -> (lower: Double, upper: Double) {
        guard !values.isEmpty else { return (0, 0) }
        var generator = SplitMix64(seed: seed)
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in 0..<values.count { sum += values[generator.nextIndex(below: values.count)] }
            means.append(sum / Double(values.count))
        }
        means.sort()
        let tail = (1 - confidence) / 2
        let lowerIndex = Int((tail * Double(resamples)).rounded(.down))
        let upperIndex = min(resamples - 1, Int(((1 - tail) * Double(resamples)).rounded(.up)) - 1)
        return (means[lowerIndex], means[upperIndex])
    }
}

extension Significance {
    /// Holm–Bonferroni adjusted p-values (Holm, "A simple sequentially rejective multiple test
    /// procedure", Scand. J. Statistics 6, 1979): for a family of m tests, sort the p-values
    /// ascending, multiply the i-th smallest (i from 1) by m − i + 1, make the results
    /// non-decreasing in that order (each is the largest so far) and cap them at 1. Rejecting
    /// where the adjusted p-value is below α controls the family-wise error rate at α, with no
    /// assumption about how the tests depend on each other.
    ///
    /// - Parameter pValues: The raw p-values of the family, in any order.
    /// - Returns: The adjusted p-values, in the order of `pValues`; each is at least its raw
    ///   p-value and at most 1. A family of one is left as it is.
    /// - Complexity: O(m log m).
    public static func holmAdjusted(_ pValues: [Double]) -> [Double] {
        let count = pValues.count
        // Ties keep their input order; tied p-values get the same adjusted value either way.
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = [Double](repeating: 0, count: count)
        var largest = 0.0
        for (position, index) in order.enumerated() {
            largest = max(largest, min(1, Double(count - position) * pValues[index]))
            adjusted[index] = largest
        }
        return adjusted
    }
}
