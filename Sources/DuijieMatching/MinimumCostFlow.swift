import HeapModule

/// A flow network solved for minimum cost by the primal–dual method: successive shortest
/// paths (Dijkstra on reduced costs, Edmonds & Karp 1972). Each phase augments the path
/// Dijkstra found; when two phases in a row find paths of one cost (ties, as with unit
/// weights), it then augments a blocking flow over every remaining shortest path at once
/// (Dinic levels on the zero-reduced-cost arcs).
///
/// Costs and capacities are integers, so the optimum is exact. Arcs may have negative costs as
/// long as the network has no negative cycle; the first potentials come from Bellman–Ford.
/// Results are deterministic: arcs are explored in the order they were added.
public struct MinimumCostFlow: Sendable {
    /// An arc's id, as returned by `addArc`.
    public typealias Arc = Int

    /// The number of nodes.
    public let nodeCount: Int
    var targets: [Int32] = []
    var residual: [Int] = []
    var costs: [Int64] = []
    var capacities: [Int] = []
    var tails: [Int32] = []
    /// The node potentials after `solve`: every residual arc's reduced cost is non-negative.
    var potentials: [Int64] = []

    /// Creates a network of `nodeCount` nodes and no arcs.
    public init(nodeCount: Int) {
        precondition(nodeCount >= 2, "a flow network needs a source and a sink")
        self.nodeCount = nodeCount
    }

    /// Adds an arc (and its residual twin) and returns its id.
    @discardableResult
    public mutating func addArc(from source: Int, to target: Int, capacity: Int, cost: Int64) -> Arc {
        precondition(source >= 0 && source < nodeCount && target >= 0 && target < nodeCount && capacity >= 0)
        let arc = targets.count
        targets.append(Int32(target)); residual.append(capacity); costs.append(cost); capacities.append(capacity)
        targets.append(Int32(source)); residual.append(0); costs.append(-cost); capacities.append(0)
        tails.append(Int32(source)); tails.append(Int32(target))
        return arc
    }

    /// The flow on an arc after `solve`.
    public func flow(on arc: Arc) -> Int { capacities[arc] - residual[arc] }

    /// What `solve` achieved.
    public struct Result: Sendable, Equatable {
        /// Units sent from the source to the sink.
        public let flow: Int
        /// The total cost of the flow.
        public let cost: Int64
        /// Dijkstra phases run.
        public let phases: Int
    }

    /// Sends flow from `source` to `sink` along cheapest paths.
    ///
    /// - Parameters:
    ///   - maximumFlow: Stop after this many units.
    ///   - onlyWhileProfitable: Stop as soon as the cheapest remaining path costs zero or more:
    ///     the result is then the minimum-cost flow of any value (with costs as negated
    ///     weights, the maximum-weight flow).
    /// - Complexity: O(phases · (arcs · log nodes)) plus Bellman–Ford for the first potentials.
    public mutating func solve(from source: Int, to sink: Int, maximumFlow: Int = .max, onlyWhileProfitable: Bool = false) -> Result {
        let adjacency = outgoingArcs()
        var potential = initialPotentials(from: source, adjacency: adjacency)
        var totalFlow = 0
        var totalCost: Int64 = 0
        var phases = 0
        let unreachable = Int64.max / 4
        var distance = [Int64](repeating: unreachable, count: nodeCount)
        var level = [Int32](repeating: -1, count: nodeCount)
        var nextArc = [Int](repeating: 0, count: nodeCount)
        var parentArc = [Int](repeating: -1, count: nodeCount)
        var previousPathCost = Int64.min
        var heap = DistanceHeap()
        while totalFlow < maximumFlow {
            phases += 1
            heap.removeAll()
            // Dijkstra on reduced costs (all non-negative).
            for node in 0..<nodeCount { distance[node] = unreachable }
            distance[source] = 0
            heap.push(node: source, distance: 0)
            while let (node, nodeDistance) = heap.pop() {
                guard nodeDistance == distance[node] else { continue }
                // Once the sink is settled, every node still open is at least as far; the
                // potential update caps them at the sink's distance, which keeps reduced costs valid.
                if node == sink { break }
                for position in adjacency.first[node]..<adjacency.first[node + 1] {
                    let arc = adjacency.arcs[position]
                    guard residual[arc] > 0 else { continue }
                    let next = Int(targets[arc])
                    let candidate = nodeDistance + costs[arc] + potential[node] - potential[next]
                    if candidate < distance[next] {
                        distance[next] = candidate
                        parentArc[next] = arc
                        heap.push(node: next, distance: candidate)
                    }
                }
            }
            guard distance[sink] < unreachable else { break }
            let cap = distance[sink]
            for node in 0..<nodeCount { potential[node] += min(distance[node], cap) }
            let pathCost = potential[sink] - potential[source]
            if onlyWhileProfitable && pathCost >= 0 { break }
            // First the shortest path Dijkstra found (every arc on it now has zero reduced
            // cost); then blocking flows over the other admissible arcs, when the phase found
            // more than one path of this cost.
            var pathAmount = maximumFlow - totalFlow
            var node = sink
            while node != source { pathAmount = min(pathAmount, residual[parentArc[node]]); node = Int(tails[parentArc[node]]) }
            node = sink
            while node != source { residual[parentArc[node]] -= pathAmount; residual[parentArc[node] ^ 1] += pathAmount; node = Int(tails[parentArc[node]]) }
            totalFlow += pathAmount
            totalCost += Int64(pathAmount) * pathCost
            // Two phases in a row at one cost suggest many tied paths (unit weights): then the
            // level graph augments all of them in one go instead of a Dijkstra search each.
            let tied = pathCost == previousPathCost
            previousPathCost = pathCost
            while tied && totalFlow < maximumFlow {
                guard levelAdmissible(from: source, to: sink, adjacency: adjacency, potential: potential, level: &level) else { break }
                for node in 0..<nodeCount { nextArc[node] = 0 }
                var sent = 0
                while totalFlow + sent < maximumFlow {
                    let pushed = augment(source, sink, limit: maximumFlow - totalFlow - sent, adjacency: adjacency, potential: potential, level: level, nextArc: &nextArc)
                    if pushed == 0 { break }
                    sent += pushed
                }
                if sent == 0 { break }
                totalFlow += sent
                totalCost += Int64(sent) * pathCost
            }
        }
        potentials = potential
        return Result(flow: totalFlow, cost: totalCost, phases: phases)
    }

