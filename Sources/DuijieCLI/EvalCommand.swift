import ArgumentParser
import DuijieCommandLine
import DuijieEvaluation
import Foundation
import SystemPackage

/// `duijie eval --qrels Q --run R [--run R2 …]`: measure runs, compare them.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure TREC runs against TREC qrels; with several runs, compare each with the first.",
        discussion: """
        Metrics: ndcg@K (linear gains, as trec_eval), ndcg_exp@K (2^grade − 1), map[@K], mrr[@K], \
        p@K, recall@K, success@K. With several runs, each later run gets its difference from the \
        first, a 95% bootstrap interval of that difference, and the p-value of a paired \
        randomization test (10,000 permutations, seeded): * p < 0.05, ** p < 0.01.
        """
    )

    @Option(help: "The judgments (TREC qrels).")
    var qrels: String

    @Option(name: .customLong("run"), help: "A run (TREC format); repeat to compare runs with the first.")
    var runFiles: [String]

    @Option(help: "Comma-separated metrics.")
    var metrics = "ndcg@10,map,mrr,recall@100"

    @Flag(help: "Print every query's values (query, metric, value per line) after the table.")
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
        let metricList = metrics.split(separator: ",").compactMap { Metric(parsing: String($0)) }
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
        let reports = runs.map { Evaluator.evaluate($0, qrels: judgments, metrics: metricList, options: options) }
        print("\(reports[0].queries.count) queries")
        var header = ["metric", runs[0].name]
        for other in runs.dropFirst() { header += [other.name, "Δ", "95% CI", "p"] }
        var rows = [header]
        for metric in metricList {
            var row = [metric.description, format(reports[0].mean(metric))]
            for report in reports.dropFirst() {
                let base = reports[0].values[metric] ?? []
                let values = report.values[metric] ?? []
                let p = Significance.randomizationTest(values, base, trials: trials)
                let interval = Significance.bootstrapInterval(values, base)
                let marker = p < 0.01 ? "**" : p < 0.05 ? "*" : ""
                row += [format(report.mean(metric)) + marker, signed(report.mean(metric) - reports[0].mean(metric)),
                        "[\(signed(interval.lower)), \(signed(interval.upper))]", String(format: "%.4f", p)]
            }
            rows.append(row)
        }
        print(TextTable.render(rows, rightAligned: Set(1..<header.count)))
        if perQuery {
            for (report, runFile) in zip(reports, runs) {
                for (index, query) in report.queries.enumerated() {
                    for metric in metricList {
                        print("\(runFile.name)\t\(query)\t\(metric)\t\(format(report.values[metric]![index]))")
                    }
                }
            }
        }
    }

    private func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            printError("\(path): cannot read the file (UTF-8 text expected)")
            throw ExitCode.failure
        }
        return text
    }

    private func format(_ value: Double) -> String { String(format: "%.4f", value) }
    private func signed(_ value: Double) -> String { String(format: "%+.4f", value) }
}
