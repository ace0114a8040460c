import DuijieBase
@testable import DuijieGraph
import Foundation
import Testing

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

    @Test func throughAHubOnlyDirectLinksToTargetsAreFollowed() {
        // Node 0 links to hub 1, which links to leaves 2…1,501; leaf 2 links on to node 1,502.
        var edges: [WeightedGraph.Edge] = [.init(source: 0, target: 1, weight: 1)]
        for leaf in 2...1_501 { edges.append(.init(source: 1, target: leaf, weight: 1)) }
        edges.append(.init(source: 2, target: 1_502, weight: 1))
        let graph = WeightedGraph(nodeCount: 1_503, edges: edges, symmetric: true)
        let limited = StrongestPath.paths(in: graph, from: 0, to: [700, 1_502], minimumProbability: 0)
        #expect(limited[700] == [0, 1, 700])  // a direct link of the hub to a target
        #expect(limited[1_502] == nil)  // beyond the hub's leaves: not followed
        let full = StrongestPath.paths(in: graph, from: 0, to: [700, 1_502], minimumProbability: 0, hubDegree: 10_000)
        #expect(full[1_502] == [0, 1, 2, 1_502])
    }
}
