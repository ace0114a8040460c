import DuijieBase
@testable import DuijieMatching
import Foundation
import Testing

@Suite struct CapacitatedMatchingTests {
    typealias Bounds = CapacitatedMatching.Bounds
    typealias Pair = CapacitatedMatching.Pair

    @Test func aHandSolvedInstance() {
        // Left a, b (one partner each); right x, y. Weights a–x 10, a–y 9, b–x 8, b–y 1.
        // Greedy takes a–x then b–y (11); the optimum is a–y + b–x = 17.
        let pairs = [Pair(left: 0, right: 0, weight: 10), Pair(left: 0, right: 1, weight: 9),
                     Pair(left: 1, right: 0, weight: 8), Pair(left: 1, right: 1, weight: 1)]
        let one = Bounds(minimum: 0, maximum: 1)
        let matching = CapacitatedMatching(left: [one, one], right: [one, one], pairs: pairs)
        #expect(matching.totalWeight == 17)
        #expect(matching.chosen == [1, 2])
    }

    @Test func minimumsComeBeforeWeight() {
        // Right x can take one partner; a (minimum 1) can only meet x, b (no minimum) meets x
        // for 100. Serving a's minimum wins over the heavier pair: a–x, weight 1.
        let pairs = [Pair(left: 0, right: 0, weight: 1), Pair(left: 1, right: 0, weight: 100)]
        let matching = CapacitatedMatching(left: [Bounds(minimum: 1, maximum: 1), Bounds(minimum: 0, maximum: 1)],
                                           right: [Bounds(minimum: 0, maximum: 1)], pairs: pairs)
        #expect(matching.chosen == [0])
        #expect(matching.servedMinimum == 1)
    }

    @Test func zeroWeightPairsOnlyServeMinimums() {
        let pairs = [Pair(left: 0, right: 0, weight: 0), Pair(left: 1, right: 1, weight: 0)]
        let matching = CapacitatedMatching(left: [Bounds(minimum: 1, maximum: 2), Bounds(minimum: 0, maximum: 2)],
                                           right: [Bounds(minimum: 0, maximum: 2), Bounds(minimum: 0, maximum: 2)], pairs: pairs)
        #expect(matching.chosen == [0])
    }

    @Test func equalsTheIndependentSolversOptima() throws {
        struct Instance: Decodable {
            let name: String; let solver: String
            let leftBounds: [[Int]]; let rightBounds: [[Int]]; let pairs: [[Int64]]
            let optimalWeight: Int64; let servedMinimum: Int
        }
        struct Reference: Decodable { let instances: [Instance] }
        // From Benchmarks/reference/matching_reference.py: scipy's linear_sum_assignment for the
        // one-to-one instances, networkx.min_cost_flow for the capacitated ones.
        let url = try #require(Bundle.module.url(forResource: "matching-reference", withExtension: "json", subdirectory: "Fixtures"))
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        #expect(reference.instances.count == 14)
        for instance in reference.instances {
            let matching = CapacitatedMatching(
                left: instance.leftBounds.map { Bounds(minimum: $0[0], maximum: $0[1]) },
                right: instance.rightBounds.map { Bounds(minimum: $0[0], maximum: $0[1]) },
                pairs: instance.pairs.map { Pair(left: Int($0[0]), right: Int($0[1]), weight: $0[2]) })
            #expect(matching.totalWeight == instance.optimalWeight, "\(instance.name) vs \(instance.solver)")
            #expect(matching.servedMinimum == instance.servedMinimum, "\(instance.name)")
            for (degree, bounds) in zip(matching.leftDegrees + matching.rightDegrees, instance.leftBounds + instance.rightBounds) {
                #expect(degree <= bounds[1])
            }
        }
    }

