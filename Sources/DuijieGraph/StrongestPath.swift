import Foundation

/// The most probable short walk between two nodes: the path that maximizes the product of its
/// transition probabilities (edge weight / source out-weight) among paths of at most
/// `maximumHops` edges — a shortest path on costs −ln p, searched layer by layer. It explains a
/// graph score: "需求 → 精细化工 → 专家 → 大连化物所".
public enum StrongestPath {
    /// The nodes of the strongest path from `source` to `target` with at most `maximumHops`
    /// edges, or `nil` when there is none. Among equally strong paths, the one with fewer hops,
    /// then the one through lower-numbered nodes, wins.
    ///
    /// - Complexity: O(maximumHops · (V + E)).
    public static func find(in graph: WeightedGraph, from source: Int, to target: Int, maximumHops: Int = 4) -> [Int]? {
        guard source != target else { return [source] }
        // cheapest[v]: the lowest cost of reaching v with any number of hops so far. A node reached
        // again with more hops at no lower cost is dropped: every continuation from it is dominated.
        var cheapest = [Double](repeating: .infinity, count: graph.nodeCount)
        cheapest[source] = 0
        var layer: [(node: Int, cost: Double)] = [(source, 0)]
        var parents: [[Int: Int]] = [[:]]
        var best: (cost: Double, hop: Int)? = nil
        for hop in 1...max(1, maximumHops) {
            var next: [Int: Double] = [:]
            var parent: [Int: Int] = [:]
            for (node, cost) in layer.sorted(by: { $0.node < $1.node }) {
                let outWeight = Double(graph.outWeight(of: node))
                guard outWeight > 0 else { continue }
                for position in graph.offsets[node]..<graph.offsets[node + 1] {
                    let neighbor = Int(graph.targets[position])
                    let total = cost - log(Double(graph.weights[position]) / outWeight)
                    guard total < cheapest[neighbor] - 1e-12, total < (next[neighbor] ?? .infinity) - 1e-12 else { continue }
                    next[neighbor] = total
                    parent[neighbor] = node
                }
            }
            for (node, cost) in next { cheapest[node] = min(cheapest[node], cost) }
            parents.append(parent)
            if let cost = next[target], cost < (best?.cost ?? .infinity) - 1e-12 { best = (cost, hop) }
            layer = next.map { ($0.key, $0.value) }
            if layer.isEmpty { break }
        }
        guard let best else { return nil }
        var path = [target]
        var current = target
        for back in stride(from: best.hop, through: 1, by: -1) {
            current = parents[back][current]!
            path.append(current)
        }
        return path.reversed()
    }
}
