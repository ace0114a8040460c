extension MinimumCostFlow {
    /// An arc that is not in the network (so carries no flow), for `isOptimal`.
    public struct AbsentArc: Sendable {
        /// Tail node.
        public var from: Int
        /// Head node.
        public var to: Int
        /// Cost per unit.
        public var cost: Int64

        /// Creates an absent arc.
        public init(from: Int, to: Int, cost: Int64) {
            self.from = from
            self.to = to
            self.cost = cost
        }
    }

    /// Whether the flow found by `solve(…, onlyWhileProfitable: true)` is also a minimum-cost
    /// flow of any value in the network extended by `absentArcs`: the optimality certificate
    /// of the circulation view (a zero-cost return arc sink → source; its reverse while flow
    /// runs). The flow is optimal exactly when that residual graph has no negative cycle,
    /// which Bellman–Ford decides, starting from `solve`'s potentials so it settles in a few
    /// passes when the answer is yes.
    ///
    /// - Complexity: O(passes · (arcs + absent arcs)).
    public func isOptimal(source: Int, sink: Int, flow: Int, absentArcs: [AbsentArc]) -> Bool {
        precondition(potentials.count == nodeCount, "call solve first")
        var outgoing = [[(to: Int, cost: Int64)]](repeating: [], count: nodeCount)
        for arc in targets.indices where residual[arc] > 0 { outgoing[Int(tails[arc])].append((Int(targets[arc]), costs[arc])) }
        for arc in absentArcs { outgoing[arc.from].append((arc.to, arc.cost)) }
        outgoing[sink].append((source, 0))
        if flow > 0 { outgoing[source].append((sink, 0)) }
        // Distances in reduced costs from a virtual root joined to every node at 0.
        var distance = [Int64](repeating: 0, count: nodeCount)
        var queued = [Bool](repeating: true, count: nodeCount)
        var edgesOnPath = [Int](repeating: 0, count: nodeCount)  // a shortest path longer than the nodes has a cycle
        var queue = Array(0..<nodeCount)
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            queued[node] = false
            for (next, cost) in outgoing[node] {
                let candidate = distance[node] + cost + potentials[node] - potentials[next]
                if candidate < distance[next] {
                    distance[next] = candidate
                    edgesOnPath[next] = edgesOnPath[node] + 1
                    if edgesOnPath[next] > nodeCount { return false }  // a negative cycle
                    if !queued[next] { queued[next] = true; queue.append(next) }
                }
            }
            if head > 4096 && head * 2 > queue.count { queue.removeFirst(head); head = 0 }
        }
        return true
    }
}
