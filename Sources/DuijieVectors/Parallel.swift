import Dispatch
import Foundation

/// How many threads a parallel computation may use.
public struct Parallelism: Sendable, Equatable {
    /// The number of worker threads, from 1 to `maximumThreads`.
    public let threads: Int

    /// The most worker threads a computation uses (work is split into a few chunks per thread,
    /// so more would only add overhead, and counts stay far from overflow).
    public static let maximumThreads = 1_024

    /// Creates a setting.
    ///
    /// - Parameter threads: Worker threads; values below 1 mean 1, above `maximumThreads` mean that.
    public init(threads: Int) {
        self.threads = min(max(1, threads), Self.maximumThreads)
    }

    /// One thread per active processor.
    public static var automatic: Parallelism { Parallelism(threads: ProcessInfo.processInfo.activeProcessorCount) }

    /// A single thread.
    public static let serial = Parallelism(threads: 1)

    /// Runs `body` on each of `count` items split into contiguous chunks, one chunk per task,
    /// and returns the chunks' results in order. Results do not depend on the thread count as
    /// long as `body` computes each chunk independently.
    ///
    /// - Parameters:
    ///   - count: The number of items.
    ///   - minimumChunk: The smallest chunk worth a task of its own.
    ///   - body: Computes a result for a range of items.
    public func mapChunks<Result: Sendable>(count: Int, minimumChunk: Int = 64, _ body: @Sendable (Range<Int>) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let chunkCount = max(1, min(threads * 4, (count + minimumChunk - 1) / minimumChunk))
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let ranges = (0..<chunkCount).map { min(count, $0 * chunkSize)..<min(count, ($0 + 1) * chunkSize) }.filter { !$0.isEmpty }
        if threads == 1 || ranges.count == 1 {
            return ranges.map(body)
        }
        let results = ResultSlots<Result>(count: ranges.count)
        let nextChunk = ChunkCounter()
        DispatchQueue.concurrentPerform(iterations: min(threads, ranges.count)) { _ in
            while let chunk = nextChunk.take(limit: ranges.count) {
                results.set(chunk, body(ranges[chunk]))
            }
        }
        return results.values()
    }
}

/// Per-chunk result slots written by distinct workers, each slot once.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = [Value?](repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    func values() -> [Value] { storage.map { $0! } }
}

/// Hands out chunk numbers to workers.
private final class ChunkCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}
