import ArgumentParser

/// `duijie bench …`: measurements for people who benchmark Duijie.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Duijie: speed on a document file, ranking quality on labelled suites.",
        subcommands: [TextSpeedCommand.self, DenseSpeedCommand.self, QualityCommand.self, RecommenderBenchCommand.self, PairingSpeedCommand.self, LatencyCommand.self]
    )
}
