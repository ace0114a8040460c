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
        /// The identity of the base it was read from.
        let baseIdentity: String
    }

    /// Loads the current generation of the index at `path`: the base with every committed
    /// segment applied. An index that was never updated loads as `RecommenderIndex.load`
    /// always did.
    ///
    /// - Throws: `DuijieError` for a missing, truncated, corrupted or inconsistent file.
    public static func open(_ path: String, wordExplanations: Bool = false) throws -> Snapshot {
        try open(path, wordExplanations: wordExplanations, keepingLines: false)
    }

    /// Whether the index at `path` has committed updates that apply to its base (so that
    /// reading its base alone, as a text index, would miss them).
    ///
    /// - Throws: `DuijieError` for a missing or unreadable index or manifest.
    public static func hasUpdates(_ path: String) throws(DuijieError) -> Bool {
        guard let manifest = try LiveManifest.read(index: path) else { return false }
        return manifest.baseIdentity == (try IndexFile(path: path)).identity
    }

    static func open(_ path: String, wordExplanations: Bool, keepingLines: Bool) throws -> Snapshot {
        let state = try read(path, sharedWords: wordExplanations, keepingLines: keepingLines, indexes: true)
        let base = state.base.recommender!
        guard let applied = state.applied else {
            return Snapshot(generation: state.generation, recommender: base, segmentCount: 0, records: state.lines?.counts.records ?? 0,
                            updatedRecords: 0, lines: state.lines, manifest: nil, baseIdentity: state.base.identity)
        }
        let lines = state.lines!
        let updated = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, lines.updatedKeys(of: $0)) })
        let recommender = Recommender.updated(from: base, to: applied.live, updated: updated, sharedWords: base.sharedWords)
        FreedMemory.release()
        let counts = lines.counts
        return Snapshot(generation: state.generation, recommender: recommender, segmentCount: applied.segments,
                        records: counts.records, updatedRecords: counts.updated, lines: keepingLines ? lines : nil, manifest: state.manifest,
                        baseIdentity: state.base.identity)
    }

    /// The records of one generation: the base as read, the manifest applied (if any), the
    /// live lines (when kept, or when segments apply) and, with segments, the live corpus.
    struct State {
        let base: RecommenderIndex.Base
        let manifest: LiveManifest?
        let generation: Int
        let lines: CorpusLines?
        let applied: (live: Corpus, segments: Int)?

        /// The live corpus: the base's, or the one its segments make.
        var corpus: Corpus { applied?.live ?? base.corpus }
    }

    /// Reads the current generation's records (and with `indexes` the base's recommender).
    static func read(_ path: String, sharedWords: Bool, keepingLines: Bool, indexes: Bool) throws -> State {
        // A merge may replace the base and delete segments between our reads; the manifest is
        // read first, so a base newer than it is recognised (its identity differs) and served
        // alone, and a segment deleted under us means a newer generation: read again.
        var attempt = 0
        while true {
            attempt += 1
            let manifest = try LiveManifest.read(index: path)
            let base = try RecommenderIndex.readBase(path, keepingFiles: manifest != nil || keepingLines, sharedWords: sharedWords, indexes: indexes)
            guard let manifest, manifest.baseIdentity == base.identity else {
                let lines = keepingLines ? try CorpusLines(files: base.files, corpus: base.corpus, name: path) : nil
                return State(base: base, manifest: nil, generation: base.generation, lines: lines, applied: nil)
            }
            let paths = manifest.segments.map { LiveManifest.segmentPath($0, of: path) }
            var segments: [Segment] = []
            do {
                for segmentPath in paths { segments.append(try Segment.read(segmentPath)) }
            } catch {
                // Removed by a merge since the manifest was read: a newer generation is there.
                if attempt < 5 && !paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) { continue }
                throw error
            }
            var lines = try CorpusLines(files: base.files, corpus: base.corpus, name: path)
            for segment in segments { try lines.apply(segment, name: path) }
            let loaded = lines.load(from: base.corpus, name: path)
            if loaded.hasErrors { throw DuijieError(.invalidInput, "\(path): the corpus has \(loaded.errors.count) error(s)", issues: loaded.errors) }
            return State(base: base, manifest: manifest, generation: manifest.generation, lines: lines, applied: (loaded.corpus, segments.count))
        }
    }
}