    /// Every node's outgoing residual arcs, in the order they were added, as one flat list:
    /// node `n`'s arcs are `arcs[first[n]..<first[n + 1]]` (no array per node to retain).
    struct Adjacency {
        let first: [Int]
        let arcs: [Int]

        subscript(node: Int) -> ArraySlice<Int> { arcs[first[node]..<first[node + 1]] }
    }

    func outgoingArcs() -> Adjacency {
        var first = [Int](repeating: 0, count: nodeCount + 1)
        for arc in 0..<targets.count { first[Int(tails[arc]) + 1] += 1 }
        for node in 0..<nodeCount { first[node + 1] += first[node] }
        var fill = first
        var arcs = [Int](repeating: 0, count: targets.count)
        for arc in 0..<targets.count {
            let node = Int(tails[arc])
            arcs[fill[node]] = arc
            fill[node] += 1
        }
        return Adjacency(first: first, arcs: arcs)
    }

    /// Shortest distances from the source by Bellman–Ford (queue-based), so that every
    /// reduced cost starts non-negative; unreachable nodes get 0.
    private func initialPotentials(from source: Int, adjacency: Adjacency) -> [Int64] {
        let unreachable = Int64.max / 4
        var distance = [Int64](repeating: unreachable, count: nodeCount)
        var queued = [Bool](repeating: false, count: nodeCount)
        var queue = [source]
        var head = 0
        distance[source] = 0
        queued[source] = true
        while head < queue.count {
            let node = queue[head]
            head += 1
            queued[node] = false
            for arc in adjacency[node] where residual[arc] > 0 {
                let next = Int(targets[arc])
                if distance[node] + costs[arc] < distance[next] {
                    distance[next] = distance[node] + costs[arc]
                    if !queued[next] { queued[next] = true; queue.append(next) }
                }
            }
            if head > 4096 && head * 2 > queue.count { queue.removeFirst(head); head = 0 }
        }
        return distance.map { $0 == unreachable ? 0 : $0 }
    }

    /// Breadth-first levels over residual arcs of zero reduced cost; whether the sink is reached.
    private func levelAdmissible(from source: Int, to sink: Int, adjacency: Adjacency, potential: [Int64], level: inout [Int32]) -> Bool {
        for node in 0..<nodeCount { level[node] = -1 }
        level[source] = 0
        var queue = [source]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for arc in adjacency[node] where residual[arc] > 0 {
                let next = Int(targets[arc])
                if level[next] < 0 && costs[arc] + potential[node] - potential[next] == 0 {
                    level[next] = level[node] + 1
                    queue.append(next)
                }
            }
        }
        return level[sink] >= 0
    }

    /// One augmenting path along increasing levels (iterative depth-first search with current-arc
    /// pointers); returns the units pushed, 0 when the level graph is blocked.
    private mutating func augment(_ source: Int, _ sink: Int, limit: Int, adjacency: Adjacency, potential: [Int64], level: [Int32], nextArc: inout [Int]) -> Int {
        var pathArcs: [Int] = []
        var node = source
        while true {
            if node == sink {
                var amount = limit
                for arc in pathArcs { amount = min(amount, residual[arc]) }
                for arc in pathArcs { residual[arc] -= amount; residual[arc ^ 1] += amount }
                return amount
            }
            var advanced = false
            let start = adjacency.first[node], end = adjacency.first[node + 1]
            while start + nextArc[node] < end {
                let arc = adjacency.arcs[start + nextArc[node]]
                let next = Int(targets[arc])
                if residual[arc] > 0 && level[next] == level[node] + 1 && costs[arc] + potential[node] - potential[next] == 0 {
                    pathArcs.append(arc)
                    node = next
                    advanced = true
                    break
                }
                nextArc[node] += 1
            }
            if advanced { continue }
            // Dead end: retreat and skip the arc that led here.
            guard let last = pathArcs.popLast() else { return 0 }
            node = Int(tails[last])
            nextArc[node] += 1
        }
    }
}

/// The min-heap of Dijkstra's search: (node, distance) entries with lazy deletion, ordered by
/// distance and then node id, so the order of pops is the same on every run.
struct DistanceHeap {
    private struct Entry: Comparable {
        let distance: Int64
        let node: Int

        static func < (a: Entry, b: Entry) -> Bool { (a.distance, a.node) < (b.distance, b.node) }
    }

    private var entries = Heap<Entry>()

    mutating func removeAll() { entries = Heap() }

    mutating func push(node: Int, distance: Int64) { entries.insert(Entry(distance: distance, node: node)) }

    mutating func pop() -> (node: Int, distance: Int64)? {
        entries.popMin().map { ($0.node, $0.distance) }
    }
}
