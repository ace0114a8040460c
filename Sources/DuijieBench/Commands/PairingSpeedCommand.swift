import ArgumentParser
import DuijieCommandLine
import DuijieBase
import DuijieCorpus
import DuijieEvents
import DuijieGraph
import DuijieJSON
import DuijieMatching
import DuijieVectors
import Foundation

/// `DuijieBench pairing`: time the exact pairing and the schedule of a large synthetic event.
struct PairingSpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairing",
        abstract: "Time pairing (exact b-matching) and scheduling of a synthetic event; print JSON.",
        discussion: """
        The event is `SyntheticEvent`: seeded random interest vectors, each side's score the \
        squared cosine with independent noise; everyone available in every slot. With --instance-out the b-matching \
        (bounds, integer pair weights, total limit) is written as JSON for a peer solver, which \
        must reach the same optimal total weight.
        """
    )

    @OptionGroup var size: SyntheticEventOptions
    @Option(help: "Random seed.") var seed: UInt64 = 20261121
    @Option(help: "Write the b-matching instance here (JSON).") var instanceOut: String?
    @Option(help: "The planner's minimum score (0: every pair is eligible, as the peer comparison has always measured).") var minScore: Float = 0

    func validate() throws {
        if !(0...1).contains(minScore) { throw ValidationError("--min-score must be between 0 and 1") }
    }

    func run() throws {
        let synthetic = SyntheticEvent(demand: size.demand, supply: size.supply, shape: size.shape, seed: seed)
        let event = synthetic.event
        let scores = synthetic.scores
        let options = EventPlanner.Options(minimumScore: minScore)

        // The b-matching the planner solves for this event, as it builds it.
        let problem = EventPlanner.pairingProblem(event, scores: scores, options: options)

        func median(_ body: () -> Void) -> Double { medianSeconds(runs: size.repeat, body) }
        var matching: CapacitatedMatching?
        let pairingSeconds = median {
            matching = CapacitatedMatching(left: problem.demand, right: problem.supply, pairs: problem.pairs, totalLimit: problem.totalLimit)
        }
        var plan: EventPlan?
        let planSeconds = median { plan = EventPlanner.plan(event, scores: scores, options: options) }
        guard let matching, let plan else { return }
        let planWeight = plan.meetings.reduce(Int64(0)) { $0 + EventPlanner.weight(of: $1.score) }
        if let instanceOut {
            let instance: JSONValue = .object([
                ("leftBounds", .array(problem.demand.map { .array([.number(Double($0.minimum)), .number(Double($0.maximum))]) })),
                ("rightBounds", .array(problem.supply.map { .array([.number(Double($0.minimum)), .number(Double($0.maximum))]) })),
                ("totalLimit", .number(Double(problem.totalLimit))),
                ("pairs", .array(problem.pairs.map { .array([.number(Double($0.left)), .number(Double($0.right)), .number(Double($0.weight))]) })),
            ])
            try AtomicFile.write(JSONWriter.string(instance) + "\n", to: instanceOut)
        }
        let usedSlots = Set(plan.scheduled.compactMap(\.slot)).count
        let report: JSONValue = .object([
            ("participants", .number(Double(size.demand + size.supply))), ("pairs", .number(Double(problem.pairs.count))),
            ("pairing_seconds", .number(pairingSeconds)), ("plan_seconds", .number(planSeconds)),
            ("optimal_weight", .number(Double(matching.totalWeight))), ("plan_weight", .number(Double(planWeight))),
            ("served_minimum", .number(Double(matching.servedMinimum))),
            ("meetings", .number(Double(matching.chosen.count))), ("scheduled", .number(Double(plan.scheduled.count))),
            ("unplaced", .number(Double(plan.unplaced.count))), ("slots_used", .number(Double(usedSlots))),
            ("idle_gaps", .number(Double(plan.idleGaps))), ("edge_coloring", .bool(plan.usedEdgeColoring)),
            ("valid", .bool(EventPlanValidator.violations(of: plan).isEmpty)),
        ])
        print(JSONWriter.string(report))
    }
}
