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
        var generator = PCG32(seed: seed)
        var extreme = 0
        for _ in 0..<trials {
            var sum = 0.0
            var bits: UInt32 = 0
            for (index, difference) in differences.enumerated() {
                if index % 32 == 0 { bits = generator.next() }
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
        let differences = zip(a, b).map { $0 - $1 }
        guard !differences.isEmpty else { return (0, 0) }
        var generator = PCG32(seed: seed)
        var means: [Double] = []
        means.reserveCapacity(resamples)
        let count = UInt32(differences.count)
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in 0..<differences.count { sum += differences[Int(generator.next(below: count))] }
            means.append(sum / Double(differences.count))
        }
        means.sort()
        let tail = (1 - confidence) / 2
        let lowerIndex = Int((tail * Double(resamples)).rounded(.down))
        let upperIndex = min(resamples - 1, Int(((1 - tail) * Double(resamples)).rounded(.up)) - 1)
        return (means[lowerIndex], means[upperIndex])
    }
}

/// PCG32 (O'Neill, "PCG: a family of simple fast space-efficient statistically good algorithms
/// for random number generation", 2014): the XSH-RR variant, for reproducible resampling.
struct PCG32 {
    private var state: UInt64 = 0
    private let increment: UInt64 = 1_442_695_040_888_963_407

    init(seed: UInt64) {
        _ = next()
        state &+= seed
        _ = next()
    }

    mutating func next() -> UInt32 {
        let old = state
        state = old &* 6_364_136_223_846_793_005 &+ increment
        let shifted = UInt32(truncatingIfNeeded: ((old >> 18) ^ old) >> 27)
        let rotation = UInt32(truncatingIfNeeded: old >> 59)
        return (shifted >> rotation) | (shifted << ((~rotation &+ 1) & 31))
    }

    /// A uniform value in 0..<bound, without modulo bias (Lemire's method).
    mutating func next(below bound: UInt32) -> UInt32 {
        var product = UInt64(next()) * UInt64(bound)
        var low = UInt32(truncatingIfNeeded: product)
        if low < bound {
            let threshold = (0 &- bound) % bound
            while low < threshold {
                product = UInt64(next()) * UInt64(bound)
                low = UInt32(truncatingIfNeeded: product)
            }
        }
        return UInt32(product >> 32)
    }
}
