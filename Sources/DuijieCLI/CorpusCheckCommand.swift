import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import Foundation
import SystemPackage

/// `duijie corpus check DIR`: load and validate a corpus, print what it holds.
struct CorpusCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a corpus and print its counts per kind, field and region.",
        discussion: """
        Every problem is listed as FILE:LINE: FIELD: MESSAGE. The exit status is 1 when there is \
        any error, unless --skip-bad is given, which leaves bad records out and lists them. \
        Judgment files in DIR/qrels/*.qrels (TREC format) are checked too: every id they name \
        must be a record of the corpus.
        """
    )

    @Argument(help: "A corpus directory, or a plain document file ({\"id\",\"title\",\"text\"} per line).")
    var path: String

    @Flag(name: .customLong("skip-bad"), help: "Leave out records with errors, load the rest, and list what was left out.")
    var skipBad = false

    @Flag(inversion: .prefixedNo, help: "Show warnings (unknown keys, thin records).")
    var warnings = true

    @Option(help: "How many fields and regions to list.")
    var top = 12

    func validate() throws {
        try CountLimits.check(top, "--top", in: 0...CountLimits.results.upperBound)
    }

    func run() throws {
        let result: CorpusLoadResult = try CorpusLoader.load(path, options: CorpusLoadOptions(skipBadRecords: skipBad))
        var judgmentIssues: [CorpusIssue] = []
        var judgmentLines: [String] = []
        for file in qrelsFiles() {
            let report = JudgmentCheck.check(FilePath(path).appending(file).string, displayName: file, against: result.corpus)
            judgmentIssues += report.issues
            if let qrels = report.qrels {
                judgmentLines.append("  \(file): \(qrels.queryIDs.count) queries, \(qrels.count) judgments")
            }
        }

        let summary = CorpusSummary(result.corpus)
        print("corpus \(path)")
        print(TextTable.render(summary.counts.map { [$0.kind.pluralName, String($0.count)] }, rightAligned: [1], indent: 2))
        print("\nfields (achievements, demands, experts, organizations), top \(top):")
        print(usageTable(summary.fields))
        print("\nregions by province (achievements, demands, experts, organizations), top \(top):")
        print(usageTable(summary.regions))
        if !judgmentLines.isEmpty {
            print("\njudgments:")
            judgmentLines.forEach { print($0) }
        }

        let issues = result.issues + judgmentIssues
        let errors = issues.filter { $0.severity == .error }
        let warningIssues = issues.filter { $0.severity == .warning }
        let dangling = errors.filter { $0.code == .danglingReference || $0.code == .wrongReferenceKind || $0.code == .ambiguousReference }
        print("\nreferences: \(dangling.count) dangling")
        if !issues.isEmpty { print("") }
        for issue in issues where issue.severity == .error || warnings {
            print(issue.description)
        }
        if skipBad && !result.skippedRecords.isEmpty {
            print("\nskipped \(result.skippedRecords.count) record(s):")
            result.skippedRecords.forEach { print("  \($0)") }
        }
        print("\n\(errors.count) error(s), \(warningIssues.count) warning(s)")
        // --skip-bad excuses bad records, which were left out; judgment files are not records.
        let judgmentErrors = judgmentIssues.contains { $0.severity == .error }
        if !errors.isEmpty && (!skipBad || judgmentErrors) {
            throw ExitCode.failure
        }
    }

    private func qrelsFiles() -> [String] {
        let directory = FilePath(path).appending("qrels").string
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".qrels") }.sorted().map { "qrels/\($0)" }
    }

    private func usageTable(_ usages: [CorpusSummary.Usage]) -> String {
        if usages.isEmpty { return "  (none)" }
        let rows = usages.prefix(top).map { usage in
            [usage.name, usage.id, String(usage.achievements), String(usage.demands), String(usage.experts), String(usage.organizations)]
        }
        var text = TextTable.render(Array(rows), rightAligned: [2, 3, 4, 5], indent: 2)
        if usages.count > top { text += "\n  … and \(usages.count - top) more" }
        return text
    }
}
