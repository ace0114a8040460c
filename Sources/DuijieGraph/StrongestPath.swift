import Foundation

/// The most probable short walk between two nodes: the path that maximizes the product of its
/// transition probabilities (edge weight / source out-weight) among paths of at most
/// `maximumHops` edges — a shortest path on costs −ln p, searched layer by layer. It explains a
/// graph score: "需求 → 精细化工 → 专家 → 大连化物所".
///
/// One search from a source serves every target (`StrongestPath(in:from:)`, then `path(to:)`).
public struct StrongestPath: Sendable {
    private let source: Int
    /// Per hop, the parent of each node first reached that cheaply at that hop.
    private let parents: [[Int: Int]]
    /// Per node, the cost and hop of its strongest path.
    private let best: [Int: (cost: Double, hop: Int)]

    /// Searches from `source`, following only the links `follows(from, to)` admits (all when
    /// nil; a link's probability is still its share of all the node's links).
    ///
    /// - Complexity: O(maximumHops · (V + E)).
    public init(in graph: WeightedGraph, from source: Int, maximumHops: Int = 4, follows: (@Sendable (Int, Int) -> Bool)? = nil) {
        self.source = source
        // cheapest[v]: the lowest cost of reaching v with any number of hops so far. A node reached
        // again with more hops at no lower cost is dropped: every continuation from it is dominated.
        var cheapest: [Int: Double] = [source: 0]
        var layer: [(node: Int, cost: Double)] = [(source, 0)]
        var parents: [[Int: Int]] = [[:]]
        var best: [Int: (cost: Double, hop: Int)] = [:]
        for hop in 1...max(1, maximumHops) {
            var next: [Int: Double] = [:]
            var parent: [Int: Int] = [:]
            for (node, cost) in layer.sorted(by: { $0.node < $1.node }) {
                let outWeight = Double(graph.outWeight(of: node))
                guard outWeight > 0 else { continue }
                for position in graph.offsets[node]..<graph.offsets[node + 1] {
                    let neighbor = Int(graph.targets[position])
                    if let follows, !follows(node, neighbor) { continue }
                    let total = cost - log(Double(graph.weights[position]) / outWeight)
                    guard total < (cheapest[neighbor] ?? .infinity) - 1e-12, total < (next[neighbor] ?? .infinity) - 1e-12 else { continue }
                    next[neighbor] = total
                    parent[neighbor] = node
                }
            }
            for (node, cost) in next {
                cheapest[node] = min(cheapest[node] ?? .infinity, cost)
                if cost < (best[node]?.cost ?? .infinity) - 1e-12 { best[node] = (cost, hop) }
            }
            parents.append(parent)
            layer = next.map { ($0.key, $0.value) }
            if layer.isEmpty { break }
        }
        self.parents = parents
        self.best = best
    }

    /// The nodes of the strongest path to `target`, or `nil` when it is farther than the hop
    /// limit. Among equally strong paths, the one with fewer hops, then the one through
    /// lower-numbered nodes, wins.
    public func path(to target: Int) -> [Int]? {
        guard target != source else { return [source] }
        guard let found = best[target] else { return nil }
        var path = [target]
        var current = target
        for back in stride(from: found.hop, through: 1, by: -1) {
            current = parents[back][current]!
            path.append(current)
        }
        return path.reversed()
    }

    /// The strongest path from `source` to `target` with at most `maximumHops` edges.
    public static func find(in graph: WeightedGraph, from source: Int, to target: Int, maximumHops: Int = 4) -> [Int]? {
        StrongestPath(in: graph, from: source, maximumHops: maximumHops).path(to: target)
    }
}

