import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieText
import DuijieVectors
import Foundation

/// `duijie recommend`: the broker's explained shortlist of achievements or experts.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend achievements or experts for a demand (or text): fused, filtered, explained.",
        discussion: """
        Scores add text (TF-IDF), semantic (LSA) and graph (personalized PageRank) similarity to \
        region, field, maturity, transfer-mode and budget fit, with weights fitted on the demo \
        judgments by cross-validation (Corpus/weights/recommender.json). The source may be any record: a demand (→ \
        achievements, experts, institutions), an achievement (→ demands, enterprises), an expert, \
        an institution or an enterprise. Examples:
          duijie recommend D-1012 --corpus Corpus/demo --explain
          duijie recommend D-1012 --corpus Corpus/demo --target expert \\
              --region 辽宁省 --include-paired
          duijie recommend --text "海参养殖 溶解氧" --corpus Corpus/demo \\
              --max-per-institution 1
          duijie recommend --all-demands --corpus Corpus/demo -o shortlists.xlsx
          duijie recommend A-4003 --corpus Corpus/demo --target enterprise
          duijie recommend D-1012 --index demo.index --explain
          duijie recommend D-1012 --index demo.index --learned-from demo.sqlite
        """
    )

    @Argument(help: "The id of a demand, achievement, expert, institution or enterprise in the corpus.") var demandID: String?
    @Option(help: "Free text instead of a demand.") var text: String?
    @OptionGroup var source: RecommenderSource
    @Option(help: "How many results.") var top = 10
    @OptionGroup var shortlist: ShortlistOptions
    @Option(help: "Output format: table, json, csv, markdown or trec.") var format: ShortlistReport.Format = .table
    @OptionGroup var analysis: AnalysisOptions
    @Option(help: "Rank by the weights this workspace adopted for the target (duijie learn) instead of the shipped ones.")
    var learnedFrom: String?

    private var report: ShortlistReport {
        ShortlistReport(recordID: demandID, text: text, source: source.location, top: top, options: shortlist, format: format, analysis: analysis,
                        learnedFrom: learnedFrom)
    }

    func validate() throws { try report.validate() }

    func run() throws { try report.run() }
}
