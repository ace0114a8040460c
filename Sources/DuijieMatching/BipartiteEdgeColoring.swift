/// A proper edge colouring of a bipartite multigraph — no two edges at a node share a colour —
/// with any number of colours at least the maximum degree Δ (König's theorem, 1916), made
/// equitable: the colour classes differ in size by at most one (de Werra 1971).
///
/// Each edge is coloured in turn: take a colour `a` free at its left end and `b` free at its
/// right end; if `a` is not free at the right end, swap `a` and `b` along the alternating path
/// that starts there (it cannot reach the left end in a bipartite graph). Balancing swaps the
/// colours of an alternating path with one more edge of a large class than of a small one.
public struct BipartiteEdgeColoring: Sendable, Equatable {
    /// Each edge's colour, `0..<colorCount`.
    public let colors: [Int]
    /// The number of colours allowed.
    public let colorCount: Int

    /// Colours the edges of a bipartite multigraph.
    ///
    /// - Parameters:
    ///   - leftCount: Nodes on the left.
    ///   - rightCount: Nodes on the right.
    ///   - edges: (left, right) pairs.
    ///   - colorCount: The colours to use; `nil` means the maximum degree.
    ///   - equitable: Balance the class sizes.
    /// - Precondition: `colorCount` is at least the maximum degree.
    public init(leftCount: Int, rightCount: Int, edges: [(left: Int, right: Int)], colorCount: Int? = nil, equitable: Bool = true) {
        let nodeCount = leftCount + rightCount
        var degree = [Int](repeating: 0, count: nodeCount)
        for edge in edges { degree[edge.left] += 1; degree[leftCount + edge.right] += 1 }
        let maximumDegree = degree.max() ?? 0
        let k = max(colorCount ?? maximumDegree, 1)
        precondition(k >= maximumDegree, "an edge colouring needs at least Δ = \(maximumDegree) colours")
        var state = ColoringState(nodeCount: nodeCount, colorCount: k, edgeCount: edges.count)
        let ends = edges.map { (Int($0.left), leftCount + $0.right) }
        for (edge, (u, v)) in ends.enumerated() {
            let a = state.freeColor(at: u)
            let b = state.freeColor(at: v)
            if state.edge(at: v, color: a) >= 0 {
                state.swapAlongPath(from: v, first: a, second: b, ends: ends)
            }
            state.assign(edge, color: a, ends: (u, v))
        }
        if equitable { state.balance(ends: ends) }
        colors = state.colors
        self.colorCount = k
    }
}

/// The colouring under construction: each node's edge per colour.
private struct ColoringState {
    let colorCount: Int
    var edgeAt: [Int32]  // node * colorCount + colour → edge or −1
    var colors: [Int]

    init(nodeCount: Int, colorCount: Int, edgeCount: Int) {
        self.colorCount = colorCount
        edgeAt = [Int32](repeating: -1, count: nodeCount * colorCount)
        colors = [Int](repeating: -1, count: edgeCount)
    }

    func edge(at node: Int, color: Int) -> Int { Int(edgeAt[node * colorCount + color]) }

    func freeColor(at node: Int) -> Int {
        for color in 0..<colorCount where edgeAt[node * colorCount + color] < 0 { return color }
        preconditionFailure("no free colour: more edges at a node than colours")
    }

    mutating func assign(_ edge: Int, color: Int, ends: (Int, Int)) {
        colors[edge] = color
        edgeAt[ends.0 * colorCount + color] = Int32(edge)
        edgeAt[ends.1 * colorCount + color] = Int32(edge)
    }

    mutating func unassign(_ edge: Int, ends: (Int, Int)) {
        let color = colors[edge]
        edgeAt[ends.0 * colorCount + color] = -1
        edgeAt[ends.1 * colorCount + color] = -1
        colors[edge] = -1
    }

    /// The edges of the path from `start` alternating colours `first`, `second`, `first` …
    func alternatingPath(from start: Int, first: Int, second: Int, ends: [(Int, Int)]) -> [Int] {
        var path: [Int] = []
        var node = start
        var color = first
        while case let edge = self.edge(at: node, color: color), edge >= 0 {
            path.append(edge)
            node = ends[edge].0 == node ? ends[edge].1 : ends[edge].0
            color = color == first ? second : first
        }
        return path
    }

    /// Swaps colours `first` and `second` on the alternating path from `start`.
    mutating func swapAlongPath(from start: Int, first: Int, second: Int, ends: [(Int, Int)]) {
        let path = alternatingPath(from: start, first: first, second: second, ends: ends)
        let old = path.map { colors[$0] }
        for edge in path { unassign(edge, ends: ends[edge]) }
        for (edge, color) in zip(path, old) { assign(edge, color: color == first ? second : first, ends: ends[edge]) }
    }

    /// Makes class sizes differ by at most one.
    mutating func balance(ends: [(Int, Int)]) {
        while true {
            var sizes = [Int](repeating: 0, count: colorCount)
            for color in colors { sizes[color] += 1 }
            let large = sizes.indices.max { (sizes[$0], -$0) < (sizes[$1], -$1) }!
            let small = sizes.indices.min { (sizes[$0], $0) < (sizes[$1], $1) }!
            guard sizes[large] - sizes[small] > 1 else { return }
            // A path component of the two classes starting and ending with `large` exists because
            // `large` has more edges; it starts at a node with a `large` edge and no `small` edge.
            var swapped = false
            for (edge, color) in colors.enumerated() where color == large {
                for node in [ends[edge].0, ends[edge].1] where self.edge(at: node, color: small) < 0 {
                    let path = alternatingPath(from: node, first: large, second: small, ends: ends)
                    if path.count % 2 == 1 {
                        swapAlongPath(from: node, first: large, second: small, ends: ends)
                        swapped = true
                        break
                    }
                }
                if swapped { break }
            }
            precondition(swapped, "a larger colour class always has an odd alternating path")
        }
    }
}
