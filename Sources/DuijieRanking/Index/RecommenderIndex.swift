import DuijieBase
import DuijieCorpus
import DuijieGraph
import DuijieJSON
import DuijieText
import Foundation
import SystemPackage

/// A saved `Recommender`: what `duijie index` writes and `recommend`, `pair` and `match` load
/// with `--index`, so a corpus is analyzed, weighted, decomposed and linked once.
///
/// One `IndexFile` holds:
/// - the achievements' text index in `TextIndex`'s unprefixed sections (so `TextIndex.load`
///   and `duijie match --index` read the same file);
/// - the profile indexes of experts, institutions, demands and enterprises under the prefixes
///   `x/`, `i/`, `d/` and `e/`;
/// - the corpus graph in CSR form: `graph/offsets` (Int64), `graph/targets` (Int32),
///   `graph/weights` (Float);
/// - the corpus's record files as they were read (`c/achievement`, `c/demand` …), so the
///   index stands alone;
/// - `recommender`: JSON with the format's name, the corpus fingerprint and the node count.
public enum RecommenderIndex {
    static let prefixes: [RecordKind: String] = [.expert: "x/", .institution: "i/", .demand: "d/", .enterprise: "e/"]

    /// Writes `recommender` to `path` atomically.
    ///
    /// - Parameters:
    ///   - corpusDirectory: The corpus the recommender was built from; its record files are
    ///     copied into the index a block at a time (never held in memory whole).
    ///   - corpusFingerprint: `TextIndex.fingerprint(ofCorpus:)` of the corpus.
    /// - Throws: `DuijieError` when the file cannot be written, or when `recommender` is not in
    ///   the `recommender` configuration (the format holds no BM25 index).
    public static func write(_ recommender: Recommender, corpusDirectory: String, corpusFingerprint: String, to path: String) throws(DuijieError) {
        guard recommender.configuration == .recommender else {
            throw DuijieError(.invalidInput, "\(path): only a recommender in the recommender configuration can be saved")
        }
        var writer = IndexFile.Writer()
        TextIndex.add(recommender.achievements, titles: recommender.corpus.achievements.map(\.title), corpusFingerprint: corpusFingerprint, to: &writer)
        for kind in Recommender.profileKinds {
            TextIndex.add(recommender.matchers[kind]!, titles: [], corpusFingerprint: corpusFingerprint, to: &writer, prefix: prefixes[kind]!)
        }
        let graph = recommender.graph.graph
        writer.add("graph/offsets", graph.offsets)
        writer.add("graph/targets", graph.targets)
        writer.add("graph/weights", graph.weights)
        for kind in RecordKind.allCases {
            let file = FilePath(corpusDirectory).appending(kind.fileName).string
            if FileManager.default.fileExists(atPath: file) { writer.add("c/" + kind.rawValue, contentsOf: file, displayName: kind.fileName) }
        }
        let meta = JSONValue.object([("format", .string("duijie-recommender")), ("corpus", .string(corpusFingerprint)),
                                     ("corpusDirectory", .string(absolute(corpusDirectory))),
                                     ("nodes", .number(Double(graph.nodeCount))), ("edges", .number(Double(graph.targets.count)))])
        writer.add("recommender", text: JSONWriter.string(meta))
        try writer.write(to: path)
    }

    /// Where an index came from: the corpus directory it was built from (absolute) and the
    /// corpus's fingerprint then (`TextIndex.fingerprint(ofCorpus:)`).
    public struct Provenance: Sendable, Equatable {
        /// The corpus directory, absolute; nil for an index written before it was recorded.
        public let corpusDirectory: String?
        /// The corpus fingerprint when the index was built.
        public let corpusFingerprint: String

        /// Whether the corpus directory still exists and now has other contents.
        public var corpusChanged: Bool {
            guard let corpusDirectory, FileManager.default.fileExists(atPath: corpusDirectory) else { return false }
            return TextIndex.fingerprint(ofCorpus: corpusDirectory) != corpusFingerprint
        }

        /// What to tell a user whose index is stale: which corpus changed and the command that
        /// rebuilds the index.
        public func staleAdvice(index path: String) -> String {
            "the corpus \(corpusDirectory ?? "?") has changed since \(path) was built from it; rebuild the index: duijie index \(corpusDirectory ?? "DIR") -o \(path)"
        }
    }

