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
        for pair in pairs {
            precondition(left.indices.contains(pair.left) && right.indices.contains(pair.right), "pair outside the node ranges")
        }
        // Solve on each node's heaviest pairs first; a Bellman–Ford certificate over the pairs
        // left out proves the result optimal for all of them, or the candidate lists double.
        let widest = (left + right).map(\.maximum).max() ?? 0
        var perNode = widest + 8
        var chosenPairs: [Int] = []
        while true {
            let subset = perNode * (left.count + right.count) >= pairs.count ? Array(pairs.indices)
                : Self.heaviest(pairs, perNode: perNode, leftCount: left.count, rightCount: right.count)
            let solved = Self.solve(left: left, right: right, pairs: pairs, subset: subset, totalLimit: totalLimit)
            chosenPairs = solved.chosen
            if subset.count == pairs.count { break }
            var inSubset = [Bool](repeating: false, count: pairs.count)
            for index in subset { inSubset[index] = true }
            let absent = pairs.indices.filter { !inSubset[$0] }.map {
                MinimumCostFlow.AbsentArc(from: Self.leftNode(pairs[$0].left), to: Self.rightNode(pairs[$0].right, leftCount: left.count), cost: -pairs[$0].weight)
            }
            if solved.network.isOptimal(source: 0, sink: 1, flow: solved.flow, absentArcs: absent) { break }
            perNode *= 2
        }
        chosen = chosenPairs
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

    static func leftNode(_ index: Int) -> Int { 3 + index }
    static func rightNode(_ index: Int, leftCount: Int) -> Int { 3 + leftCount + index }

    /// The network of the pairs in `subset`: source (0) → hub (2, the total limit) → left nodes
    /// (an arc for the minimum with a bonus per unit larger than all weights together, one for
    /// the rest) → right nodes (one arc per pair, cost −weight) → sink (1), the same two arcs.
    static func solve(left: [Bounds], right: [Bounds], pairs: [Pair], subset: [Int], totalLimit: Int?)
        -> (network: MinimumCostFlow, flow: Int, chosen: [Int]) {
        let source = 0, sink = 1, hub = 2
        // The bonus exceeds the weight of any set of pairs the limits allow (at most `most`
        // pairs, none heavier than the heaviest), so minimum places come first.
        let most = min(totalLimit ?? pairs.count, left.reduce(0) { $0 + $1.maximum }, right.reduce(0) { $0 + $1.maximum }, pairs.count)
        let heaviest = pairs.reduce(Int64(0)) { max($0, $1.weight) }
        let sum = pairs.reduce(Int64(0)) { $0 + $1.weight }
        let bonus = min(sum, Int64(max(0, most)) * heaviest) + 1
        var network = MinimumCostFlow(nodeCount: 3 + left.count + right.count)
        network.addArc(from: source, to: hub, capacity: max(0, totalLimit ?? pairs.count), cost: 0)
        for (index, bounds) in left.enumerated() {
            if bounds.minimum > 0 { network.addArc(from: hub, to: leftNode(index), capacity: bounds.minimum, cost: -bonus) }
            if bounds.maximum > bounds.minimum { network.addArc(from: hub, to: leftNode(index), capacity: bounds.maximum - bounds.minimum, cost: 0) }
        }
        let pairArcs = subset.map { network.addArc(from: leftNode(pairs[$0].left), to: rightNode(pairs[$0].right, leftCount: left.count), capacity: 1, cost: -pairs[$0].weight) }
        for (index, bounds) in right.enumerated() {
            let node = rightNode(index, leftCount: left.count)
            if bounds.minimum > 0 { network.addArc(from: node, to: sink, capacity: bounds.minimum, cost: -bonus) }
            if bounds.maximum > bounds.minimum { network.addArc(from: node, to: sink, capacity: bounds.maximum - bounds.minimum, cost: 0) }
        }
        let result = network.solveByCostScaling(from: source, to: sink) ?? network.solve(from: source, to: sink, onlyWhileProfitable: true)
        var chosen = zip(subset, pairArcs).filter { network.flow(on: $0.1) > 0 }.map(\.0).sorted()
        // A pair of weight 0 is kept only when it serves a minimum: one whose both sides are
        // above their minimums adds nothing and is dropped (cost scaling may send flow along
        // paths of cost 0).
        var leftDegree = [Int](repeating: 0, count: left.count), rightDegree = [Int](repeating: 0, count: right.count)
        for index in chosen { leftDegree[pairs[index].left] += 1; rightDegree[pairs[index].right] += 1 }
        chosen = chosen.filter { index in
            let pair = pairs[index]
            guard pair.weight == 0, leftDegree[pair.left] > left[pair.left].minimum, rightDegree[pair.right] > right[pair.right].minimum else { return true }
            leftDegree[pair.left] -= 1
            rightDegree[pair.right] -= 1
            return false
        }
        return (network, result.flow, chosen)
    }

    /// The indexes of each node's `perNode` heaviest pairs (ties to the lower index), ascending.
    static func heaviest(_ pairs: [Pair], perNode: Int, leftCount: Int, rightCount: Int) -> [Int] {
        var byLeft = [[Int]](repeating: [], count: leftCount)
        var byRight = [[Int]](repeating: [], count: rightCount)
        for (index, pair) in pairs.enumerated() {
            byLeft[pair.left].append(index)
            byRight[pair.right].append(index)
        }
        var keep = [Bool](repeating: false, count: pairs.count)
        // The `perNode` best of each list by one pass with a small sorted buffer: most pairs
        // fail the comparison with the buffer's last entry and cost one comparison.
        func better(_ a: Int, _ b: Int) -> Bool { (pairs[a].weight, -a) > (pairs[b].weight, -b) }
        var best: [Int] = []
        best.reserveCapacity(perNode + 1)
        for list in byLeft + byRight {
            best.removeAll(keepingCapacity: true)
            for index in list where best.count < perNode || better(index, best[best.count - 1]) {
                var position = best.count
                while position > 0 && better(index, best[position - 1]) { position -= 1 }
                best.insert(index, at: position)
                if best.count > perNode { best.removeLast() }
            }
            for index in best { keep[index] = true }
        }
        return pairs.indices.filter { keep[$0] }
    }
}
