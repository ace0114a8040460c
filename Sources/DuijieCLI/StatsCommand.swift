import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieWorkspace
import Foundation

/// `duijie stats`: a period's deals, brokers and funnel from a workspace.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Report a period's deals (by contract type, field, seller kind, IP type, region; beside a year earlier), brokers and funnel.",
        discussion: """
        A deal counts in the period of its signing day; the funnel counts the results of the cases \
        opened in the period by the furthest stage each reached.
        Examples:
          duijie stats demo.sqlite --period 2026H1
          duijie stats demo.sqlite --period 2026Q3 --language en --format csv -o q3.csv
          duijie stats demo.sqlite --period 2026 --format xlsx -o 2026.xlsx
          duijie stats demo.sqlite --period 2026H1 --format png -o 2026H1.png
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, csv, xlsx, png, svg }
    enum Language: String, ExpressibleByArgument, CaseIterable { case zh, en }

    @Argument(help: "The workspace file.") var workspace: String
    @Option(help: "2026H1, 2026Q3, 2026, or 2026-01-01..2026-03-31.") var period: String
    @Option(help: "markdown, csv, xlsx (a workbook), png or svg (charts, drawn by Python's matplotlib); xlsx, png and svg need -o.")
    var format: Format = .markdown
    @Option(help: "zh or en: the report's language.") var language: Language = .zh
    @Option(name: .shortAndLong, help: "The file to write (replaced only when complete); standard output without it.")
    var output: String?

    func run() throws {
        let period = try ReportPeriod(parsing: period)
        let statistics = try Workspace(existing: workspace).dealStatistics(period)
        let report = StatisticsReport(statistics: statistics, chinese: language == .zh)
        switch (format, output) {
        case (.xlsx, let output?): try report.workbook.write(to: output)
        case (.xlsx, nil): throw ValidationError("--format xlsx writes a file: give -o FILE.xlsx")
        case (.png, let output?), (.svg, let output?): try StatsChart.draw(csv: report.csv, format: format.rawValue, title: report.title, to: output)
        case (.png, nil), (.svg, nil): throw ValidationError("--format \(format.rawValue) writes a file: give -o FILE.\(format.rawValue)")
        case (.csv, let output?): try AtomicFile.write("\u{FEFF}" + report.csv, to: output)
        case (.csv, nil): print(report.csv, terminator: "")
        case (.markdown, let output?): try AtomicFile.write(report.markdown, to: output)
        case (.markdown, nil): print(report.markdown, terminator: "")
        }
    }
}
