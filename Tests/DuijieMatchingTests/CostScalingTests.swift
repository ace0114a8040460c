import DuijieBase
@testable import DuijieMatching
import Testing

/// The cost-scaling solver against the successive-shortest-path one: the same minimum cost on
/// random networks (the two are independent algorithms), flows within capacities and conserved.
@Suite struct CostScalingTests {
    /// A random layered network: source → a → b → sink, with random capacities and costs
    /// (negative on the middle layer, as the pairing's are), plus some arcs skipping a layer.
    func randomNetwork(_ random: inout SplitMix64) -> (MinimumCostFlow, arcs: [(Int, Int, Int, Int64)]) {
        let left = Int.random(in: 1...6, using: &random), right = Int.random(in: 1...6, using: &random)
        let nodeCount = 2 + left + right
        var arcs: [(Int, Int, Int, Int64)] = []
        for l in 0..<left { arcs.append((0, 2 + l, Int.random(in: 0...3, using: &random), Int64.random(in: -50...10, using: &random))) }
        for l in 0..<left {
            for r in 0..<right where Bool.random(using: &random) {
                arcs.append((2 + l, 2 + left + r, Int.random(in: 1...2, using: &random), Int64.random(in: -100...20, using: &random)))
            }
        }
        for r in 0..<right { arcs.append((2 + left + r, 1, Int.random(in: 0...3, using: &random), Int64.random(in: -50...10, using: &random))) }
        var network = MinimumCostFlow(nodeCount: nodeCount)
        for arc in arcs { network.addArc(from: arc.0, to: arc.1, capacity: arc.2, cost: arc.3) }
        return (network, arcs)
    }

    @Test func costScalingFindsTheSameMinimumCostAsShortestPaths() throws {
        var random = SplitMix64(seed: 2026)
        for round in 0..<300 {
            let (network, arcs) = randomNetwork(&random)
            var byPaths = network, byScaling = network
            let expected = byPaths.solve(from: 0, to: 1, onlyWhileProfitable: true)
            let solved = byScaling.solveByCostScaling(from: 0, to: 1)
            let found = try #require(solved)
            #expect(found.cost == expected.cost, "round \(round): \(found.cost) vs \(expected.cost)")
            // Capacities kept and flow conserved at every inner node.
            var balance = [Int](repeating: 0, count: network.nodeCount)
            for (index, arc) in arcs.enumerated() {
                let flow = byScaling.flow(on: 2 * index)
                #expect(flow >= 0 && flow <= arc.2)
                balance[arc.0] -= flow
                balance[arc.1] += flow
            }
            #expect(balance.dropFirst(2).allSatisfy { $0 == 0 } && balance[1] == found.flow && balance[0] == -found.flow, "round \(round)")
        }
    }

    @Test func costsThatCouldOverflowAreLeftToShortestPaths() {
        var network = MinimumCostFlow(nodeCount: 3)
        network.addArc(from: 0, to: 2, capacity: 1, cost: -(Int64.max / 16))
        network.addArc(from: 2, to: 1, capacity: 1, cost: 0)
        #expect(network.solveByCostScaling(from: 0, to: 1) == nil)
        #expect(network.solve(from: 0, to: 1, onlyWhileProfitable: true).flow == 1)
    }
}
