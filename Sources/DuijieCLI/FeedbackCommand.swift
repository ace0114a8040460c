import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieWorkspace
import Foundation

/// `duijie feedback …`: what the workspace's outcomes say about rankings.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Turn a workspace's outcomes into judgments that rankers are scored against.",
        subcommands: [FeedbackExportCommand.self]
    )
}

/// `duijie feedback export`: graded TREC qrels from the cases' result statuses.
struct FeedbackExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the cases' outcomes as graded TREC qrels (signed 3, negotiating 2, meeting or contacted 1, no deal 0).",
        discussion: """
        One judgment per query (the record a case's shortlist was made for) and result, from the \
        result's current status; results still to contact are not judged, and cases made for free \
        text have no query id and are left out (both are counted on standard error). A result \
        shortlisted for the same query in several cases keeps its highest grade.
        Example:
          duijie feedback export demo.sqlite -o outcomes.qrels
          duijie recommend --index demo.index --all-demands --format trec > run.txt
          duijie eval --qrels outcomes.qrels --run run.txt
        """
    )

    @Argument(help: "The workspace file.") var workspace: String
    @Option(name: .shortAndLong, help: "The qrels file to write (replaced only when complete); standard output without it.")
    var output: String?

    func run() throws {
        let feedback = try Workspace(existing: workspace).outcomeFeedback()
        if let output {
            try AtomicFile.write(feedback.qrels, to: output)
        } else {
            print(feedback.qrels, terminator: "")
        }
        let queries = Set(feedback.judgments.map(\.query)).count
        printError("\(feedback.judgments.count) judgments for \(queries) queries; left out: \(feedback.unjudgedResults) results still to contact, "
                   + "\(feedback.casesWithoutQueryID) cases made for free text; \(feedback.judgedMeetings) event meetings judged by their ratings"
                   + (output.map { " → \($0)" } ?? ""))
    }
}
