@testable import DuijieGraph
import Testing

@Suite struct WeightedGraphTests {
    @Test func edgesAreGroupedSortedAndMerged() {
        let graph = WeightedGraph(nodeCount: 4, edges: [
            .init(source: 2, target: 0, weight: 1),
            .init(source: 0, target: 3, weight: 2),
            .init(source: 0, target: 1, weight: 1),
            .init(source: 0, target: 3, weight: 0.5),  // parallel to 0→3: merged to 2.5
        ])
        #expect(graph.offsets == [0, 2, 2, 3, 3])
        #expect(graph.targets == [1, 3, 0])
        #expect(graph.weights == [1, 2.5, 1])
        #expect(graph.outDegree(of: 0) == 2 && graph.outDegree(of: 1) == 0)
        #expect(graph.outWeight(of: 0) == 3.5)
        #expect(graph.neighbors(of: 2).map(\.node) == [0])
    }

    @Test func symmetricGraphsGetBothDirections() {
        let graph = WeightedGraph(nodeCount: 3, edges: [.init(source: 0, target: 2, weight: 3), .init(source: 1, target: 1, weight: 1)], symmetric: true)
        #expect(graph.edgeCount == 3)  // 0→2, 2→0, and the self-loop once
        #expect(graph.neighbors(of: 2).map(\.weight) == [3])
    }

    @Test func parallelArraysMergeBothDirectionsOfASymmetricGraph() {
        // 0→1 twice and 1→0 once: each direction carries 1 + 0.5 + 2 = 3.5 (by hand); the
        // self-loop on 2 is stored once; node 3 has no edges.
        let graph = WeightedGraph(nodeCount: 4, sources: [0, 1, 0, 2], targets: [1, 0, 1, 2], weights: [1, 2, 0.5, 1], symmetric: true)
        #expect(graph.offsets == [0, 1, 2, 3, 3])
        #expect(graph.targets == [1, 0, 2] && graph.weights == [3.5, 3.5, 1])
        let listed = WeightedGraph(nodeCount: 4, edges: [.init(source: 0, target: 1, weight: 1), .init(source: 1, target: 0, weight: 2),
                                                         .init(source: 0, target: 1, weight: 0.5), .init(source: 2, target: 2, weight: 1)], symmetric: true)
        #expect(listed.offsets == graph.offsets && listed.targets == graph.targets && listed.weights == graph.weights)
    }

    @Test func emptyGraph() {
        let graph = WeightedGraph(nodeCount: 0, edges: [])
        #expect(graph.offsets == [0] && graph.edgeCount == 0)
    }
}