    @Test func equalsBruteForceOnSmallRandomInstances() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<120 {
            let leftCount = Int.random(in: 1...4, using: &random)
            let rightCount = Int.random(in: 1...4, using: &random)
            var pairs: [Pair] = []
            for l in 0..<leftCount { for r in 0..<rightCount where Int.random(in: 0..<4, using: &random) > 0 {
                pairs.append(Pair(left: l, right: r, weight: Int64.random(in: 0...20, using: &random)))
            } }
            func bounds(_ count: Int) -> [Bounds] {
                (0..<count).map { _ in
                    let maximum = Int.random(in: 0...3, using: &random)
                    return Bounds(minimum: Int.random(in: 0...2, using: &random), maximum: maximum)
                }
            }
            let left = bounds(leftCount)
            let right = bounds(rightCount)
            let limit = Int.random(in: 0..<3, using: &random) == 0 ? Int.random(in: 0...4, using: &random) : nil
            let matching = CapacitatedMatching(left: left, right: right, pairs: pairs, totalLimit: limit)
            let best = bruteForce(left: left, right: right, pairs: pairs, limit: limit)
            #expect(matching.servedMinimum == best.served && matching.totalWeight == best.weight)
        }
    }

    @Test func theSparseSolveWithItsCertificateEqualsTheFullSolve() {
        // Popular right nodes make every left node's heaviest pairs collide, so the first
        // candidate lists are often not enough; the result must still equal solving every pair.
        var random = SplitMix64(seed: 31)
        for _ in 0..<12 {
            let leftCount = Int.random(in: 30...60, using: &random), rightCount = Int.random(in: 30...60, using: &random)
            var pairs: [Pair] = []
            for l in 0..<leftCount { for r in 0..<rightCount {
                let popular = r < 5 ? Int64(900_000) : 0
                pairs.append(Pair(left: l, right: r, weight: popular + Int64.random(in: 0...100_000, using: &random)))
            } }
            let bounds = { (count: Int) in (0..<count).map { _ in Bounds(minimum: Int.random(in: 0...1, using: &random), maximum: Int.random(in: 1...2, using: &random)) } }
            let left = bounds(leftCount), right = bounds(rightCount)
            let limit = Int.random(in: 0..<2, using: &random) == 0 ? nil : Int.random(in: 10...60, using: &random)
            let matching = CapacitatedMatching(left: left, right: right, pairs: pairs, totalLimit: limit)
            let full = CapacitatedMatching.solve(left: left, right: right, pairs: pairs, subset: Array(pairs.indices), totalLimit: limit)
            let fullWeight = full.chosen.reduce(Int64(0)) { $0 + pairs[$1].weight }
            #expect(matching.totalWeight == fullWeight)
        }
    }

    @Test func aPairOutsideEveryCandidateListIsFoundByTheCertificate() {
        // Left: L (0), B1…B10 (1…10), C1…C10 (11…20); right: R (0), A1…A10 (1…10), D1…D10
        // (11…20); one partner each; every pair exists, weight 0 unless said. L–Ai and Bi–R
        // weigh 100, Ci–Ai and Bi–Di 1000, L–R 50. L's ten heaviest pairs are the Ai and R's
        // are the Bi, so L–R is in no first candidate list (10 per node, 441 pairs > 420);
        // yet the optimum is Ci–Ai, Bi–Di and L–R: 20,050 by hand.
        var weights = [[Int64]](repeating: [Int64](repeating: 0, count: 21), count: 21)
        for i in 1...10 {
            weights[0][i] = 100
            weights[i][0] = 100
            weights[10 + i][i] = 1000
            weights[i][10 + i] = 1000
        }
        weights[0][0] = 50
        var pairs: [Pair] = []
        for l in 0..<21 { for r in 0..<21 { pairs.append(Pair(left: l, right: r, weight: weights[l][r])) } }
        let one = [Bounds](repeating: Bounds(minimum: 0, maximum: 1), count: 21)
        let matching = CapacitatedMatching(left: one, right: one, pairs: pairs)
        #expect(matching.totalWeight == 20_050)
        #expect(matching.chosen.contains(0))  // L–R
    }

    @Test func theCertificateRejectsAnImprovingAbsentArc() {
        // One left and one right node (one partner each), pair weight 5 present. An absent
        // parallel pair of weight 9 would improve the optimum; one of weight 3 would not.
        let one = Bounds(minimum: 0, maximum: 1)
        let pairs = [Pair(left: 0, right: 0, weight: 5)]
        let solved = CapacitatedMatching.solve(left: [one], right: [one, one], pairs: pairs, subset: [0], totalLimit: nil)
        let node = { CapacitatedMatching.rightNode($0, leftCount: 1) }
        #expect(solved.network.isOptimal(source: 0, sink: 1, flow: solved.flow, absentArcs: [.init(from: CapacitatedMatching.leftNode(0), to: node(1), cost: -3)]))
        #expect(!solved.network.isOptimal(source: 0, sink: 1, flow: solved.flow, absentArcs: [.init(from: CapacitatedMatching.leftNode(0), to: node(1), cost: -9)]))
    }

    /// Every subset of pairs within the maximums; the best (served minimum, weight), compared
    /// lexicographically — the problem's definition, evaluated directly.
    func bruteForce(left: [Bounds], right: [Bounds], pairs: [Pair], limit: Int? = nil) -> (served: Int, weight: Int64) {
        var best = (served: -1, weight: Int64(-1))
        for mask in 0..<(1 << pairs.count) where mask.nonzeroBitCount <= (limit ?? pairs.count) {
            var leftDegrees = [Int](repeating: 0, count: left.count)
            var rightDegrees = [Int](repeating: 0, count: right.count)
            var weight: Int64 = 0
            for (index, pair) in pairs.enumerated() where mask & (1 << index) != 0 {
                leftDegrees[pair.left] += 1
                rightDegrees[pair.right] += 1
                weight += pair.weight
            }
            guard zip(leftDegrees, left).allSatisfy({ $0 <= $1.maximum }) && zip(rightDegrees, right).allSatisfy({ $0 <= $1.maximum }) else { continue }
            let served = zip(leftDegrees, left).reduce(0) { $0 + min($1.0, $1.1.minimum) } + zip(rightDegrees, right).reduce(0) { $0 + min($1.0, $1.1.minimum) }
            if (served, weight) > best { best = (served, weight) }
        }
        return best
    }
}
