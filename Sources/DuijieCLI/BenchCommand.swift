import ArgumentParser

/// `duijie bench …`: measurements for people who benchmark Duijie.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Duijie's speed on a document file (the peer comparisons in Benchmarks/ call this).",
        subcommands: [TextSpeedCommand.self]
    )
}
