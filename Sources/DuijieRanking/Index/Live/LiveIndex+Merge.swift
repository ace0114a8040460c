import DuijieBase
import DuijieCorpus
import DuijieVectors
import Foundation

extension LiveIndex {
    /// Merges the segments of the index at `path` into a new base: the live records indexed
    /// from scratch (the same code as `duijie index`, so rankings equal a full rebuild's of
    /// those records, bit for bit), written beside the old base and renamed over it (the
    /// commit), after which the manifest and the segments are removed. Readers that loaded
    /// the old generation keep it; readers that load during the merge get the old one whole.
    ///
    /// - Returns: The generation the new base holds, and whether there was anything to merge.
    /// - Throws: `DuijieError` when another writer holds the index or the files cannot be
    ///   written; the index is then unchanged.
    public static func merge(_ path: String, parallelism: Parallelism = .automatic,
                             progress: ((String) -> Void)? = nil) throws -> (generation: Int, merged: Bool) {
        let lock = try WriterLock(index: path)
        return try merge(path, holding: lock, parallelism: parallelism, progress: progress)
    }

    static func merge(_ path: String, holding lock: WriterLock, parallelism: Parallelism,
                      progress: ((String) -> Void)? = nil) throws -> (generation: Int, merged: Bool) {
        let current = try read(path, sharedWords: false, keepingLines: true, indexes: false)
        guard let manifest = current.manifest else {
            removeLeftovers(of: path, keeping: nil)
            return (current.generation, false)
        }
        let rebuilt = try Recommender(corpus: current.corpus, analyzer: current.base.analyzer, lsaDimensions: current.base.lsaDimensions,
                                      parallelism: parallelism, progress: progress)
        let before = try RecommenderIndex.provenance(path)
        let provenance = RecommenderIndex.Provenance(corpusDirectory: manifest.corpusDirectory ?? before.corpusDirectory,
                                                     corpusFingerprint: manifest.corpusFingerprint ?? before.corpusFingerprint)
        try RecommenderIndex.write(rebuilt, corpusFiles: .contents(current.lines!.files), provenance: provenance,
                                   generation: current.generation, to: path)  // the commit
        removeLeftovers(of: path, keeping: nil)
        withExtendedLifetime(lock) {}
        return (current.generation, true)
    }
}
