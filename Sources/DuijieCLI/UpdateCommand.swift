import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieRanking
import DuijieVectors
import Foundation

/// `duijie update INDEX (--add FILE | --remove ID | --from-corpus DIR)`: change a saved index
/// without rebuilding it.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Add, replace and remove records of a saved index without rebuilding it.",
        discussion: """
        Each run commits one new generation: the changes are checked against the index's records \
        (every problem named with its file and line; nothing is changed then), written to a \
        segment beside the index, and committed by one atomic rename. Queries see the change the \
        next time the index is loaded. When segments hold more than --merge-above of the \
        records, the index is merged (rebuilt from its live records); `duijie index --merge \
        INDEX` merges on demand. See docs/live-index.md.

        Examples:
          duijie update corpus.index --add new-demands.jsonl
          duijie update corpus.index --remove A-0042 D-1007
          duijie update corpus.index --from-corpus Corpus/demo
        """
    )

    @Argument(help: "The index file (`duijie index`).") var index: String
    @Option(name: .customLong("add"), help: "A JSON Lines file of records to add or replace: named like a corpus file (demands.jsonl …), or with a \"recordKind\" in each line. Repeatable.")
    var additions: [String] = []
    @Option(name: .customLong("remove"), parsing: .upToNextOption, help: "Ids of records to remove (several after one --remove, or --remove repeated).") var removals: [String] = []
    @Option(name: .customLong("from-corpus"), help: "A corpus directory: apply whatever makes the index hold its records.") var corpus: String?
    @Option(name: .customLong("merge-above"), help: "Merge when segments hold more than this share of the records (0–1).") var mergeAbove = LiveIndex.defaultMergeShare
    @Option(help: "Worker threads for a merge (default: all cores).") var threads: Int?

    func validate() throws {
        if additions.isEmpty && removals.isEmpty && corpus == nil { throw ValidationError("give --add FILE, --remove ID or --from-corpus DIR") }
        if corpus != nil && !(additions.isEmpty && removals.isEmpty) { throw ValidationError("--from-corpus cannot be combined with --add or --remove") }
        guard (0...1).contains(mergeAbove) else { throw ValidationError("--merge-above must be between 0 and 1, not \(mergeAbove)") }
        try CountLimits.check(threads, "--threads", in: CountLimits.threads)
    }

    func run() throws {
        var changes = RecordChanges()
        var source: (directory: String, fingerprint: String)?
        if let corpus {
            let fingerprint = TextIndex.fingerprint(ofCorpus: corpus)
            changes = try LiveIndex.changes(toMatch: corpus, index: index)
            source = (corpus, fingerprint)
        } else {
            for file in additions { changes.additions += try RecordChanges.additions(fromFile: file) }
            changes.removals = removals
        }
        let summary = try LiveIndex.update(index, with: changes, corpus: source, mergeShare: mergeAbove,
                                           parallelism: threads.map(Parallelism.init(threads:)) ?? .automatic)
        for warning in summary.warnings { printError("\(warning)") }
        if changes.isEmpty {
            print("\(index): nothing to change; generation \(summary.generation)")
            return
        }
        let share = String(format: "%.1f%%", summary.updatedShare * 100)
        print("\(index): generation \(summary.generation): \(summary.added) added, \(summary.changed) replaced, \(summary.removed) removed; "
              + (summary.merged ? "segments held \(share) of the records, so the index was merged" : "segments hold \(share) of the records"))
    }
}
