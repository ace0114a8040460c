import ArgumentParser
import DuijieCommandLine

/// `DuijieBench`: the developers' tools — the scale generator, the quality suites over the shared
/// datasets, weight fitting, and speed and latency measurements. Not a product: it is built with
/// the package and run as `swift run -c release DuijieBench …` or `.build/release/DuijieBench …`.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "DuijieBench",
        abstract: "Measure and feed Duijie: generate corpora, speed and latency, ranking quality on labelled suites, weight fitting.",
        subcommands: [
            GenerateCommand.self, TextSpeedCommand.self, DenseSpeedCommand.self, QualityCommand.self, RecommenderBenchCommand.self,
            PairingSpeedCommand.self, LatencyCommand.self, TuneCommand.self, ExplanationsCommand.self, LiveBenchCommand.self,
            ReplanSpeedCommand.self, TransferCommand.self,
        ]
    )

    /// Runs the command line; every command's `DuijieError` is reported the same way.
    static func main() { mainReportingErrors() }
}
