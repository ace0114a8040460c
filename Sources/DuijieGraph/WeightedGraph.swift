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
        outWeightSums = (0..<nodeCount).map { node in weights[offsets[node]..<offsets[node + 1]].reduce(0.0) { $0 + Double($1) } }
    }

    /// Builds the CSR form of a list of edges.
    ///
    /// - Parameters:
    ///   - nodeCount: The number of nodes.
    ///   - edges: Edges between nodes in `0..<nodeCount`, in any order; weights positive and finite.
    ///   - symmetric: When `true`, every edge is also added in the opposite direction.
    /// - Complexity: O(E log E) for E edges.
    public init(nodeCount: Int, edges: [Edge], symmetric: Bool = false) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max), "node count out of range")
        var all = edges
        if symmetric {
            all.reserveCapacity(edges.count * 2)
            for edge in edges where edge.source != edge.target {
                all.append(Edge(source: edge.target, target: edge.source, weight: edge.weight))
            }
        }
        for edge in all {
            precondition(edge.source >= 0 && edge.source < nodeCount, "edge source \(edge.source) out of range")
            precondition(edge.target >= 0 && edge.target < nodeCount, "edge target \(edge.target) out of range")
            precondition(edge.weight > 0 && edge.weight.isFinite, "edge weights must be positive and finite")
        }
        all.sort { ($0.source, $0.target) < ($1.source, $1.target) }

        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var targets: [Int32] = []
        var weights: [Float] = []
        targets.reserveCapacity(all.count)
        weights.reserveCapacity(all.count)
        var previous: (source: Int, target: Int)? = nil
        for edge in all {
            if let previous, previous == (edge.source, edge.target) {
                weights[weights.count - 1] += edge.weight
                continue
            }
            targets.append(Int32(edge.target))
            weights.append(edge.weight)
            offsets[edge.source + 1] += 1
            previous = (edge.source, edge.target)
        }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        outWeightSums = (0..<nodeCount).map { node in weights[offsets[node]..<offsets[node + 1]].reduce(0.0) { $0 + Double($1) } }
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
