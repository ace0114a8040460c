extension MinimumCostFlow {
    /// The minimum-cost flow of any value from `source` to `sink` (what `solve(…,
    /// onlyWhileProfitable: true)` finds) by cost scaling: Goldberg & Tarjan's push–relabel
    /// method for the minimum-cost circulation of the network closed by a return arc sink →
    /// source.
    ///
    /// Costs are multiplied by `nodeCount + 1` so that a 1-optimal circulation of the scaled
    /// costs is optimal for the integer ones; ε starts at the largest scaled cost and is divided
    /// by 16 per refinement. Among optimal flows it may choose a larger one than `solve` does
    /// (a path of cost 0 may carry flow). Deterministic: nodes are discharged first in, first
    /// out, arcs scanned in the order they were added.
    ///
    /// - Returns: `nil` when the scaled costs could overflow (then use `solve`).
    public mutating func solveByCostScaling(from source: Int, to sink: Int) -> Result? {
        let originalArcCount = targets.count
        var returnCapacity = 0
        for arc in Swift.stride(from: 0, to: originalArcCount, by: 2) where Int(tails[arc]) == source { returnCapacity += residual[arc] }
        guard returnCapacity > 0 else {
            potentials = [Int64](repeating: 0, count: nodeCount)
            return Result(flow: 0, cost: 0, phases: 0)
        }
        // Scaled costs: × (nodeCount + 1) for exactness. A node's potential falls by at most
        // 3 · nodes · ε in a refinement, and the ε shrink geometrically: keep 8 · nodes · the
        // largest cost below the limit.
        let largest = costs.reduce(Int64(0)) { max($0, abs($1)) }
        let exactScale = Int64(nodeCount) + 1
        let (scaledLargest, overflow) = largest.multipliedReportingOverflow(by: exactScale)
        guard !overflow, scaledLargest < Int64.max / (8 * exactScale) else { return nil }

        addArc(from: sink, to: source, capacity: returnCapacity, cost: 0)
        let cost = costs.map { $0 * exactScale }
        let adjacency = outgoingArcs()
        var potential = [Int64](repeating: 0, count: nodeCount)
        var excess = [Int](repeating: 0, count: nodeCount)
        var current = [Int](repeating: 0, count: nodeCount)
        var queue: [Int] = []
        var inQueue = [Bool](repeating: false, count: nodeCount)
        var epsilon = max(1, cost.reduce(Int64(0)) { max($0, abs($1)) })
        var refinements = 0
        while epsilon > 1 {
            epsilon = max(1, epsilon / 16)
            refinements += 1
            // Saturate every residual arc of negative reduced cost: the pseudoflow is then 0-optimal.
            for arc in 0..<targets.count where residual[arc] > 0 {
                let tail = Int(tails[arc]), head = Int(targets[arc])
                if cost[arc] + potential[tail] - potential[head] < 0 {
                    let amount = residual[arc]
                    residual[arc] = 0
                    residual[arc ^ 1] += amount
                    excess[tail] -= amount
                    excess[head] += amount
                }
            }
            queue.removeAll(keepingCapacity: true)
            for node in 0..<nodeCount {
                current[node] = adjacency.first[node]
                inQueue[node] = excess[node] > 0
                if inQueue[node] { queue.append(node) }
            }
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                inQueue[node] = false
                // Discharge: push along admissible arcs; relabel when none is left.
                while excess[node] > 0 {
                    let end = adjacency.first[node + 1]
                    var pushed = false
                    while current[node] < end {
                        let arc = adjacency.arcs[current[node]]
                        let next = Int(targets[arc])
                        if residual[arc] > 0 && cost[arc] + potential[node] - potential[next] < 0 {
                            let amount = min(excess[node], residual[arc])
                            residual[arc] -= amount
                            residual[arc ^ 1] += amount
                            excess[node] -= amount
                            excess[next] += amount
                            if excess[next] > 0 && !inQueue[next] { inQueue[next] = true; queue.append(next) }
                            pushed = true
                            if excess[node] == 0 { break }
                        }
                        current[node] += 1
                    }
                    if excess[node] == 0 { break }
                    if !pushed || current[node] >= end {
                        // Relabel: lower the node just enough that its best residual arc is admissible.
                        var best = Int64.min
                        for position in adjacency.first[node]..<end {
                            let arc = adjacency.arcs[position]
                            if residual[arc] > 0 { best = max(best, potential[Int(targets[arc])] - cost[arc]) }
                        }
                        potential[node] = best - epsilon
                        current[node] = adjacency.first[node]
                    }
                }
                if head > 4096 && head * 2 > queue.count { queue.removeFirst(head); head = 0 }
            }
        }
        // Open the circulation again: the return arc's flow is the flow's value.
        let value = residual[originalArcCount + 1]
        targets.removeLast(2); residual.removeLast(2); costs.removeLast(2); capacities.removeLast(2); tails.removeLast(2)
        var total: Int64 = 0
        for arc in Swift.stride(from: 0, to: originalArcCount, by: 2) { total += Int64(flow(on: arc)) * costs[arc] }
        potentials = potential.map { $0 / exactScale }
        return Result(flow: value, cost: total, phases: refinements)
    }
}
