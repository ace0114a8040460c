@testable import DuijieGraph
import DuijieVectors
import Foundation
import Testing

@Suite struct PersonalizedPageRankTests {
    @Test func aThreeCycleMatchesTheHandSolution() {
        // 0 → 1 → 2 → 0, restart at 0, damping ½: x₁ = ½x₀, x₂ = ½x₁, x₀ = ½x₂ + ½,
        // so x₀ = ½ / (1 − ⅛) = 4/7, x₁ = 2/7, x₂ = 1/7.
        let graph = WeightedGraph(nodeCount: 3, edges: [.init(source: 0, target: 1, weight: 1), .init(source: 1, target: 2, weight: 1), .init(source: 2, target: 0, weight: 1)])
        let rank = PersonalizedPageRank(graph: graph, seeds: [0: 1], options: .init(damping: 0.5))
        #expect(rank.converged)
        for (value, expected) in zip(rank.scores, [4.0 / 7, 2.0 / 7, 1.0 / 7]) { #expect(abs(value - expected) < 1e-9) }
    }

    @Test func danglingMassReturnsToTheSeeds() {
        // 0 → 1 only, restart at 0, damping ½; node 1's mass goes back to 0:
        // x₁ = ½x₀, x₀ = ½x₁ + ½ → x₀ = 2/3, x₁ = 1/3.
        let graph = WeightedGraph(nodeCount: 2, edges: [.init(source: 0, target: 1, weight: 3)])
        let rank = PersonalizedPageRank(graph: graph, seeds: [0: 5], options: .init(damping: 0.5))
        #expect(abs(rank.scores[0] - 2.0 / 3) < 1e-9 && abs(rank.scores[1] - 1.0 / 3) < 1e-9)
    }

    @Test func matchesNetworkxOnAWeightedRandomGraph() throws {
        struct Reference: Decodable { let nodes: Int; let edges: [[Double]]; let seeds: [String: Double]; let scores: [Double] }
        // From Benchmarks/reference/pagerank_reference.py (networkx 3.6).
        let url = try #require(Bundle.module.url(forResource: "pagerank-networkx", withExtension: "json", subdirectory: "Fixtures"))
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let graph = WeightedGraph(nodeCount: reference.nodes, edges: reference.edges.map { .init(source: Int($0[0]), target: Int($0[1]), weight: Float($0[2])) })
        let seeds = Dictionary(uniqueKeysWithValues: reference.seeds.map { (Int($0.key)!, $0.value) })
        let rank = PersonalizedPageRank(graph: graph, seeds: seeds, options: .init(damping: 0.85, tolerance: 1e-13, maximumIterations: 10_000))
        #expect(rank.converged)
        // The graph stores the 3-decimal weights in Float32 (relative error below 6e-8); both sides
        // iterate in float64, so the scores agree with networkx's to 1e-9.
        for (value, expected) in zip(rank.scores, reference.scores) { #expect(abs(value - expected) < 1e-9) }
        #expect(abs(rank.scores.reduce(0, +) - 1) < 1e-9)
        let parallel = PersonalizedPageRank(graph: graph, seeds: seeds, options: .init(damping: 0.85, tolerance: 1e-13, maximumIterations: 10_000),
                                            parallelism: Parallelism(threads: 4))
        #expect(parallel.scores == rank.scores)
    }

    @Test func strongestPathPrefersLikelyWalksOverShortOnes() {
        // 0 → 3 directly has probability 0.1; 0 → 1 → 3 has 0.9 × 1 = 0.9; 0 → 2 is a dead end.
        let graph = WeightedGraph(nodeCount: 5, edges: [
            .init(source: 0, target: 3, weight: 1), .init(source: 0, target: 1, weight: 9),
            .init(source: 1, target: 3, weight: 1), .init(source: 3, target: 4, weight: 1),
        ])
        #expect(StrongestPath.find(in: graph, from: 0, to: 3) == [0, 1, 3])
        #expect(StrongestPath.find(in: graph, from: 0, to: 3, maximumHops: 1) == [0, 3])
        #expect(StrongestPath.find(in: graph, from: 0, to: 4) == [0, 1, 3, 4])
        #expect(StrongestPath.find(in: graph, from: 4, to: 0) == nil)
        #expect(StrongestPath.find(in: graph, from: 2, to: 2) == [2])
    }
}

@Suite struct ForwardPushPageRankTests {
    @Test func aThreeCycleMatchesTheHandSolution() {
        // The same 3-cycle as above (damping ½, restart at 0): 4/7, 2/7, 1/7.
        let graph = WeightedGraph(nodeCount: 3, edges: [.init(source: 0, target: 1, weight: 1), .init(source: 1, target: 2, weight: 1), .init(source: 2, target: 0, weight: 1)])
        let scores = ForwardPushPageRank.scores(graph: graph, seeds: [0: 1], damping: 0.5, epsilon: 1e-14)
        for (value, expected) in zip(scores, [4.0 / 7, 2.0 / 7, 1.0 / 7]) { #expect(abs(value - expected) < 1e-12) }
    }

    @Test func matchesNetworkxWithinItsBound() throws {
        struct Reference: Decodable { let nodes: Int; let edges: [[Double]]; let seeds: [String: Double]; let scores: [Double] }
        // The networkx fixture of the power-iteration test (Benchmarks/reference/pagerank_reference.py).
        let url = try #require(Bundle.module.url(forResource: "pagerank-networkx", withExtension: "json", subdirectory: "Fixtures"))
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let graph = WeightedGraph(nodeCount: reference.nodes, edges: reference.edges.map { .init(source: Int($0[0]), target: Int($0[1]), weight: Float($0[2])) })
        let seeds = Dictionary(uniqueKeysWithValues: reference.seeds.map { (Int($0.key)!, $0.value) })
        for epsilon in [1e-6, 1e-9, 1e-12] {
            let scores = ForwardPushPageRank.scores(graph: graph, seeds: seeds, epsilon: epsilon)
            // Every estimate is below the exact value, by at most the residual left: ε per edge.
            let bound = epsilon * Double(graph.edgeCount + graph.nodeCount)
            var total = 0.0
            for (value, exact) in zip(scores, reference.scores) {
                #expect(value <= exact + 1e-9 && exact - value <= bound + 1e-9)
                total += exact - value
            }
            #expect(total <= bound + 1e-9)
        }
    }
}
