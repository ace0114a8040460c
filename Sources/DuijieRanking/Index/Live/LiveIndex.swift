import DuijieBase
import DuijieCorpus
import DuijieVectors
import Foundation
import SystemPackage

/// A saved index that takes changes without a rebuild, as a search engine's segments do: the
/// base file `FILE` (what `duijie index` writes), immutable segments `FILE.seg-N` holding the
/// records each update removed and added, and the commit point `FILE.live` naming the base and
/// the segments of the current generation (docs/live-index.md).
///
/// Readers load the base and apply the segments the manifest names; writers (`update`,
/// `merge`) hold `FILE.lock`, write new files beside the old ones and commit by one atomic
/// rename, so a reader sees one generation whole and a killed writer leaves the last
/// committed one.
public enum LiveIndex {
    /// One generation of a live index, loaded.
    public struct Snapshot: Sendable {
        /// The generation: 0 for a fresh index, one more for every committed update.
        public let generation: Int
        /// The recommender over the live records.
        public let recommender: Recommender
        /// The number of segments applied to the base.
        public let segmentCount: Int
        /// The live records, and how many of them came from segments.
        public let records: Int, updatedRecords: Int
        /// The live lines (for writers).
        let lines: CorpusLines?
        /// The manifest applied, if any.
        let manifest: LiveManifest?
    }

    /// Loads the current generation of the index at `path`: the base with every committed
    /// segment applied. An index that was never updated loads as `RecommenderIndex.load`
    /// always did.
    ///
    /// - Throws: `DuijieError` for a missing, truncated, corrupted or inconsistent file.
    public static func open(_ path: String, wordExplanations: Bool = false) throws -> Snapshot {
        try open(path, wordExplanations: wordExplanations, keepingLines: false)
    }

    static func open(_ path: String, wordExplanations: Bool, keepingLines: Bool) throws -> Snapshot {
        // A merge may replace the base and delete segments between our reads; the manifest is
        // read first, so a base newer than it is recognised (its identity differs) and served
        // alone, and a segment deleted under us means a newer generation: read again.
        var attempt = 0
        while true {
            attempt += 1
            let manifest = try LiveManifest.read(index: path)
            let base = try RecommenderIndex.readBase(path, keepingFiles: manifest != nil || keepingLines, sharedWords: wordExplanations)
            guard let manifest, manifest.baseIdentity == base.identity else {
                let lines = keepingLines ? try CorpusLines(files: base.files, corpus: base.recommender.corpus, name: path) : nil
                let records = lines?.counts.records ?? 0
                return Snapshot(generation: base.generation, recommender: base.recommender, segmentCount: 0, records: records, updatedRecords: 0,
                                lines: lines, manifest: nil)
            }
            let paths = manifest.segments.map { LiveManifest.segmentPath($0, of: path) }
            if attempt < 5 && !paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) { continue }
            let segments = try paths.map { segmentPath throws(DuijieError) in try Segment.read(segmentPath) }
            var lines = try CorpusLines(files: base.files, corpus: base.recommender.corpus, name: path)
            for segment in segments { try lines.apply(segment, name: path) }
            let live = try CorpusLoader.loadValidated(files: lines.files, name: path).corpus
            let updated = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, lines.updatedKeys(of: $0)) })
            let recommender = Recommender.updated(from: base.recommender, to: live, updated: updated, sharedWords: base.recommender.sharedWords)
            FreedMemory.release()
            let counts = lines.counts
            return Snapshot(generation: manifest.generation, recommender: recommender, segmentCount: segments.count,
                            records: counts.records, updatedRecords: counts.updated, lines: keepingLines ? lines : nil, manifest: manifest)
        }
    }
}
