/// Personalized PageRank by forward push (Andersen, Chung & Lang, FOCS 2006): local work
/// around the seeds instead of iterations over the whole graph, for large graphs.
///
/// Each node holds an estimate `p` and a residual `r` (at first, the seed distribution). A node
/// whose residual exceeds `epsilon` × its out-degree is pushed: (1 − damping) of its residual
/// joins its estimate and the rest flows along its out-edges in proportion to their weights
/// (from a node without out-edges, back to the seeds, as `PersonalizedPageRank` does). When no
/// node exceeds the threshold, every estimate is within Σ residual ≤ epsilon × edges of the
/// exact value, and Σ p + Σ r = 1 throughout. The work is O(1 / (epsilon · (1 − damping)))
/// pushes at most, independent of the graph's size. Nodes are pushed in first-in-first-out
/// order from a fixed start, so results are deterministic.
public enum ForwardPushPageRank {
    /// The estimates, one per node (0 for nodes the push never reached).
    ///
    /// - Parameters:
    ///   - graph: Edge weights are the relative chances of following each out-edge.
    ///   - seeds: Node → restart weight (normalized to sum 1); non-empty and positive.
    ///   - damping: The probability of following an edge (networkx's `alpha`).
    ///   - epsilon: The residual per out-edge below which a node is not pushed.
    public static func scores(graph: WeightedGraph, seeds: [Int: Double], damping: Double = 0.85, epsilon: Double = 1e-7) -> [Double] {
        let seedTotal = seeds.values.reduce(0, +)
        precondition(!seeds.isEmpty && seedTotal > 0, "personalized PageRank needs seeds with positive weight")
        let restart = seeds.sorted { $0.key < $1.key }.map { (node: $0.key, share: $0.value / seedTotal) }
        var estimate = [Double](repeating: 0, count: graph.nodeCount)
        var residual = [Double](repeating: 0, count: graph.nodeCount)
        var queued = [Bool](repeating: false, count: graph.nodeCount)
        var queue: [Int] = []
        var head = 0
        func threshold(_ node: Int) -> Double { epsilon * Double(max(1, graph.offsets[node + 1] - graph.offsets[node])) }
        func enqueueIfOver(_ node: Int) {
            if !queued[node] && residual[node] > threshold(node) {
                queued[node] = true
                queue.append(node)
            }
        }
        for seed in restart { residual[seed.node] += seed.share }
        for seed in restart { enqueueIfOver(seed.node) }
        while head < queue.count {
            let node = queue[head]
            head += 1
            queued[node] = false
            let mass = residual[node]
            guard mass > threshold(node) else { continue }
            residual[node] = 0
            estimate[node] += (1 - damping) * mass
            let spread = damping * mass
            let edges = graph.offsets[node]..<graph.offsets[node + 1]
            let outWeight = graph.outWeightSums[node]
            if outWeight > 0 {
                for position in edges {
                    let next = Int(graph.targets[position])
                    residual[next] += spread * Double(graph.weights[position]) / outWeight
                    enqueueIfOver(next)
                }
            } else {
                for seed in restart {
                    residual[seed.node] += spread * seed.share
                    enqueueIfOver(seed.node)
                }
            }
            if head > 65_536 && head * 2 > queue.count { queue.removeFirst(head); head = 0 }
        }
        return estimate
    }
}
