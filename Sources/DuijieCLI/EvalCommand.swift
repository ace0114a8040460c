import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieEvaluation
import Foundation
import SystemPackage

/// `duijie eval --qrels Q --run R [--run R2 …]`: measure runs, compare them.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure TREC runs against TREC qrels; with several runs, compare each with the first (or every pair).",
        discussion: """
        Metrics: ndcg@K (linear gains, as trec_eval), ndcg_exp@K (2^grade − 1), map[@K], mrr[@K], \
        p@K, recall@K, success@K. With several runs, each later run gets its difference from the \
        first (with --all-pairs, from every earlier run), a 95% bootstrap interval of that \
        difference, and the p-value of a paired randomization test (10,000 permutations, seeded). \
        With two or more comparisons per metric, the p-values are also adjusted by Holm–Bonferroni \
        over the comparisons of each metric; * p < 0.05, ** p < 0.01 (adjusted). Warnings on \
        standard error name run queries the qrels lack, judged queries a run lacks, and document \
        ids the qrels never use. Examples:
          duijie eval --qrels j.qrels --run a.run --run b.run --run c.run --all-pairs
          duijie eval --qrels j.qrels --run a.run --run b.run --format csv -o eval.csv
        """
    )

    @Option(help: "The judgments (TREC qrels).")
    var qrels: String

    @Option(name: .customLong("run"), help: "A run (TREC format); repeat to compare runs with the first.")
    var runFiles: [String]

    @Option(help: "Comma-separated metrics.")
    var metrics = "ndcg@10,map,mrr,recall@100"

    @Flag(help: "Compare every pair of runs (each with every earlier one), not only each with the first.")
    var allPairs = false

    @Option(help: "Output format: table, csv (one row per metric and run, and per comparison) or json.")
    var format: EvalReport.Format = .table

    @Option(name: [.short, .customLong("output")], help: "Write the report here (atomically); standard output when omitted.")
    var output: String?

    @Flag(help: "Add every query's values: lines after the table, rows of the CSV (query column), perQuery in JSON.")
    var perQuery = false

    @Flag(help: "Drop unjudged documents from the rankings before measuring.")
    var judgedOnly = false

    @Flag(help: "Leave out queries with no relevant document (by default they score 0).")
    var onlyAnswerable = false

    @Option(help: "Permutations of the randomization test.")
    var trials = 10_000

    func validate() throws {
        if runFiles.isEmpty { throw ValidationError("give at least one --run") }
        try CountLimits.check(trials, "--trials", in: CountLimits.trials)
        for name in metrics.split(separator: ",") where Metric(parsing: String(name)) == nil {
            throw ValidationError("unknown metric \"\(name)\" (known: ndcg@K, ndcg_exp@K, map, map@K, mrr, p@K, recall@K, success@K)")
        }
    }

    func run() throws {
        if let output { try OutputPath.checkFile(output, inputs: [qrels] + runFiles) }
        var metricList: [Metric] = []
        for metric in metrics.split(separator: ",").compactMap({ Metric(parsing: String($0)) }) where !metricList.contains(metric) {
            metricList.append(metric)
        }
        let judgments: Qrels
        var runs: [TRECRun] = []
        let qrelsText = try read(qrels)
        let runTexts = try runFiles.map(read)
        do {
            judgments = try Qrels(parsing: qrelsText, fileName: qrels)
            for (path, text) in zip(runFiles, runTexts) {
                runs.append(try TRECRun(parsing: text, name: (FilePath(path).lastComponent?.string ?? path)))
            }
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let options = EvaluationOptions(judgedOnly: judgedOnly, onlyAnswerable: onlyAnswerable)
        for run in runs {
            for problem in RunCoverage(run: run, qrels: judgments, options: options).problems {
                printError("warning: " + problem.message(run: run.name))
            }
        }
        let reports = runs.map { Evaluator.evaluate($0, qrels: judgments, metrics: metricList, options: options) }
        let comparisons = RunComparison.compare(reports, metrics: metricList, pairs: allPairs ? .all : .withFirst, trials: trials)
        let report = EvalReport(runNames: runs.map(\.name), metrics: metricList, reports: reports, comparisons: comparisons,
                                pairs: allPairs ? .all : .withFirst, trials: trials, includesPerQuery: perQuery)
        let text = report.render(format)
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    private func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            printError("\(path): cannot read the file (UTF-8 text expected)")
            throw ExitCode.failure
        }
        return text
    }
}