    /// The provenance recorded in the index at `path`.
    ///
    /// - Throws: `DuijieError` for a missing, truncated or corrupted file, or one that holds no recommender.
    public static func provenance(_ path: String) throws(DuijieError) -> Provenance {
        let reader = IndexReader(file: try IndexFile(path: path), path: path)
        guard reader.contains("recommender") else { throw DuijieError.index(path, "a text index only; rebuild it with `duijie index`") }
        let meta = try reader.json("recommender")
        guard case .string(let fingerprint)? = meta["corpus"] else { throw DuijieError.index(path, "recommender: corpus fingerprint missing") }
        if case .string(let directory)? = meta["corpusDirectory"] { return Provenance(corpusDirectory: directory, corpusFingerprint: fingerprint) }
        return Provenance(corpusDirectory: nil, corpusFingerprint: fingerprint)
    }

    private static func absolute(_ directory: String) -> String {
        let path = FilePath(directory)
        return (path.isAbsolute ? path : FilePath(FileManager.default.currentDirectoryPath).pushing(path)).lexicallyNormalized().string
    }

    /// Whether the index at `path` holds a whole recommender (not only a text index).
    ///
    /// - Throws: `DuijieError` for a missing, truncated or corrupted file.
    public static func holdsRecommender(_ path: String) throws(DuijieError) -> Bool {
        try IndexFile(path: path).sections["recommender"] != nil
    }

    /// Loads a recommender: the corpus from its embedded files, every text index, the graph.
    /// With `wordExplanations`, explanations show shared words (`TextResources.sharedWords`;
    /// the jieba dictionary must be installed).
    ///
    /// - Throws: `DuijieError` for a missing, truncated, corrupted or inconsistent file, or a
    ///   text index without the recommender's parts; `DuijieError` when the embedded corpus has
    ///   errors; `DuijieError` when the analyzer cannot be made.
    public static func load(_ path: String, wordExplanations: Bool = false) throws -> Recommender {
        let reader = IndexReader(file: try IndexFile(path: path), path: path)
        guard reader.contains("recommender") else {
            throw DuijieError.index(path, "a text index only (from an older duijie or the match cache); rebuild it with `duijie index`")
        }
        let meta = IndexMetadata(object: try reader.json("recommender"), path: path)
        let nodeCount = try meta.number("nodes"), edgeCount = try meta.number("edges")
        // The record files live only while they are parsed.
        let corpus = try { () throws -> Corpus in
            var files: [String: [UInt8]] = [:]
            for kind in RecordKind.allCases where reader.contains("c/" + kind.rawValue) {
                files[kind.fileName] = try reader.bytes("c/" + kind.rawValue)
            }
            return try CorpusLoader.loadValidated(files: files, name: path).corpus
        }()
        let achievements = try TextIndex.read(reader, analyzer: nil).matcher
        var matchers: [RecordKind: TextMatcher] = [.achievement: achievements]
        for kind in Recommender.profileKinds {
            matchers[kind] = try TextIndex.read(reader.with(prefix: prefixes[kind]!), analyzer: achievements.analyzer).matcher
        }
        for (kind, matcher) in matchers where matcher.documentIDs != expectedIDs(of: kind, in: corpus) {
            throw DuijieError.index(path, "inconsistent: the \(kind.rawValue) index does not match the embedded corpus")
        }
        guard let graph = WeightedGraph(nodeCount: nodeCount, offsets: try reader.offsets("graph/offsets", count: nodeCount + 1),
                                        targets: try reader.values("graph/targets", count: edgeCount, as: Int32.self),
                                        weights: try reader.values("graph/weights", count: edgeCount, as: Float.self)),
              let corpusGraph = CorpusGraph(corpus: corpus, graph: graph) else {
            throw DuijieError.index(path, "inconsistent: the graph is malformed or does not match the embedded corpus")
        }
        let sharedWords = wordExplanations ? try TextResources.sharedWords(for: achievements.analyzer) : nil
        let recommender = Recommender(corpus: corpus, matchers: matchers, graph: corpusGraph, sharedWords: sharedWords)
        FreedMemory.release()  // the temporaries of reading (lines, validation) go back to the system
        return recommender
    }

    private static func expectedIDs(of kind: RecordKind, in corpus: Corpus) -> [String] {
        switch kind {
        case .achievement: return corpus.achievements.map(\.id)
        case .expert: return corpus.experts.map(\.id)
        case .institution: return corpus.institutions.map(\.id)
        case .demand: return corpus.demands.map(\.id)
        case .enterprise: return corpus.enterprises.map(\.id)
        default: return []
        }
    }
}
