import ArgumentParser
import DuijieCommandLine

/// The size of a synthetic event (`SyntheticEvent`), shared by `pairing` and `replan`.
struct SyntheticEventOptions: ParsableArguments {
    @Option(help: "Demand-side participants.") var demand = 500
    @Option(help: "Supply-side participants.") var supply = 500
    @Option(help: "Fewest meetings each participant wants.") var minMeetings = 1
    @Option(help: "Most meetings each participant may have.") var maxMeetings = 8
    @Option(help: "Time slots.") var slots = 16
    @Option(help: "Tables per slot.") var tables = 100
    @Option(help: "Runs; the median time is reported.") var `repeat` = 3

    func validate() throws {
        for (value, name) in [(demand, "--demand"), (supply, "--supply"), (slots, "--slots"), (tables, "--tables")] {
            try CountLimits.check(value, name, in: 1...1_000_000)
        }
        try CountLimits.check(minMeetings, "--min-meetings", in: 0...10_000)
        try CountLimits.check(maxMeetings, "--max-meetings", in: max(1, minMeetings)...10_000)
        try CountLimits.check(`repeat`, "--repeat", in: CountLimits.runs)
    }

    /// The event's shape: meeting limits, slots and tables.
    var shape: SyntheticEvent.Shape { .init(minMeetings: minMeetings, maxMeetings: maxMeetings, slots: slots, tables: tables) }
}
