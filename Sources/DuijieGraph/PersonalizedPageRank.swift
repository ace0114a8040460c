import DuijieVectors

/// Personalized PageRank (random walk with restart; Page et al. 1999, Haveliwala 2002) over a
/// `WeightedGraph`: the stationary distribution of a walk that follows an out-edge with
/// probability proportional to its weight, and with probability 1 − `damping` jumps back to
/// the seeds. A node without out-edges (dangling) sends its mass to the seeds too — the
/// convention of networkx's `pagerank(…, personalization=…)`.
///
/// Power iteration: x ← damping · (Pᵀx + dangling mass · s) + (1 − damping) · s, until the L1
/// change is below `tolerance`. Each node's new value is a sum over its in-edges in a fixed
/// order, computed in parallel by node, so results are identical for any thread count.
public struct PersonalizedPageRank: Sendable {
    /// Iteration settings.
    public struct Options: Sendable, Equatable {
        /// The probability of following an edge rather than restarting (networkx's `alpha`).
        public var damping: Double
        /// Stop when Σ|xₜ₊₁ − xₜ| falls below this.
        public var tolerance: Double
        /// Stop after this many iterations even if not converged.
        public var maximumIterations: Int

        /// Creates options; the defaults are damping 0.85, tolerance 1e-10, 200 iterations.
        public init(damping: Double = 0.85, tolerance: Double = 1e-10, maximumIterations: Int = 200) {
            self.damping = damping
            self.tolerance = tolerance
            self.maximumIterations = maximumIterations
        }
    }

    /// The stationary probabilities, one per node, summing to 1.
    public let scores: [Double]
    /// The iterations run.
    public let iterations: Int
    /// Whether the L1 change fell below the tolerance.
    public let converged: Bool

    /// Computes personalized PageRank.
    ///
    /// - Parameters:
    ///   - graph: The graph; edge weights are the relative chances of following each out-edge.
    ///   - seeds: Node → restart weight (normalized to sum 1); must be non-empty and positive.
    ///   - options: Damping, tolerance and iteration limit.
    ///   - parallelism: Threads for the per-node sums.
    /// - Complexity: O(iterations · (nodes + edges)).
    public init(graph: WeightedGraph, seeds: [Int: Double], options: Options = Options(), parallelism: Parallelism = .automatic) {
        let n = graph.nodeCount
        let seedTotal = seeds.values.reduce(0, +)
        precondition(!seeds.isEmpty && seedTotal > 0, "personalized PageRank needs seeds with positive weight")
        var restart = [Double](repeating: 0, count: n)
        for (node, weight) in seeds.sorted(by: { $0.key < $1.key }) {
            precondition(node >= 0 && node < n && weight >= 0, "seed out of range or negative")
            restart[node] += weight / seedTotal
        }
        // Incoming edges with transition probabilities (weight / source out-weight) in Double, so
        // every node's outgoing probabilities sum to 1 and no mass leaks: the transpose, by
        // counting sort, sources in increasing order within each target.
        let outWeights = (0..<n).map { node in
            graph.weights[graph.offsets[node]..<graph.offsets[node + 1]].reduce(0.0) { $0 + Double($1) }
        }
        let dangling = (0..<n).filter { outWeights[$0] == 0 }
        var inOffsets = [Int](repeating: 0, count: n + 1)
        for target in graph.targets { inOffsets[Int(target) + 1] += 1 }
        for node in 0..<n { inOffsets[node + 1] += inOffsets[node] }
        var fill = inOffsets
        var inSources = [Int32](repeating: 0, count: graph.edgeCount)
        var inProbabilities = [Double](repeating: 0, count: graph.edgeCount)
        for source in 0..<n {
            for position in graph.offsets[source]..<graph.offsets[source + 1] {
                let target = Int(graph.targets[position])
                inSources[fill[target]] = Int32(source)
                inProbabilities[fill[target]] = Double(graph.weights[position]) / outWeights[source]
                fill[target] += 1
            }
        }
        let incomingOffsets = inOffsets
        let incomingSources = inSources
        let incomingProbabilities = inProbabilities
        let restartVector = restart
        var scores = restart
        var iterations = 0
        var converged = false
        let damping = options.damping
        while iterations < options.maximumIterations {
            iterations += 1
            let danglingMass = dangling.reduce(0.0) { $0 + scores[$1] }
            let current = scores
            let next = parallelism.mapChunks(count: n, minimumChunk: 4_096) { range in
                range.map { node -> Double in
                    var sum = 0.0
                    for position in incomingOffsets[node]..<incomingOffsets[node + 1] {
                        sum += incomingProbabilities[position] * current[Int(incomingSources[position])]
                    }
                    return damping * (sum + danglingMass * restartVector[node]) + (1 - damping) * restartVector[node]
                }
            }.flatMap { $0 }
            var change = 0.0
            for node in 0..<n { change += abs(next[node] - scores[node]) }
            scores = next
            if change < options.tolerance {
                converged = true
                break
            }
        }
        self.scores = scores
        self.iterations = iterations
        self.converged = converged
    }
}
