import Foundation

/// Draws an index with probability proportional to its weight in O(1) (Walker's alias method,
/// Vose's construction).
struct AliasTable: Sendable {
    private let probability: [Float]
    private let alias: [UInt32]

    /// A table over `weights`, which must be non-negative with a positive sum.
    init(weights: [Double]) {
        let count = weights.count
        precondition(count > 0 && count < Int(UInt32.max), "an alias table needs 1 to 2^32 − 1 weights")
        let total = weights.reduce(0, +)
        precondition(total > 0, "an alias table needs a positive total weight")
        var scaled = weights.map { $0 * Double(count) / total }
        var probability = [Float](repeating: 1, count: count)
        var alias = [UInt32](repeating: 0, count: count)
        var small: [Int] = []
        var large: [Int] = []
        for (index, value) in scaled.enumerated() {
            if value < 1 { small.append(index) } else { large.append(index) }
        }
        while let less = small.popLast(), let more = large.last {
            probability[less] = Float(scaled[less])
            alias[less] = UInt32(more)
            scaled[more] -= 1 - scaled[less]
            if scaled[more] < 1 {
                large.removeLast()
                small.append(more)
            }
        }
        // What is left is 1 up to rounding.
        for index in small + large {
            probability[index] = 1
            alias[index] = UInt32(index)
        }
        self.probability = probability
        self.alias = alias
    }

    var count: Int { probability.count }

    /// A weighted random index.
    func draw(_ random: inout GeneratorRandom) -> Int {
        let column = random.below(probability.count)
        return Float(random.unit()) < probability[column] ? column : Int(alias[column])
    }
}

/// A count per record (inventors per achievement, keywords per text …): zero with the
/// template's share of zeros, otherwise a truncated Zipf law on 1…`maximum` whose exponent is
/// fitted (by bisection) so that the mean of the non-zero counts equals the template's.
/// Heavy-tailed: most records get the typical count, a few get many.
struct CountDistribution: Sendable {
    let zeroProbability: Double
    private let cumulative: [Double]

    /// Fitted to observed counts.
    ///
    /// - Parameters:
    ///   - counts: The template's counts (may be empty: then always 1).
    ///   - maximum: The largest count drawn; at least the largest observed.
    init(fittedTo counts: [Int], maximum: Int) {
        let positive = counts.filter { $0 > 0 }
        zeroProbability = counts.isEmpty ? 0 : Double(counts.count - positive.count) / Double(counts.count)
        let target = positive.isEmpty ? 1 : Double(positive.reduce(0, +)) / Double(positive.count)
        let top = max(maximum, positive.max() ?? 1)
        cumulative = Self.zipfCumulative(maximum: top, exponent: Self.exponent(forMean: target, maximum: top))
    }

    /// The mean of the non-zero counts this distribution draws.
    var positiveMean: Double {
        var previous = 0.0
        var mean = 0.0
        for (offset, value) in cumulative.enumerated() {
            mean += Double(offset + 1) * (value - previous)
            previous = value
        }
        return mean
    }

    /// A count.
    func draw(_ random: inout GeneratorRandom) -> Int {
        if zeroProbability > 0 && random.chance(zeroProbability) { return 0 }
        let u = random.unit()
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > u { high = middle } else { low = middle + 1 }
        }
        return low + 1
    }

    private static func zipfCumulative(maximum: Int, exponent: Double) -> [Double] {
        let weights = (1...maximum).map { pow(Double($0), -exponent) }
        let total = weights.reduce(0, +)
        var running = 0.0
        var cumulative = weights.map { weight -> Double in
            running += weight / total
            return running
        }
        cumulative[cumulative.count - 1] = 1
        return cumulative
    }

    private static func mean(maximum: Int, exponent: Double) -> Double {
        var weighted = 0.0
        var total = 0.0
        for value in 1...maximum {
            let weight = pow(Double(value), -exponent)
            weighted += Double(value) * weight
            total += weight
        }
        return weighted / total
    }

    /// The exponent whose truncated Zipf mean is `target`: the mean falls from (1+max)/2 at
    /// exponent 0 towards 1 as the exponent grows, so bisection finds it.
    private static func exponent(forMean target: Double, maximum: Int) -> Double {
        if maximum == 1 || target <= 1.000_001 { return 60 }
        if target >= mean(maximum: maximum, exponent: 0) { return 0 }
        var low = 0.0
        var high = 60.0
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if mean(maximum: maximum, exponent: middle) > target { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}

/// Spreads `total` items (achievements, demands, experts, relation ends) over "host" records so
/// that every active host gets at least one and the rest go in proportion to heavy-tailed
/// (Pareto) weights. The mean degree of the active hosts is then exactly total ÷ active, which
/// is how the template's means carry over, while a few hosts get very many items.
enum DegreeAssignment {
    /// The Pareto tail exponent of host weights. At 1.7 the weights have a finite mean and an
    /// infinite variance: at a million achievements the busiest owner holds a few thousand, as
    /// large universities do, while most hold a handful.
    static let tailExponent = 1.7

    /// The host of each item, in a random order.
    ///
    /// - Parameters:
    ///   - total: The number of items.
    ///   - hosts: The active hosts (indices of records); must not be empty when `total` > 0.
    ///   - weights: One weight per host, for the items beyond the first one each.
    ///   - random: The stream to draw from.
    static func hosts(forItems total: Int, among hosts: [Int], weights: [Double], random: inout GeneratorRandom) -> [UInt32] {
        guard total > 0 else { return [] }
        precondition(!hosts.isEmpty && hosts.count == weights.count, "items need hosts")
        var assignment = [UInt32]()
        assignment.reserveCapacity(total)
        if hosts.count > total {
            // Fewer items than hosts: a random `total` of them get one each.
            var chosen = hosts
            random.shuffle(&chosen)
            for host in chosen.prefix(total) { assignment.append(UInt32(host)) }
        } else {
            for host in hosts { assignment.append(UInt32(host)) }
        }
        if total > hosts.count {
            let table = AliasTable(weights: weights)
            for _ in hosts.count..<total { assignment.append(UInt32(hosts[table.draw(&random)])) }
        }
        random.shuffle(&assignment)
        return assignment
    }

    /// The hosts that take a role: `target` of them, the `preferred` ones first (records whose
    /// template record has the role), then others, each group in a random order. So the mean
    /// degree of the hosts is items ÷ target — the template's when `target` is items ÷ its mean —
    /// whatever the ratios of the generated counts.
    static func activeHosts(target: Int, preferred: [Int], others: [Int], random: inout GeneratorRandom) -> [Int] {
        func shuffled(_ list: [Int]) -> [Int] {
            var copy = list
            random.shuffle(&copy)
            return copy
        }
        let first = shuffled(preferred)
        if first.count >= target { return Array(first.prefix(target)) }
        return first + shuffled(others).prefix(target - first.count)
    }

    /// The number of hosts that gives `items` a mean degree of `mean`: at least 1 (when there are
    /// items), at most `items` and `population`.
    static func activeCount(items: Int, mean: Double, population: Int) -> Int {
        guard items > 0, population > 0 else { return 0 }
        return min(population, items, max(1, Int((Double(items) / max(mean, 1e-9)).rounded())))
    }

    /// Pareto weights, one per host.
    static func weights(count: Int, random: inout GeneratorRandom) -> [Double] {
        (0..<count).map { _ in random.pareto(alpha: tailExponent) }
    }
}
