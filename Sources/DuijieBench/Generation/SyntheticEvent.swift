import DuijieBase
import DuijieEvents

/// A large synthetic matchmaking event for the pairing benchmarks: participants with seeded
/// random interest vectors; each side's score for the other is the squared cosine of the two
/// vectors with independent noise, so reciprocal scores vary as real ones do. Everyone is
/// available in every slot.
struct SyntheticEvent {
    /// Meeting limits, slots and tables.
    struct Shape {
        var minMeetings: Int
        var maxMeetings: Int
        var slots: Int
        var tables: Int
    }

    let shape: Shape
    private var random: SplitMix64
    private(set) var demandVectors: [[Float]] = []
    private(set) var supplyVectors: [[Float]] = []
    private(set) var demandIDs: [String] = []
    private(set) var supplyIDs: [String] = []

    init(demand: Int, supply: Int, shape: Shape, seed: UInt64) {
        self.shape = shape
        random = SplitMix64(seed: seed)
        for index in 0..<demand { addParticipant("D\(index)", .demand) }
        for index in 0..<supply { addParticipant("S\(index)", .supply) }
    }

    /// Adds a participant with a fresh interest vector (a walk-in, after the first ones).
    mutating func addParticipant(_ id: String, _ side: Event.Side) {
        let raw = (0..<16).map { _ in Float.random(in: 0..<1, using: &random) * Float.random(in: 0..<1, using: &random) }
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if side == .demand {
            demandIDs.append(id)
            demandVectors.append(raw.map { $0 / norm })
        } else {
            supplyIDs.append(id)
            supplyVectors.append(raw.map { $0 / norm })
        }
    }

    /// Removes participants (cancellations).
    mutating func remove(_ ids: Set<String>) {
        let keepDemand = demandIDs.indices.filter { !ids.contains(demandIDs[$0]) }
        let keepSupply = supplyIDs.indices.filter { !ids.contains(supplyIDs[$0]) }
        demandVectors = keepDemand.map { demandVectors[$0] }
        demandIDs = keepDemand.map { demandIDs[$0] }
        supplyVectors = keepSupply.map { supplyVectors[$0] }
        supplyIDs = keepSupply.map { supplyIDs[$0] }
    }

    /// A random participant id of either side (for choosing cancellations).
    mutating func randomIndex(below count: Int) -> Int { Int.random(in: 0..<count, using: &random) }

    /// The event as the planner reads it.
    var event: Event {
        func clock(_ minutes: Int) -> String { String(format: "2026-12-08T%02d:%02d", 8 + minutes / 60, minutes % 60) }
        let slots = (0..<shape.slots).map { index in
            Event.Slot(id: "S\(index + 1)", start: clock(index * 20), end: clock(index * 20 + 20), tables: shape.tables)
        }
        func person(_ id: String, _ side: Event.Side) -> Event.Participant {
            Event.Participant(id: id, name: id, side: side, profile: "-", minimumMeetings: shape.minMeetings, maximumMeetings: shape.maxMeetings)
        }
        return Event(name: "synthetic", participants: demandIDs.map { person($0, .demand) } + supplyIDs.map { person($0, .supply) }, slots: slots)
    }

    /// Both sides' noisy scores; the noise is drawn from a generator seeded by the pair's ids,
    /// so a pair scores the same before and after participants come and go.
    var scores: PairScores {
        func noisy(_ a: [Float], _ b: [Float], _ key: String) -> Float {
            var pairRandom = SplitMix64(seed: Array(key.utf8).withUnsafeBytes { FNV1a.hash($0) })
            let cosine = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
            return min(1, max(0, cosine * cosine + Float.random(in: -0.05...0.05, using: &pairRandom)))
        }
        let forDemand = zip(demandIDs, demandVectors).map { d, vector in zip(supplyIDs, supplyVectors).map { noisy(vector, $1, d + ">" + $0) } }
        let forSupply = zip(demandIDs, demandVectors).map { d, vector in zip(supplyIDs, supplyVectors).map { noisy(vector, $1, $0 + ">" + d) } }
        return PairScores(demandIDs: demandIDs, supplyIDs: supplyIDs, demandScores: forDemand, supplyScores: forSupply)
    }
}
