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

    /// Searches from `source`, optionally only through nodes `allowed` admits (the source and
    /// targets are always admitted).
    ///
    /// - Complexity: O(maximumHops · (V + E)) over the admitted part of the graph.
    public init(in graph: WeightedGraph, from source: Int, maximumHops: Int = 4, allowed: ((Int) -> Bool)? = nil) {
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
                if node != source, let allowed, !allowed(node) { continue }  // reached, but not expanded
                let outWeight = Double(graph.outWeight(of: node))
                guard outWeight > 0 else { continue }
                for position in graph.offsets[node]..<graph.offsets[node + 1] {
                    let neighbor = Int(graph.targets[position])
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