extension StrongestPath {
    /// The strongest paths (at most `maximumHops` edges) from `source` to each of `targets`, by
    /// Dijkstra over (node, hops) states in order of cost −ln p, stopping once every target is
    /// settled — it explores only what is cheaper than the farthest target, so high-degree hubs
    /// whose neighbours are improbable stay unexpanded. Exact for the cost; among equally strong
    /// paths the one with fewer hops wins. Targets beyond the hop limit, or only reachable by a
    /// walk less probable than `minimumProbability`, or not found within `maximumSettled`
    /// states (a bound on the work), are absent. From a node with more than `hubDegree` links
    /// only the links straight to targets are followed; only links `follows(from, to)` admits
    /// are followed at all (every link when nil).
    public static func paths(in graph: WeightedGraph, from source: Int, to targets: [Int], maximumHops: Int = 4,
                             minimumProbability: Double = 1e-9, maximumSettled: Int = 5_000, hubDegree: Int = 1_000,
                             follows: (@Sendable (Int, Int) -> Bool)? = nil) -> [Int: [Int]] {
        let maximumCost = -log(minimumProbability)
        var remaining = Set(targets)
        remaining.remove(source)
        var result: [Int: [Int]] = targets.contains(source) ? [source: [source]] : [:]
        guard !remaining.isEmpty else { return result }
        struct State { let node: Int; let hops: Int; let parent: Int }  // parent: index into `settled`
        var settled: [State] = []
        var fewestHopsSettled: [Int: Int] = [:]
        var heap: [(cost: Double, hops: Int, node: Int, parent: Int)] = [(0, 0, source, -1)]
        func precedes(_ a: (cost: Double, hops: Int, node: Int, parent: Int), _ b: (cost: Double, hops: Int, node: Int, parent: Int)) -> Bool {
            (a.cost, a.hops, a.node, a.parent) < (b.cost, b.hops, b.node, b.parent)
        }
        func push(_ item: (cost: Double, hops: Int, node: Int, parent: Int)) {
            heap.append(item)
            var child = heap.count - 1
            while child > 0, case let parent = (child - 1) / 2, precedes(heap[child], heap[parent]) { heap.swapAt(child, parent); child = parent }
        }
        func pop() -> (cost: Double, hops: Int, node: Int, parent: Int) {
            let top = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var parent = 0
                while true {
                    var smallest = parent
                    for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && precedes(heap[child], heap[smallest]) { smallest = child }
                    if smallest == parent { break }
                    heap.swapAt(parent, smallest)
                    parent = smallest
                }
            }
            return top
        }
        while !heap.isEmpty && !remaining.isEmpty && settled.count < maximumSettled {
            let item = pop()
            if item.cost > maximumCost { break }
            // A state reached with no fewer hops than an earlier (so no dearer) one is dominated.
            if let hops = fewestHopsSettled[item.node], hops <= item.hops { continue }
            fewestHopsSettled[item.node] = item.hops
            settled.append(State(node: item.node, hops: item.hops, parent: item.parent))
            let here = settled.count - 1
            if remaining.remove(item.node) != nil {
                var path: [Int] = []
                var index = here
                while index >= 0 { path.append(settled[index].node); index = settled[index].parent }
                result[item.node] = path.reversed()
            }
            guard item.hops < maximumHops else { continue }
            let outWeight = graph.outWeightSums[item.node]
            guard outWeight > 0 else { continue }
            let edges = graph.offsets[item.node]..<graph.offsets[item.node + 1]
            // Through a hub, a walk reaches any one neighbour with probability below
            // 1 / hubDegree: only its direct links to the targets are followed (found by binary
            // search in its sorted adjacency), not its whole neighbourhood.
            let positions: [Int] = edges.count > hubDegree
                ? remaining.sorted().compactMap { target in
                    var low = edges.lowerBound, high = edges.upperBound
                    while low < high {
                        let middle = (low + high) / 2
                        if Int(graph.targets[middle]) < target { low = middle + 1 } else { high = middle }
                    }
                    return low < edges.upperBound && Int(graph.targets[low]) == target ? low : nil
                }
                : Array(edges)
            for position in positions {
                let next = Int(graph.targets[position])
                if let follows, !follows(item.node, next) { continue }
                if let hops = fewestHopsSettled[next], hops <= item.hops + 1 { continue }
                push((item.cost - log(Double(graph.weights[position]) / outWeight), item.hops + 1, next, here))
            }
        }
        return result
    }
}
