import ArgumentParser
import DuijieCommandLine
import DuijieEvents
import DuijieJSON
import Foundation

/// `DuijieBench replan`: a published synthetic event after cancellations and walk-ins,
/// replanned (`EventReplanner`) against a full re-solve, in one run.
struct ReplanSpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Replan a published synthetic event after cancellations and walk-ins, beside a full re-solve; print a table and JSON.",
        discussion: """
        The event is planned and its schedule taken as published. Then --cancel percent of the \
        participants (each side) leave and --walk-ins percent join with fresh interest vectors. \
        Both the replanner and a full re-solve plan the changed event; for each: time (median \
        of --repeat), published meetings kept at their slot and table, agendas changed (among \
        those still at the event), total score, and whether the validator finds the plan clean.
        """
    )

    @OptionGroup var size: SyntheticEventOptions
    @Option(help: "Share of each side that cancels, in percent.") var cancel = 5
    @Option(help: "Walk-ins per side, in percent of its participants.") var walkIns = 5
    @Option(help: "Random seed.") var seed: UInt64 = 20261207

    func validate() throws {
        try CountLimits.check(cancel, "--cancel", in: 0...100)
        try CountLimits.check(walkIns, "--walk-ins", in: 0...1_000)
    }

    func run() throws {
        let (demand, supply) = (size.demand, size.supply)
        var synthetic = SyntheticEvent(demand: demand, supply: supply, shape: size.shape, seed: seed)
        let published = EventPlanner.plan(synthetic.event, scores: synthetic.scores).scheduled.map {
            EventReplanner.PublishedMeeting(demand: $0.demand, supply: $0.supply, slot: $0.slot!, table: $0.table!)
        }
        var gone = Set<String>()
        for (ids, count) in [(synthetic.demandIDs, demand), (synthetic.supplyIDs, supply)] {
            let leaving = count * cancel / 100
            while gone.intersection(ids).count < leaving { gone.insert(ids[synthetic.randomIndex(below: ids.count)]) }
        }
        synthetic.remove(gone)
        for index in 0..<(demand * walkIns / 100) { synthetic.addParticipant("WD\(index)", .demand) }
        for index in 0..<(supply * walkIns / 100) { synthetic.addParticipant("WS\(index)", .supply) }
        let event = synthetic.event
        let scores = synthetic.scores

        var outcome: EventReplanner.Outcome?
        let replanSeconds = medianSeconds(runs: size.repeat) { outcome = EventReplanner.replan(event, published: published, scores: scores) }
        var full: EventPlan?
        let fullSeconds = medianSeconds(runs: size.repeat) { full = EventPlanner.plan(event, scores: scores) }
        guard let outcome, let full else { return }
        // The full re-solve measured the same way: its changes against the published schedule.
        let fullChanges = EventReplanner.difference(event: event, published: published, plan: full)
        let kept = { (plan: EventPlan) in
            published.filter { old in plan.scheduled.contains { $0.demand == old.demand && $0.supply == old.supply && $0.slot == old.slot && $0.table == old.table } }.count
        }
        let rows: [(String, Double, Int, Int, Float, Bool)] = [
            ("replan", replanSeconds, kept(outcome.plan), outcome.changedParticipants.count, outcome.plan.totalScore,
             EventPlanValidator.violations(of: outcome.plan).isEmpty),
            ("full re-solve", fullSeconds, kept(full), Set(fullChanges.map(\.participant)).count, full.totalScore, EventPlanValidator.violations(of: full).isEmpty),
        ]
        let stillThere = published.filter { !gone.contains($0.demand) && !gone.contains($0.supply) }.count
        print("published \(published.count) meetings; \(gone.count) participants cancelled, \(event.participants.count - (demand + supply - gone.count)) walked in; \(stillThere) published meetings between people still there; \(outcome.mustChange.count) agendas had to change")
        print("| plan | time (s) | published meetings kept | agendas changed | total score | valid |")
        print("|---|---:|---:|---:|---:|---|")
        for row in rows {
            print("| \(row.0) | \(String(format: "%.3f", row.1)) | \(row.2) | \(row.3) | \(String(format: "%.1f", row.4)) | \(row.5) |")
        }
        let json: JSONValue = .object(rows.map { row in
            (row.0, .object([("seconds", .number(row.1)), ("kept", .number(Double(row.2))), ("agendas_changed", .number(Double(row.3))),
                             ("total_score", .number(Double(row.4))), ("valid", .bool(row.5))]))
        } + [("published", .number(Double(published.count))), ("must_change", .number(Double(outcome.mustChange.count)))])
        print(JSONWriter.string(json))
    }
}
