/// A directed graph with `Float` edge weights in compressed sparse row (CSR) form.
///
/// The out-edges of node `v` are `targets[offsets[v]..<offsets[v + 1]]` with the matching
/// `weights`, sorted by target. Parallel edges given to the initializer are merged by adding
/// their weights, so every (source, target) pair appears at most once.
public struct WeightedGraph: Sendable, Equatable {
    /// The number of nodes; nodes are `0..<nodeCount`.
    public let nodeCount: Int
    /// Row pointers: `nodeCount + 1` non-decreasing offsets into `targets` and `weights`.
    public let offsets: [Int]
    /// Edge targets, grouped by source and sorted within each group.
    public let targets: [Int32]
    /// Edge weights, parallel to `targets`.
    public let weights: [Float]
    /// Each node's sum of out-edge weights, in Double (so transition probabilities sum to 1).
    public let outWeightSums: [Double]

    /// A directed, weighted edge.
    public struct Edge: Sendable, Equatable {
        /// The node the edge leaves.
        public var source: Int
        /// The node the edge enters.
        public var target: Int
        /// The edge weight; must be positive and finite.
        public var weight: Float

        /// Creates an edge.
        public init(source: Int, target: Int, weight: Float) {
            self.source = source
            self.target = target
            self.weight = weight
        }
    }

    /// Restores a graph from its CSR arrays (as saved from `offsets`, `targets` and `weights`),
    /// or `nil` when they do not form one: offsets that do not start at 0, decrease or miss the
    /// end, targets out of range or unsorted within a node, weights not positive and finite.
    public init?(nodeCount: Int, offsets: [Int], targets: [Int32], weights: [Float]) {
        guard nodeCount >= 0, nodeCount < Int(Int32.max), offsets.count == nodeCount + 1, offsets.first == 0,
              offsets.last == targets.count, targets.count == weights.count else { return nil }
        for node in 0..<nodeCount {
            guard offsets[node] <= offsets[node + 1] else { return nil }
            var previous: Int32 = -1
            for position in offsets[node]..<offsets[node + 1] {
                let target = targets[position]
                guard target > previous, Int(target) < nodeCount, weights[position] > 0, weights[position].isFinite else { return nil }
                previous = target
            }
        }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        outWeightSums = Self.rowSums(offsets: offsets, weights: weights)
    }

    /// Builds the CSR form of a list of edges.
    ///
    /// - Parameters:
    ///   - nodeCount: The number of nodes.
    ///   - edges: Edges between nodes in `0..<nodeCount`, in any order; weights positive and finite.
    ///   - symmetric: When `true`, every edge is also added in the opposite direction.
    /// - Complexity: O(E + Σ d log d) for E edges and out-degrees d.
    public init(nodeCount: Int, edges: [Edge], symmetric: Bool = false) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max), "node count out of range")
        for edge in edges {
            precondition(edge.source >= 0 && edge.source < nodeCount, "edge source \(edge.source) out of range")
            precondition(edge.target >= 0 && edge.target < nodeCount, "edge target \(edge.target) out of range")
        }
        self.init(nodeCount: nodeCount, sources: edges.map { Int32($0.source) }, targets: edges.map { Int32($0.target) },
                  weights: edges.map(\.weight), symmetric: symmetric)
    }

    /// Builds the CSR form of a list of edges given as three parallel arrays (12 bytes an
    /// edge), placing each edge straight into its source's row: no second, symmetric copy of the
    /// list is made and nothing is sorted but each row.
    ///
    /// Parallel edges are merged by adding their weights, in the order they come (the edges as
    /// given, then, when `symmetric`, their reverses).
    ///
    /// - Parameters:
    ///   - nodeCount: The number of nodes.
    ///   - sources, targets: The edges' ends, nodes in `0..<nodeCount`.
    ///   - weights: The edges' weights, positive and finite.
    ///   - symmetric: When `true`, every edge is also added in the opposite direction.
    /// - Complexity: O(E + Σ d log d) for E edges and out-degrees d.
    public init(nodeCount: Int, sources: [Int32], targets: [Int32], weights: [Float], symmetric: Bool = false) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max), "node count out of range")
        precondition(sources.count == targets.count && targets.count == weights.count, "sources, targets and weights disagree in length")
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for index in sources.indices {
            let source = Int(sources[index]), target = Int(targets[index])
            precondition(source >= 0 && source < nodeCount, "edge source \(source) out of range")
            precondition(target >= 0 && target < nodeCount, "edge target \(target) out of range")
            precondition(weights[index] > 0 && weights[index].isFinite, "edge weights must be positive and finite")
            offsets[source + 1] += 1
            if symmetric && source != target { offsets[target + 1] += 1 }
        }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        // Each row receives its edges in list order, then its reversed edges in list order.
        var rowTargets = [Int32](repeating: 0, count: offsets[nodeCount])
        var rowWeights = [Float](repeating: 0, count: offsets[nodeCount])
        var next = offsets
        for index in sources.indices {
            let source = Int(sources[index])
            rowTargets[next[source]] = targets[index]
            rowWeights[next[source]] = weights[index]
            next[source] += 1
        }
        if symmetric {
            for index in sources.indices where sources[index] != targets[index] {
                let target = Int(targets[index])
                rowTargets[next[target]] = sources[index]
                rowWeights[next[target]] = weights[index]
                next[target] += 1
            }
        }
        next = []
        // Sort each row by target (ties in arrival order) and merge parallel edges, compacting
        // the rows in place.
        var row: [(target: Int32, arrival: Int32, weight: Float)] = []
        var written = 0
        for node in 0..<nodeCount {
            let start = offsets[node], end = offsets[node + 1]
            offsets[node] = written
            row.removeAll(keepingCapacity: true)
            for position in start..<end { row.append((rowTargets[position], Int32(position - start), rowWeights[position])) }
            row.sort { ($0.target, $0.arrival) < ($1.target, $1.arrival) }
            for (index, entry) in row.enumerated() {
                if index > 0 && row[index - 1].target == entry.target {
                    rowWeights[written - 1] += entry.weight
                } else {
                    rowTargets[written] = entry.target
                    rowWeights[written] = entry.weight
                    written += 1
                }
            }
        }
        offsets[nodeCount] = written
        if written < rowTargets.count {
            rowTargets.removeLast(rowTargets.count - written)
            rowWeights.removeLast(rowWeights.count - written)
        }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.targets = rowTargets
        self.weights = rowWeights
        outWeightSums = Self.rowSums(offsets: offsets, weights: rowWeights)
    }

    /// Each row's weight total, summed in Double in row order.
    private static func rowSums(offsets: [Int], weights: [Float]) -> [Double] {
        (0..<offsets.count - 1).map { node in weights[offsets[node]..<offsets[node + 1]].reduce(0.0) { $0 + Double($1) } }
    }

    /// The number of stored edges (after merging parallel edges).
    public var edgeCount: Int { targets.count }

    /// The number of out-edges of `node`.
    public func outDegree(of node: Int) -> Int {
        offsets[node + 1] - offsets[node]
    }

    /// The sum of the weights of the out-edges of `node`.
    public func outWeight(of node: Int) -> Float {
        weights[offsets[node]..<offsets[node + 1]].reduce(0, +)
    }

    /// The out-neighbours of `node` with edge weights, sorted by neighbour.
    ///
    /// - Complexity: O(degree).
    public func neighbors(of node: Int) -> [(node: Int, weight: Float)] {
        (offsets[node]..<offsets[node + 1]).map { (Int(targets[$0]), weights[$0]) }
    }
}
