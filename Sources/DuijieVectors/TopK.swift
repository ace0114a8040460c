/// One scored item of a ranking: an index (a document's row) and its score.
public struct ScoredIndex: Sendable, Equatable {
    /// The item's index.
    public var index: Int32
    /// Its score.
    public var score: Float

    /// Creates a scored item.
    public init(index: Int32, score: Float) {
        self.index = index
        self.score = score
    }

    /// The ranking order: higher score first; equal scores by lower index, so rankings are
    /// the same on every run and thread count.
    @inline(__always)
    public static func ranksBefore(_ a: ScoredIndex, _ b: ScoredIndex) -> Bool {
        a.score > b.score || (a.score == b.score && a.index < b.index)
    }
}

/// Keeps the k best of a stream of scored items in a bounded binary heap whose root is the
/// worst kept item (the structure of tantivy's `TopNComputer` and sparse_dot_topn's heap).
///
/// - Complexity: O(log k) per offered item that enters the heap, O(1) for one that does not.
public struct TopKSelector: Sendable {
    /// How many items are kept.
    public let k: Int
    private var heap: [ScoredIndex] = []

    /// Creates a selector for the `k` best items.
    public init(k: Int) {
        precondition(k >= 0, "k must be non-negative")
        self.k = k
        heap.reserveCapacity(min(k, 1 << 16))
    }

    /// Offers an item.
    @inline(__always)
    public mutating func offer(_ item: ScoredIndex) {
        guard k > 0 else { return }
        if heap.count < k {
            heap.append(item)
            siftUp(heap.count - 1)
        } else if ScoredIndex.ranksBefore(item, heap[0]) {
            heap[0] = item
            siftDown(0)
        }
    }

    /// Whether k items are kept, so a new item must beat `worstScore` to enter.
    @inline(__always)
    public var isFull: Bool { heap.count == k && k > 0 }

    /// The score of the worst kept item (the next to be displaced); meaningful when `isFull`.
    /// An item scoring exactly this much ranks after it, because it comes later in index order.
    @inline(__always)
    public var worstScore: Float { heap[0].score }

    /// The `k` best of a full score array (item i has index i), best first, ties by index.
    ///
    /// - Complexity: O(n + k log k · log n) typical.
    public static func best(_ k: Int, of scores: [Float]) -> [ScoredIndex] {
        var selector = TopKSelector(k: k)
        DenseSimilarity.scan(scores, offset: 0, into: &selector)
        return selector.sorted()
    }

    /// Empties the selector for reuse.
    public mutating func removeAll() { heap.removeAll(keepingCapacity: true) }

    /// The kept items, best first.
    public func sorted() -> [ScoredIndex] { heap.sorted(by: ScoredIndex.ranksBefore) }

    // The root is the item that ranks last: a parent ranks after (is worse than) its children.
    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard ScoredIndex.ranksBefore(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var worst = left
            let right = left + 1
            if right < heap.count && ScoredIndex.ranksBefore(heap[left], heap[right]) { worst = right }
            guard ScoredIndex.ranksBefore(heap[parent], heap[worst]) else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
