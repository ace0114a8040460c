import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieEvaluation
import DuijieJSON
import Foundation

/// What `duijie eval` writes: the runs' means and their comparisons, as a text table, CSV or JSON.
struct EvalReport {
    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    let runNames: [String]
    let metrics: [Metric]
    /// One per run, aligned query by query.
    let reports: [EvaluationReport]
    let comparisons: [RunComparison]
    let pairs: RunComparison.Pairs
    let trials: Int
    /// Whether every query's values are written too.
    let includesPerQuery: Bool

    /// The comparisons of each metric: the family each Holm–Bonferroni adjustment covers.
    var comparisonsPerMetric: Int { metrics.isEmpty ? 0 : comparisons.count / metrics.count }

    /// The sentence that says which p-values were adjusted together, when any were.
    var correctionNote: String? {
        comparisonsPerMetric > 1 ? "p-values adjusted by Holm–Bonferroni over the \(comparisonsPerMetric) comparisons of each metric" : nil
    }

    /// The report in `format`, ending with a line break.
    func render(_ format: Format) -> String {
        switch format {
        case .table: return table()
        case .csv: return csv()
        case .json: return JSONWriter.string(json()) + "\n"
        }
    }

    // MARK: Table

    /// The text table: the query count, then with `.withFirst` one wide table (each compared
    /// run's mean, Δ, interval, p and, when adjusted, Holm's p), with `.all` the means and then one
    /// line per comparison; the correction note; every query's values last, when asked.
    func table() -> String {
        var text = "\(reports[0].queries.count) queries\n"
        text += pairs == .all ? pairTables() : wideTable()
        if let correctionNote { text += correctionNote + "; * p < 0.05, ** p < 0.01 after adjustment\n" }
        if includesPerQuery {
            for (report, name) in zip(reports, runNames) {
                for (index, query) in report.queries.enumerated() {
                    for metric in metrics { text += "\(name)\t\(query)\t\(metric)\t\(fixed(report.values[metric]![index]))\n" }
                }
            }
        }
        return text
    }

    private func wideTable() -> String {
        let adjusted = comparisonsPerMetric > 1
        var header = ["metric", runNames[0]]
        for name in runNames.dropFirst() { header += [name, "Δ", "95% CI", "p"] + (adjusted ? ["p (Holm)"] : []) }
        var rows = [header]
        for metric in metrics {
            var row = [metric.description, fixed(reports[0].mean(metric))]
            for comparison in comparisons where comparison.metric == metric {
                row += [fixed(reports[comparison.run].mean(metric)) + marker(comparison), signed(comparison.difference), interval(comparison),
                        fixed(comparison.p)] + (adjusted ? [fixed(comparison.adjustedP)] : [])
            }
            rows.append(row)
        }
        return TextTable.render(rows, rightAligned: Set(1..<header.count)) + "\n"
    }

    private func pairTables() -> String {
        let means = [["metric"] + runNames] + metrics.map { metric in [metric.description] + reports.map { fixed($0.mean(metric)) } }
        let text = TextTable.render(means, rightAligned: Set(1..<runNames.count + 1)) + "\n"
        guard !comparisons.isEmpty else { return text }
        let adjusted = comparisonsPerMetric > 1
        var rows = [["metric", "run", "baseline", "Δ", "95% CI", "p"] + (adjusted ? ["p (Holm)"] : [])]
        for comparison in comparisons {
            rows.append([comparison.metric.description, runNames[comparison.run], runNames[comparison.baseline],
                         signed(comparison.difference) + marker(comparison), interval(comparison), fixed(comparison.p)]
                        + (adjusted ? [fixed(comparison.adjustedP)] : []))
        }
        return text + "\n" + TextTable.render(rows, rightAligned: Set(3..<rows[0].count)) + "\n"
    }

    /// `*` or `**` by the adjusted p-value (the raw one when there is nothing to adjust).
    private func marker(_ comparison: RunComparison) -> String {
        comparison.adjustedP < 0.01 ? "**" : comparison.adjustedP < 0.05 ? "*" : ""
    }

