import DuijieVectors
import Foundation
import Testing
@testable import DuijieGraph

@Suite struct StrongestPathTests {
    /// −ln of a path's probability (each step: edge weight / the node's out-weight).
    func cost(_ path: [Int], _ graph: WeightedGraph) -> Double {
        zip(path, path.dropFirst()).reduce(0.0) { total, step in
            let position = (graph.offsets[step.0]..<graph.offsets[step.0 + 1]).first { Int(graph.targets[$0]) == step.1 }!
            return total - log(Double(graph.weights[position]) / graph.outWeightSums[step.0])
        }
    }

    @Test func theTargetedSearchFindsPathsAsStrongAsTheLayeredOne() {
        var random = SplitMix64(seed: 41)
        for _ in 0..<20 {
            let n = Int.random(in: 20...80, using: &random)
            var edges: [WeightedGraph.Edge] = []
            for source in 0..<n {
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    edges.append(.init(source: source, target: Int.random(in: 0..<n, using: &random), weight: Float(Int.random(in: 1...9, using: &random))))
                }
            }
            let graph = WeightedGraph(nodeCount: n, edges: edges.filter { $0.source != $0.target }, symmetric: true)
            let targets = (0..<8).map { _ in Int.random(in: 0..<n, using: &random) }
            let layered = StrongestPath(in: graph, from: 0, maximumHops: 4)
            let targeted = StrongestPath.paths(in: graph, from: 0, to: targets, maximumHops: 4, minimumProbability: 0)
            for target in Set(targets) {
                let expected = layered.path(to: target)
                let found = targeted[target]
                #expect((expected == nil) == (found == nil))
                if let expected, let found {
                    #expect(found.first == 0 && found.last == target && found.count <= 5)
                    #expect(abs(cost(found, graph) - cost(expected, graph)) < 1e-9)
                }
            }
        }
    }
}
