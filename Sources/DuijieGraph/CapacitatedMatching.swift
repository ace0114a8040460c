/// A maximum-weight bipartite b-matching with lower and upper degree bounds, solved exactly
/// as a minimum-cost flow.
///
/// Every left and right node has a minimum and a maximum number of partners; every eligible
/// pair has a non-negative integer weight and is chosen at most once. The objective is
/// lexicographic: first serve as many minimum places as possible (Σ over nodes of
/// min(degree, minimum)), so every minimum is met whenever that is feasible; then maximize the
/// total weight. A pair whose weight is 0 is chosen only when it serves a minimum.
///
/// The network: source → left node (one arc of capacity `minimum` with a bonus, one of
/// capacity `maximum − minimum` without), left → right per eligible pair (capacity 1, cost
/// −weight), right → sink (the same two arcs). The bonus per minimum place exceeds the sum of
/// all weights, which makes the order of the two goals strict.
public struct CapacitatedMatching: Sendable, Equatable {
    /// One side's degree bounds.
    public struct Bounds: Sendable, Equatable {
        /// The fewest partners wanted.
        public var minimum: Int
        /// The most partners allowed.
        public var maximum: Int

        /// Creates bounds; `minimum` is clamped to `0…maximum`.
        public init(minimum: Int, maximum: Int) {
            self.maximum = max(0, maximum)
            self.minimum = min(max(0, minimum), self.maximum)
        }
    }

    /// An eligible pair.
    public struct Pair: Sendable, Equatable {
        /// The left node.
        public var left: Int
        /// The right node.
        public var right: Int
        /// The pair's weight (≥ 0).
        public var weight: Int64

        /// Creates a pair.
        public init(left: Int, right: Int, weight: Int64) {
            precondition(weight >= 0, "pair weights are non-negative")
            self.left = left
            self.right = right
            self.weight = weight
        }
    }

    /// The chosen pairs, as indexes into the input, ascending.
    public let chosen: [Int]
    /// The sum of the chosen pairs' weights.
    public let totalWeight: Int64
    /// Each left node's number of partners.
    public let leftDegrees: [Int]
    /// Each right node's number of partners.
    public let rightDegrees: [Int]
    /// Σ over all nodes of min(degree, minimum): the minimum places served.
    public let servedMinimum: Int

    /// Solves the b-matching.
    ///
    /// - Parameters:
    ///   - left: Bounds of the left nodes.
    ///   - right: Bounds of the right nodes.
    ///   - pairs: The eligible pairs; a pair listed twice is eligible twice.
    ///   - totalLimit: At most this many pairs in all (e.g. the tables of all slots); `nil`: no limit.
    /// - Complexity: a minimum-cost flow on `left + right + 3` nodes and `pairs + 2(left + right) + 1` arcs.
    public init(left: [Bounds], right: [Bounds], pairs: [Pair], totalLimit: Int? = nil) {
        let source = 0
        let sink = 1
        let hub = 2  // source → hub carries the total limit
        func leftNode(_ index: Int) -> Int { 3 + index }
        func rightNode(_ index: Int) -> Int { 3 + left.count + index }
        let totalWeight = pairs.reduce(Int64(0)) { $0 + $1.weight }
        let bonus = totalWeight + 1
        var network = MinimumCostFlow(nodeCount: 3 + left.count + right.count)
        network.addArc(from: source, to: hub, capacity: max(0, totalLimit ?? pairs.count), cost: 0)
        for (index, bounds) in left.enumerated() {
            if bounds.minimum > 0 { network.addArc(from: hub, to: leftNode(index), capacity: bounds.minimum, cost: -bonus) }
            if bounds.maximum > bounds.minimum { network.addArc(from: hub, to: leftNode(index), capacity: bounds.maximum - bounds.minimum, cost: 0) }
        }
        let pairArcs = pairs.map { pair -> MinimumCostFlow.Arc in
            precondition(left.indices.contains(pair.left) && right.indices.contains(pair.right), "pair outside the node ranges")
            return network.addArc(from: leftNode(pair.left), to: rightNode(pair.right), capacity: 1, cost: -pair.weight)
        }
        for (index, bounds) in right.enumerated() {
            if bounds.minimum > 0 { network.addArc(from: rightNode(index), to: sink, capacity: bounds.minimum, cost: -bonus) }
            if bounds.maximum > bounds.minimum { network.addArc(from: rightNode(index), to: sink, capacity: bounds.maximum - bounds.minimum, cost: 0) }
        }
        _ = network.solve(from: source, to: sink, onlyWhileProfitable: true)
        chosen = pairArcs.indices.filter { network.flow(on: pairArcs[$0]) > 0 }
        var leftDegrees = [Int](repeating: 0, count: left.count)
        var rightDegrees = [Int](repeating: 0, count: right.count)
        var weight: Int64 = 0
        for index in chosen {
            leftDegrees[pairs[index].left] += 1
            rightDegrees[pairs[index].right] += 1
            weight += pairs[index].weight
        }
        self.totalWeight = weight
        self.leftDegrees = leftDegrees
        self.rightDegrees = rightDegrees
        servedMinimum = zip(leftDegrees, left).reduce(0) { $0 + min($1.0, $1.1.minimum) }
            + zip(rightDegrees, right).reduce(0) { $0 + min($1.0, $1.1.minimum) }
    }
}
