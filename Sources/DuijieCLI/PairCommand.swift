import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieEvents
import Foundation

/// `duijie pair EVENT (--corpus DIR | --index FILE) -o OUTDIR`: pair and schedule a matchmaking event.
struct PairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pair",
        abstract: "Pair and schedule a matchmaking event (对接会): who meets whom, when, at which table.",
        discussion: """
        EVENT is a directory (docs/event-format.md) with participants, slots and optionally locked \
        meetings, as JSON Lines or CSV. Pair scores are reciprocal (the harmonic mean of both \
        sides' recommender scores); the pairing is the exact maximum-score b-matching within \
        everyone's limits, minimums first; the schedule respects availability and tables. \
        OUTDIR receives schedule.csv, schedule.md, summary.md and agendas/ (CSV, Markdown, .ics); \
        it replaces a previous report there, but any other non-empty directory only with --force, \
        and never the event, the corpus or the index it reads. \
        Example:
          duijie pair Corpus/demo/events/liaoning-2026 --corpus Corpus/demo \\
              -o /tmp/liaoning-2026
          duijie pair Corpus/demo/events/liaoning-2026 --index demo.index \\
              -o /tmp/liaoning-2026
        """
    )

    @Argument(help: "The event directory.") var event: String
    @OptionGroup var source: RecommenderSource
    @Option(name: [.short, .customLong("output")], help: "The directory to write (replaced as a whole; see --force).") var output: String
    @Flag(help: "Replace OUTDIR even when it holds files other than a previous report's (never the event's or the corpus's own directory).") var force = false
    @Option(help: "Do not propose pairs whose reciprocal score is below this (must-meets and locks stay).") var minScore: Float = 0
    @Option(help: "Language of labels: zh or en.") var language: ShortlistReport.Language = .zh
    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if !(0...1).contains(minScore) { throw ValidationError("--min-score must be between 0 and 1") }
    }

    func run() throws {
        // Checked before the long work: a non-empty directory that is not a previous report
        // needs --force, and the inputs are never replaced.
        try OutputPath.checkDirectory(output, force: force, ownEntries: EventReport.ownEntries,
                                      inputs: [event] + [source.corpus, source.index].compactMap { $0 })
        let recommender = try source.makeRecommender(analysis: analysis)
        var warnings: [CorpusIssue] = []
        let parsed: Event = try EventLoader.load(event, corpus: recommender.corpus, warnings: &warnings)
        for warning in warnings { printError(warning.description) }
        let plan = EventPlanner.plan(parsed, recommender: recommender, options: .init(minimumScore: minScore))
        try EventReport(plan: plan, chinese: language == .zh).write(to: output)
        let mean = plan.scheduled.isEmpty ? 0 : plan.totalScore / Float(plan.scheduled.count)
        print("\(parsed.name): \(plan.scheduled.count) meetings in \(Set(plan.scheduled.compactMap(\.slot)).count) slots, mean score \(String(format: "%.3f", mean)), \(plan.shortfalls.count) below minimum, \(plan.unplaced.count) without a slot → \(output)")
        for shortfall in plan.shortfalls {
            let name = parsed.participant(shortfall.participant)?.name ?? shortfall.participant
            print("  \(name): \(shortfall.meetings) of at least \(shortfall.minimum): \(shortfall.reason.text(chinese: language == .zh))")
        }
    }
}
