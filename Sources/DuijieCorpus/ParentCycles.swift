/// Cycles among parent links (each node has at most one parent), found in linear time: every
/// node is walked once, and a walk that comes back to a node of its own path has found a cycle.
enum ParentCycles {
    /// For each node, the cycle it lies on (its members in parent order, from the node where the
    /// walk entered it, shared by all members) and the node's place in it, or nil.
    /// `parents[i]` is the index of node `i`'s parent; excluded nodes are neither walked nor reached.
    static func cycles(parents: [Int?], excluded: [Bool]) -> [(members: [Int], offset: Int)?] {
        // 0: not yet seen; 1: on the walk in progress; 2: done.
        var state = excluded.map { $0 ? UInt8(2) : 0 }
        var positionOnWalk = [Int](repeating: 0, count: parents.count)
        var result = [(members: [Int], offset: Int)?](repeating: nil, count: parents.count)
        var walk: [Int] = []
        for start in parents.indices where state[start] == 0 {
            walk.removeAll(keepingCapacity: true)
            var current: Int? = start
            while let node = current, state[node] == 0 {
                state[node] = 1
                positionOnWalk[node] = walk.count
                walk.append(node)
                current = parents[node]
            }
            if let node = current, state[node] == 1 {
                let cycle = Array(walk[positionOnWalk[node]...])
                for (offset, member) in cycle.enumerated() { result[member] = (cycle, offset) }
            }
            for node in walk { state[node] = 2 }
        }
        return result
    }

    /// The longest cycle written out in full; a longer one shows its first members and its length.
    static let fullLength = 12

    /// `a → b → c → a`, starting at the member at `offset`; a cycle longer than `fullLength` is
    /// shortened to its first members, `…`, the number of members, and back to the start.
    static func describe(cycle: [Int], from offset: Int, name: (Int) -> String) -> String {
        let shown = min(cycle.count, cycle.count <= fullLength ? cycle.count : 6)
        var parts = (0..<shown).map { name(cycle[(offset + $0) % cycle.count]) }
        if shown < cycle.count { parts.append("… (\(cycle.count) records in the cycle)") }
        parts.append(name(cycle[offset]))
        return parts.joined(separator: " → ")
    }
}
