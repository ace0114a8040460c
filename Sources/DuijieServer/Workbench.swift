import DuijieBase
import DuijieCorpus
import DuijieRanking
import DuijieWorkspace
import Dispatch
import Synchronization

/// What the server serves: the recommender (a live index that takes changes, or one built
/// from a corpus that does not) and the workspace. Routes reach the library only through it,
/// and it applies who-sees-what to every read.
public final class Workbench: Sendable {
    /// Where rankings come from.
    public enum Source: Sendable {
        /// A saved index, served live: changes through the API commit new generations.
        case index(LiveRecommender)
        /// A recommender built from a corpus at start; changes need an index.
        case corpus(Recommender, directory: String)
    }

    /// Where rankings come from.
    public let source: Source
    /// The workspace.
    public let workspace: Workspace
    /// Ranking and updates run here, on their own threads, never on the server's event loops
    /// nor on Swift's cooperative pool (a long ranking would stall other requests).
    private let queue: DispatchQueue
    /// Changes to the index run here, one at a time: two requests that change records queue
    /// rather than meet at the index's writers' lock.
    private let updates = DispatchQueue(label: "duijie.updates")
    private let skipped = Atomic<Int>(0)
    private let queued = Atomic<Int>(0)
    private let cancellations = Atomic<Int>(0)
    /// The confidential demands of the recommender last asked about (found by a scan of the
    /// demands once per generation, not once per request).
    private let confidential = Mutex<(recommender: Recommender?, ids: [String])>((nil, []))

    /// A workbench over `source` and `workspace`.
    public convenience init(source: Source, workspace: Workspace) {
        self.init(source: source, workspace: workspace, rankingQueue: DispatchQueue(label: "duijie.ranking", attributes: .concurrent))
    }

    /// A workbench whose rankings run on `rankingQueue` (tests hold a serial one to see what
    /// waits).
    init(source: Source, workspace: Workspace, rankingQueue: DispatchQueue) {
        self.source = source
        self.workspace = workspace
        queue = rankingQueue
    }

    /// The recommender of the current generation, and the generation (0 without an index).
    func current() -> (recommender: Recommender, generation: Int) {
        switch source {
        case .index(let live):
            let snapshot = live.snapshot
            return (snapshot.recommender, snapshot.generation)
        case .corpus(let recommender, _): return (recommender, 0)
        }
    }

    /// Runs `work` on the ranking threads. A request cancelled before its work starts — its
    /// client disconnected before or while it waited for a thread — never starts it (counted in
    /// `skippedWork`); work already running finishes, and its answer is dropped.
    func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        if Task.isCancelled {
            skipped.add(1, ordering: .relaxed)
            throw CancellationError()
        }
        let cancelled = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queued.add(1, ordering: .relaxed)
                queue.async { [self] in
                    if cancelled.isSet {
                        skipped.add(1, ordering: .relaxed)
                        continuation.resume(throwing: CancellationError())
                        return
                    }
                    continuation.resume(with: Result { try work() })
                }
            }
        } onCancel: {
            cancelled.set()
            cancellations.add(1, ordering: .relaxed)
        }
    }

    /// How many rankings were never started because their request was cancelled first.
    var skippedWork: Int { skipped.load(ordering: .relaxed) }
    /// How many rankings were handed to the ranking threads (for tests that wait for one).
    var queuedWork: Int { queued.load(ordering: .relaxed) }
    /// How many requests were cancelled while their ranking was handed over or running.
    var cancelledWork: Int { cancellations.load(ordering: .relaxed) }

    /// Runs `work` (a change of the index) after the changes before it.
    func offloadUpdate<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try Task.checkCancellation()
        return try await withCheckedThrowingContinuation { continuation in
            updates.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// The rules for `user`, with the demands' owners as the workspace holds them now.
    func access(for user: User) throws -> Access {
        Access(user: user, demandOwners: try workspace.demandOwners())
    }

    /// The records `access.user` may not see in `recommender`'s corpus: other brokers'
    /// confidential demands.
    func hiddenRecords(_ access: Access, in recommender: Recommender) -> Set<String> {
        if access.user.role == .admin { return [] }
        let ids = confidential.withLock { cached -> [String] in
            // Held strongly, so that a new recommender can never be taken for the cached one.
            if cached.recommender !== recommender { cached = (recommender, recommender.corpus.demands.filter(\.confidential).map(\.id)) }
            return cached.ids
        }
        return Set(ids.filter { !access.canSeeDemand($0, confidential: true) })
    }

    /// Whether `access.user` may see the record `id` of `corpus` (false for a record not there).
    func canSee(_ id: String, _ access: Access, in corpus: Corpus) -> Bool {
        guard let kind = corpus.kind(of: id), kind != .region, kind != .field, kind != .relation else { return false }
        guard let demand = corpus.demand(id) else { return true }
        return access.canSeeDemand(id, confidential: demand.confidential)
    }
}

/// Set once, read from any thread: a request's cancellation, seen by its queued work.
private final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
