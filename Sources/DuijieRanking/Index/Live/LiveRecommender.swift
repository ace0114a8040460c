import DuijieBase
import DuijieVectors
import Foundation
import Synchronization

/// A live index held open by a long-running program (a server): queries take the current
/// snapshot, an immutable `Recommender` of one generation, and keep it for as long as they
/// run; an update commits a new generation to the files and then swaps the snapshot, so a
/// query never sees a half-applied change and is never blocked by an update.
public final class LiveRecommender: Sendable {
    /// The index file.
    public let path: String
    private let wordExplanations: Bool
    private let current: Mutex<LiveIndex.Snapshot>

    /// Opens the index at `path` at its current generation.
    ///
    /// - Throws: `DuijieError` when it cannot be loaded (`LiveIndex.open`).
    public init(path: String, wordExplanations: Bool = false) throws {
        self.path = path
        self.wordExplanations = wordExplanations
        current = Mutex(try LiveIndex.open(path, wordExplanations: wordExplanations))
    }

    /// The snapshot queries run on: one generation, whole.
    public var snapshot: LiveIndex.Snapshot { current.withLock { $0 } }

    /// Commits `changes` as a new generation (`LiveIndex.update`), then serves it. Concurrent
    /// callers are serialized by the index's writers' lock (the second is refused).
    ///
    /// - Returns: What the update committed.
    /// - Throws: `DuijieError` as `LiveIndex.update` does; the snapshot is then unchanged.
    @discardableResult
    public func update(_ changes: RecordChanges, mergeShare: Double = LiveIndex.defaultMergeShare,
                       parallelism: Parallelism = .automatic) throws -> LiveIndex.UpdateSummary {
        let summary = try LiveIndex.update(path, with: changes, mergeShare: mergeShare, parallelism: parallelism)
        try refresh()
        return summary
    }

    /// Loads the generation the files hold now, when another process committed or merged
    /// since, and serves it.
    ///
    /// - Returns: Whether the snapshot changed.
    /// - Throws: `DuijieError` when the index cannot be loaded; the snapshot is then unchanged.
    @discardableResult
    public func refresh() throws -> Bool {
        // A generation is named by its base and the manifest applied to it (if any applies).
        let before = snapshot
        let identity = try IndexFile(path: path).identity
        let manifest = try LiveManifest.read(index: path).flatMap { $0.baseIdentity == identity ? $0 : nil }
        if identity == before.baseIdentity && manifest?.generation == before.manifest?.generation { return false }
        let next = try LiveIndex.open(path, wordExplanations: wordExplanations)
        current.withLock { $0 = next }
        return true
    }
}
