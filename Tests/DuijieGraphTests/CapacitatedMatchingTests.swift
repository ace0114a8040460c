import DuijieVectors
import Foundation
import Testing
@testable import DuijieGraph

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
