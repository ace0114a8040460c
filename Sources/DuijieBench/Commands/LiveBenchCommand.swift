import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieVectors
import Foundation
import SystemPackage

/// `DuijieBench live --corpus DIR`: a live index against a full rebuild on the same corpus, in
/// one run — update, open and merge times, ranking drift before and after the merge, query
/// latency with many segments against the merged index; prints JSON.
struct LiveBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Time a live index's updates, loads and merge against a full rebuild, and measure its drift; print JSON.",
        discussion: """
        The corpus is split: its last --share of achievements and demands are held back, the \
        rest is indexed as the base; the full corpus is indexed as the reference. Then, each on \
        a copy of the base: adding one record, adding every held-back record in --segments \
        updates, removing --removals achievements, and merging. Drift: the mean top-10 overlap \
        of --queries demand shortlists (achievements) with the reference's, before and after \
        the merge. Latency: shortlist p50/p99 with all segments applied and after the merge.
        """
    )

    @Option(help: "The corpus directory (a generated one: DuijieBench generate).") var corpus: String
    @Option(help: "The share of achievements and demands held back and added as updates.") var share = 0.1
    @Option(help: "How many updates add the held-back records.") var segments = 10
    @Option(help: "Achievements removed in the removal phase.") var removals = 1000
    @Option(help: "Demand shortlists compared and timed.") var queries = 200
    @Option(help: "A folder for the indexes (default: beside the corpus).") var work: String?

    func validate() throws {
        guard share > 0 && share < 1 else { throw ValidationError("--share must be between 0 and 1") }
        try CountLimits.check(segments, "--segments", in: 1...1000)
        try CountLimits.check(queries, "--queries", in: CountLimits.items)
        try CountLimits.check(removals, "--removals", in: 0...CountLimits.items.upperBound)
    }

    func run() throws {
        let folder = work ?? FilePath(corpus).removingLastComponent().appending("live-bench").string
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var report: [(String, JSONValue)] = []
        func record(_ key: String, _ value: Double) {
            report.append((key, .number((value * 1000).rounded() / 1000)))
            printError("\(key): \(value)")
        }
        let split = try LiveBenchSplit(corpus: corpus, share: share, folder: folder)
        report += [("achievements", .number(Double(split.achievements))), ("held_back", .number(Double(split.held.count)))]
        let analyzer = try TextResources.makeAnalyzer()
        func build(_ directory: String, to path: String) throws -> Double {
            try medianSeconds(runs: 1) {
                let loaded = try CorpusLoader.loadValidated(directory).corpus
                let recommender = try Recommender(corpus: loaded, analyzer: analyzer, lsaDimensions: 64)
                try RecommenderIndex.write(recommender, corpusDirectory: directory, corpusFingerprint: TextIndex.fingerprint(ofCorpus: directory), to: path)
            }
        }
        let reference = folder + "/full.index", base = folder + "/base.index"
        record("full_rebuild_seconds", try build(corpus, to: reference))
        record("base_build_seconds", try build(split.baseCorpus, to: base))
        var loadedReference: Recommender?
        record("open_merged_seconds", try medianSeconds(runs: 1) { loadedReference = try LiveIndex.open(reference).recommender })
        let picks = split.queries(queries)

        // One record.
        let one = try copy(base, as: "one.index", in: folder)
        var single = RecordChanges()
        single.additions = Array(split.held.prefix(1))
        record("add_1_update_seconds", try medianSeconds(runs: 1) { _ = try LiveIndex.update(one, with: single, mergeShare: 1) })
        record("add_1_open_seconds", try medianSeconds(runs: 1) { _ = try LiveIndex.open(one) })

        // Every held-back record, in several updates.
        let live = try copy(base, as: "live.index", in: folder)
        let perSegment = (split.held.count + segments - 1) / segments
        var updateSeconds: [Double] = []
        for start in stride(from: 0, to: split.held.count, by: perSegment) {
            var changes = RecordChanges()
            changes.additions = Array(split.held[start..<min(start + perSegment, split.held.count)])
            updateSeconds.append(try medianSeconds(runs: 1) { _ = try LiveIndex.update(live, with: changes, mergeShare: 1) })
        }
        record("add_held_back_total_update_seconds", updateSeconds.reduce(0, +))
        record("add_held_back_last_update_seconds", updateSeconds.last ?? 0)
        var updated: LiveIndex.Snapshot?
        record("open_with_segments_seconds", try medianSeconds(runs: 1) { updated = try LiveIndex.open(live) })
        report.append(("segments_applied", .number(Double(updated!.segmentCount))))
        record("overlap_before_merge", Self.overlap(updated!.recommender, loadedReference!, picks))
        let (p50Segments, p99Segments) = Self.latency(updated!.recommender, picks)
        record("latency_with_segments_p50_ms", p50Segments)
        record("latency_with_segments_p99_ms", p99Segments)
        updated = nil
        record("merge_seconds", try medianSeconds(runs: 1) { _ = try LiveIndex.merge(live) })
        let merged = try LiveIndex.open(live).recommender
        record("overlap_after_merge", Self.overlap(merged, loadedReference!, picks))
        report.append(("identical_after_merge", .bool(picks.allSatisfy { Self.shortlist(merged, $0) == Self.shortlist(loadedReference!, $0) })))
        let (p50Merged, p99Merged) = Self.latency(merged, picks)
        record("latency_merged_p50_ms", p50Merged)
        record("latency_merged_p99_ms", p99Merged)

        // Removals.
        let removing = try copy(base, as: "remove.index", in: folder)
        var removal = RecordChanges()
        removal.removals = split.removable(removals)
        record("remove_update_seconds", try medianSeconds(runs: 1) { _ = try LiveIndex.update(removing, with: removal, mergeShare: 1) })
        report.append(("removed", .number(Double(removal.removals.count))))
        report.append(("peak_memory_mb", .number(ProcessMemory.megabytes("VmHWM"))))
        print(JSONWriter.string(.object(report)))
    }

    private func copy(_ path: String, as name: String, in folder: String) throws -> String {
        let target = folder + "/" + name
        try FileManager.default.copyItem(atPath: path, toPath: target)
        return target
    }

    static func shortlist(_ recommender: Recommender, _ demand: String) -> [String] {
        (recommender.recommend(for: demand, target: .achievement, top: 10) ?? []).map { "\($0.id) \($0.score)" }
    }

    /// The mean share of the reference's top 10 that `recommender` also ranks in its top 10.
    static func overlap(_ recommender: Recommender, _ reference: Recommender, _ demands: [String]) -> Double {
        let shares = demands.map { demand -> Double in
            let expected = Set((reference.recommend(for: demand, target: .achievement, top: 10) ?? []).map(\.id))
            let found = Set((recommender.recommend(for: demand, target: .achievement, top: 10) ?? []).map(\.id))
            return expected.isEmpty ? 1 : Double(expected.intersection(found).count) / Double(expected.count)
        }
        return shares.reduce(0, +) / Double(max(shares.count, 1))
    }

    /// Shortlist latency percentiles (ms) over `demands`, after one warm-up query.
    static func latency(_ recommender: Recommender, _ demands: [String]) -> (p50: Double, p99: Double) {
        _ = recommender.recommend(for: demands[0], target: .achievement, top: 10)
        let samples = demands.map { demand in medianSeconds(runs: 1) { _ = recommender.recommend(for: demand, target: .achievement, top: 10) } * 1000 }.sorted()
        return (percentile(0.5, ofSorted: samples), percentile(0.99, ofSorted: samples))
    }
}
