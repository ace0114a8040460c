import ArgumentParser
import DuijieVectors

/// The ranges that count options must lie in, checked before any work, so that a huge value is
/// a usage error naming the option rather than an arithmetic overflow or an allocation that
/// cannot succeed.
package enum CountLimits {
    /// Results per query (`--top`, `--max-per-institution`): far beyond any shortlist, and
    /// small enough that sums and products of it with pool sizes stay in range.
    package static let results = 1...1_000_000
    /// Worker threads (`--threads`).
    package static let threads = 1...Parallelism.maximumThreads
    /// LSA dimensions (`--dimensions`).
    package static let dimensions = 1...10_000
    /// Generated or sampled items of a benchmark (documents, vectors, queries, participants).
    package static let items = 1...100_000_000
    /// Repeated runs of a timed phase (`--repeat`).
    package static let runs = 1...1_000
    /// Permutations of a randomization test (`--trials`).
    package static let trials = 1...100_000_000

    /// Checks that `value` of the option `name` (such as `--top`) lies in `range`.
    ///
    /// - Throws: `ValidationError` (a usage error, exit status 64) naming the option, the range
    ///   and the value given.
    package static func check(_ value: Int?, _ name: String, in range: ClosedRange<Int>) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
    }
}
