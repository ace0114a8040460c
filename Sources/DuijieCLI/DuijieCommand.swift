import ArgumentParser
import DuijieCommandLine
import DuijieCorpus

/// The `duijie` command: technology-transfer matchmaking from the command line.
@main
struct DuijieCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duijie",
        abstract: "Duijie (对接): match technology achievements, experts and institutions to enterprise demands.",
        discussion: """
        A corpus is a directory of JSON Lines files (see docs/corpus-format.md). Start with \
        `duijie corpus check Corpus/demo`.
        """,
        version: "0.1.0",
        subcommands: [CorpusCommand.self, TokenizeCommand.self, MatchCommand.self, RecommendCommand.self, PairCommand.self, RunCommand.self, IndexCommand.self, UpdateCommand.self, ShardServeCommand.self, EvalCommand.self, TuneCommand.self, ServeCommand.self, WorkspaceCommand.self, FeedbackCommand.self, LearnCommand.self, StatsCommand.self]
    )

    /// Runs the command line; every command's `DuijieError` is reported the same way.
    static func main() { mainReportingErrors() }
}
