import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieEvents
import DuijieRanking
import Foundation

/// `duijie pair EVENT [--corpus DIR | --index FILE] -o OUTDIR`: pair and schedule a matchmaking event.
struct PairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pair",
        abstract: "Pair and schedule a matchmaking event (对接会): who meets whom, when, at which table.",
        discussion: """
        EVENT is a directory (docs/event-format.md) with participants, slots and optionally locked \
        meetings and requests, as JSON Lines or CSV. Pair scores are reciprocal (the harmonic mean \
        of both sides' recommender scores with --corpus or --index; without them, the cosine of \
        the participants' profiles weighted by the event's own words); the pairing is the exact maximum-score b-matching within \
        everyone's limits, minimums first; the schedule respects availability and tables. \
        OUTDIR receives schedule.csv, schedule.md, summary.md, table-cards.html (one printable card \
        per table and slot) and agendas/ (CSV, Markdown, .ics); \
        it replaces a previous report there, but any other non-empty directory only with --force, \
        and never the event, the corpus or the index it reads. \
        Examples:
          duijie pair Corpus/demo/events/liaoning-2026 --corpus Corpus/demo \\
              -o /tmp/liaoning-2026
          duijie pair Corpus/demo/events/liaoning-2026 --index demo.index \\
              -o /tmp/liaoning-2026
          duijie pair Corpus/demo/events/liaoning-2026 --index demo.index \\
              --replan /tmp/liaoning-2026 -o /tmp/liaoning-2026-v2
        """
    )

    @Argument(help: "The event directory.") var event: String
    @Option(help: "A corpus directory: participants' records are scored by the recommender built from it.") var corpus: String?
    @Option(help: "A saved index (`duijie index`) to load instead of --corpus.") var index: String?
    @Option(help: "LSA dimensions (with --corpus).") var dimensions = 64
    @Option(name: [.short, .customLong("output")], help: "The directory to write (replaced as a whole; see --force).") var output: String
    @Option(help: "A previous report of this event (its schedule.csv) to replan: published meetings that are still possible stay, as few agendas as possible change; OUTDIR gets changes.md/.csv and only the changed agendas.")
    var replan: String?
    @Flag(help: "Replace OUTDIR even when it holds files other than a previous report's (never the event's or the corpus's own directory).") var force = false
    @Option(help: "Do not propose pairs whose reciprocal score is below this (must-meets, locks and requests stay); 0 fills quotas with any pair.")
    var minScore: Float = EventPlanner.Options.defaultMinimumScore
    @Option(help: "Language of labels: zh or en (default: the event's `language`, else zh).") var language: ShortlistReport.Language?
    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if !(0...1).contains(minScore) { throw ValidationError("--min-score must be between 0 and 1") }
        if corpus != nil && index != nil { throw ValidationError("give --corpus or --index, not both") }
        try CountLimits.check(dimensions, "--dimensions", in: CountLimits.dimensions)
    }

    func run() throws {
        // Checked before the long work: a non-empty directory that is not a previous report
        // needs --force, and the inputs are never replaced.
        try OutputPath.checkDirectory(output, force: force, ownEntries: EventReport.ownEntries,
                                      inputs: [event] + [corpus, index, replan].compactMap { $0 })
        let published = try replan.map { directory throws(DuijieError) in try EventLoader.published(directory) }
        let recommender = corpus == nil && index == nil ? nil
            : try RecommenderLocation(corpus: corpus, index: index, dimensions: dimensions).makeRecommender(analysis: analysis)
        var warnings: [CorpusIssue] = []
        let parsed: Event = try EventLoader.load(event, corpus: recommender?.corpus, warnings: &warnings)
        for warning in warnings { printError(warning.description) }
        let scores: PairScores
        let analyzer = try recommender?.achievements.analyzer ?? analysis.makeAnalyzer()
        let briefs = ParticipantBriefs(event: parsed, corpus: recommender?.corpus, recordText: { recommender?.matchedText(of: $0) },
                                       sharedWords: try TextResources.sharedWords(for: analyzer))
        if let recommender {
            scores = PairScores(event: parsed, recommender: recommender)
        } else {
            let recordOnly = parsed.participants.filter { !$0.records.isEmpty && ($0.profile ?? "").isEmpty }
            if !recordOnly.isEmpty {
                throw DuijieError(.invalidInput, "\(event): \(recordOnly.map(\.id).joined(separator: ", ")) stand(s) for corpus records and have no profile; give --corpus or --index, or a profile")
            }
            scores = PairScores(event: parsed, analyzer: analyzer)
        }
        let options = EventPlanner.Options(minimumScore: minScore)
        let chinese = (language.map { $0 == .zh }) ?? (parsed.language != .english)
        let plan: EventPlan
        if let published {
            let outcome = EventReplanner.replan(parsed, published: published, scores: scores, corpus: recommender?.corpus, options: options)
            plan = outcome.plan
            try EventReport(replan: outcome, chinese: chinese, briefs: briefs).write(to: output)
            let mustChange = outcome.mustChange.intersection(parsed.participants.map(\.id)).count
            print("replanned: kept \(outcome.kept.count) of \(outcome.published.count) published meetings; \(outcome.changedParticipants.count) agendas changed (\(mustChange) had to); see changes.md")
        } else {
            plan = EventPlanner.plan(parsed, scores: scores, corpus: recommender?.corpus, options: options)
            try EventReport(plan: plan, chinese: chinese, briefs: briefs).write(to: output)
        }
        for line in EventReport(plan: plan, chinese: false).scoreWarnings() { printError("warning: " + line) }
        let mean = plan.scheduled.isEmpty ? 0 : plan.totalScore / Float(plan.scheduled.count)
        print("\(parsed.name): \(plan.scheduled.count) meetings in \(Set(plan.scheduled.compactMap(\.slot)).count) slots, mean score \(String(format: "%.3f", mean)), \(plan.shortfalls.count) below minimum, \(plan.unplaced.count) without a slot → \(output)")
        let requested = plan.event.participants.reduce(0) { $0 + $1.wantToMeet.count }
        if requested > 0 { print("  requests to meet: \(requested - plan.unmetRequests.count) of \(requested) met (see summary.md)") }
        // The first few shortfalls here; every one, with its reason, is in summary.md.
        let shown = 5
        for shortfall in plan.shortfalls.prefix(shown) {
            let name = parsed.participant(shortfall.participant)?.name ?? shortfall.participant
            print("  \(name): \(shortfall.meetings) of at least \(shortfall.minimum): \(shortfall.reason.text(chinese: false))")
        }
        if plan.shortfalls.count > shown { print("  … and \(plan.shortfalls.count - shown) more below their minimum: see summary.md") }
    }
}