    private func interval(_ comparison: RunComparison) -> String { "[\(signed(comparison.lowerBound)), \(signed(comparison.upperBound))]" }
    private func fixed(_ value: Double) -> String { String(format: "%.4f", value) }
    private func signed(_ value: Double) -> String { String(format: "%+.4f", value) }

    // MARK: CSV and JSON

    /// CSV: one row per metric and run with its mean; a compared run has one row per comparison,
    /// with its baseline, delta, interval, p and adjusted p. With every query's values, a `query`
    /// column follows `run`: `all` on those rows, then one row per run, query and metric whose
    /// `mean` is that query's value.
    func csv() -> String {
        let perQuery = includesPerQuery
        var rows = [["metric", "run"] + (perQuery ? ["query"] : []) + ["mean", "baseline", "delta", "ci_lower", "ci_upper", "p", "p_adjusted"]]
        for metric in metrics {
            for (run, name) in runNames.enumerated() {
                let lead = [metric.description, name] + (perQuery ? ["all"] : []) + [number(reports[run].mean(metric))]
                let own = comparisons.filter { $0.metric == metric && $0.run == run }
                if own.isEmpty { rows.append(lead + Array(repeating: "", count: 6)) }
                for comparison in own {
                    rows.append(lead + [runNames[comparison.baseline], number(comparison.difference), number(comparison.lowerBound),
                                        number(comparison.upperBound), number(comparison.p), number(comparison.adjustedP)])
                }
            }
        }
        if perQuery {
            for (report, name) in zip(reports, runNames) {
                for (index, query) in report.queries.enumerated() {
                    for metric in metrics {
                        rows.append([metric.description, name, query, number(report.values[metric]![index])] + Array(repeating: "", count: 6))
                    }
                }
            }
        }
        return CSVText.render(rows, lineBreak: .lf, neutralizingFormulas: true)
    }

    /// JSON: the query count, metrics, each run's means (and per-query values, when asked), the
    /// comparisons, and the correction applied to their p-values.
    func json() -> JSONValue {
        let runs = zip(reports, runNames).map { report, name -> JSONValue in
            var members: [(key: String, value: JSONValue)] = [
                ("name", .string(name)),
                ("means", .object(metrics.map { ($0.description, .number(report.mean($0))) })),
            ]
            if includesPerQuery {
                members.append(("perQuery", .object(report.queries.enumerated().map { index, query in
                    (query, .object(metrics.map { ($0.description, .number(report.values[$0]![index])) }))
                })))
            }
            return .object(members)
        }
        let compared = comparisons.map { comparison -> JSONValue in
            .object([
                ("metric", .string(comparison.metric.description)), ("run", .string(runNames[comparison.run])),
                ("baseline", .string(runNames[comparison.baseline])), ("delta", .number(comparison.difference)),
                ("ciLower", .number(comparison.lowerBound)), ("ciUpper", .number(comparison.upperBound)),
                ("p", .number(comparison.p)), ("pAdjusted", .number(comparison.adjustedP)),
            ])
        }
        let correction: JSONValue = comparisons.isEmpty ? .null : .object([
            ("method", .string("holm-bonferroni")),
            ("family", .string("the comparisons of each metric")),
            ("comparisonsPerMetric", .number(Double(comparisonsPerMetric))),
        ])
        return .object([
            ("queries", .number(Double(reports[0].queries.count))),
            ("metrics", .array(metrics.map { .string($0.description) })),
            ("pairs", .string(pairs == .all ? "all" : "with-first")),
            ("trials", .number(Double(trials))),
            ("runs", .array(runs)),
            ("comparisons", .array(compared)),
            ("correction", correction),
        ])
    }

    /// A number as JSON writes it: shortest round-tripping form, integers without a fraction.
    private func number(_ value: Double) -> String { JSONWriter.format(value) }
}
