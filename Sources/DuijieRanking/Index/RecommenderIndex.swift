import DuijieBase
import DuijieCorpus
import DuijieGraph
import DuijieJSON
import DuijieText
import DuijieVectors
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
        // A fresh base replaces any updates the file took: they are removed under the writers'
        // lock (an index never updated has no lock file, and gets none).
        let lock = FileManager.default.fileExists(atPath: LiveManifest.path(of: path)) ? try WriterLock(index: path) : nil
        try write(recommender, corpusFiles: .directory(corpusDirectory), provenance: Provenance(corpusDirectory: absolute(corpusDirectory), corpusFingerprint: corpusFingerprint),
                  to: path)
        if lock != nil { LiveIndex.removeLeftovers(of: path, keeping: nil) }
        withExtendedLifetime(lock) {}
    }

    /// Where the record files an index embeds come from.
    enum CorpusFiles {
        /// A corpus directory, read a block at a time as the index is written.
        case directory(String)
        /// The files' bytes (file name → bytes), as a merge of a live index makes them.
        case contents([String: [UInt8]])
    }

    /// Writes `recommender` with the record files `corpusFiles` and the provenance `provenance`.
    static func write(_ recommender: Recommender, corpusFiles: CorpusFiles, provenance: Provenance, generation: Int = 0, to path: String) throws(DuijieError) {
        let corpusFingerprint = provenance.corpusFingerprint
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
        if let neighbors = recommender.textNeighbors {
            var offsets = [Int](repeating: 0, count: neighbors.count + 1)
            for (row, list) in neighbors.enumerated() { offsets[row + 1] = offsets[row] + list.count }
            writer.add("nbr/offsets", offsets)
            writer.add("nbr/rows", neighbors.flatMap { $0.map(\.index) })
            writer.add("nbr/scores", neighbors.flatMap { $0.map(\.score) })
        }
        for kind in RecordKind.allCases {
            switch corpusFiles {
            case .directory(let corpusDirectory):
                let file = FilePath(corpusDirectory).appending(kind.fileName).string
                if FileManager.default.fileExists(atPath: file) { writer.add("c/" + kind.rawValue, contentsOf: file, displayName: kind.fileName) }
            case .contents(let files):
                if let bytes = files[kind.fileName] { writer.add("c/" + kind.rawValue, bytes) }
            }
        }
        var members: [(String, JSONValue)] = [("format", .string("duijie-recommender")), ("corpus", .string(corpusFingerprint))]
        if let directory = provenance.corpusDirectory { members.append(("corpusDirectory", .string(directory))) }
        members += [("nodes", .number(Double(graph.nodeCount))), ("edges", .number(Double(graph.targets.count))),
                    ("lsaDimensions", .number(Double(recommender.lsaDimensions))), ("generation", .number(Double(generation)))]
        let meta = JSONValue.object(members)
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
        /// brings the index up to date.
        public func staleAdvice(index path: String) -> String {
            "the corpus \(corpusDirectory ?? "?") has changed since \(path) took it in; update the index: duijie update \(path) --from-corpus \(corpusDirectory ?? "DIR")"
        }
    }

    /// The provenance recorded in the index at `path`.
    ///
    /// - Throws: `DuijieError` for a missing, truncated or corrupted file, or one that holds no recommender.
    public static func provenance(_ path: String) throws(DuijieError) -> Provenance {
        // The manifest of a live index records the corpus its last `--from-corpus` update took in.
        let manifest = try LiveManifest.read(index: path)
        let file = try IndexFile(path: path)
        if let manifest, manifest.baseIdentity == file.identity, let fingerprint = manifest.corpusFingerprint {
            return Provenance(corpusDirectory: manifest.corpusDirectory, corpusFingerprint: fingerprint)
        }
        let reader = IndexReader(file: file, path: path)
        guard reader.contains("recommender") else { throw DuijieError.index(path, "a text index only; rebuild it with `duijie index`") }
        let meta = try reader.json("recommender")
        guard case .string(let fingerprint)? = meta["corpus"] else { throw DuijieError.index(path, "recommender: corpus fingerprint missing") }
        if case .string(let directory)? = meta["corpusDirectory"] { return Provenance(corpusDirectory: directory, corpusFingerprint: fingerprint) }
        return Provenance(corpusDirectory: nil, corpusFingerprint: fingerprint)
    }

    static func absolute(_ directory: String) -> String {
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
        try LiveIndex.open(path, wordExplanations: wordExplanations).recommender
    }

    /// A base index as read: its identity, its records, how it analyzes text, and (unless
    /// only the records were asked for) its recommender.
    struct Base {
        let identity: String
        /// The generation the base holds (0 unless a merge wrote it).
        let generation: Int
        let corpus: Corpus
        /// The record files it embeds, when asked for.
        let files: [String: [UInt8]]
        /// The achievements' analyzer, which every index of the file shares.
        let analyzer: Analyzer
        /// The LSA dimensions the index was built with.
        let lsaDimensions: Int
        /// The recommender, unless only the records were read.
        let recommender: Recommender?
        /// Whether it keeps the achievements' text neighbours, which an update relinks.
        let keepsTextNeighbors: Bool
    }

    /// Reads the base index at `path` (what `load` serves when the index has no segments);
    /// without `indexes`, only its records and how it was built (what a merge needs).
    static func readBase(_ path: String, keepingFiles: Bool, sharedWords: Bool, indexes: Bool = true) throws -> Base {
        let file = try IndexFile(path: path)
        let reader = IndexReader(file: file, path: path)
        guard reader.contains("recommender") else {
            throw DuijieError.index(path, "a text index only (from an older duijie or the match cache); rebuild it with `duijie index`")
        }
        let meta = IndexMetadata(object: try reader.json("recommender"), path: path)
        // The record files live only while they are parsed.
        let (corpus, files) = try { () throws -> (Corpus, [String: [UInt8]]) in
            let files = try reader.embeddedRecordFiles()
            return (try CorpusLoader.loadValidated(files: files, name: path).corpus, keepingFiles ? files : [:])
        }()
        let generation = (try? meta.number("generation")) ?? 0
        guard indexes else {
            let analyzer = try TextIndex.analyzer(reader)
            let requested = (try? meta.number("lsaDimensions")) ?? 64
            return Base(identity: file.identity, generation: generation, corpus: corpus, files: files, analyzer: analyzer, lsaDimensions: requested,
                        recommender: nil, keepsTextNeighbors: reader.contains("nbr/offsets"))
        }
        let nodeCount = try meta.number("nodes"), edgeCount = try meta.number("edges")
        let achievements = try TextIndex.read(reader, analyzer: nil).matcher
        var matchers: [RecordKind: TextMatcher] = [.achievement: achievements]
        for kind in Recommender.profileKinds {
            matchers[kind] = try TextIndex.read(reader.with(prefix: prefixes[kind]!), analyzer: achievements.analyzer).matcher
        }
        for (kind, matcher) in matchers where matcher.documentIDs != CorpusLines.keys(of: kind, in: corpus) {
            throw DuijieError.index(path, "inconsistent: the \(kind.rawValue) index does not match the embedded corpus")
        }
        guard let graph = WeightedGraph(nodeCount: nodeCount, offsets: try reader.offsets("graph/offsets", count: nodeCount + 1),
                                        targets: try reader.values("graph/targets", count: edgeCount, as: Int32.self),
                                        weights: try reader.values("graph/weights", count: edgeCount, as: Float.self)),
              let corpusGraph = CorpusGraph(corpus: corpus, graph: graph) else {
            throw DuijieError.index(path, "inconsistent: the graph is malformed or does not match the embedded corpus")
        }
        let words = sharedWords ? try TextResources.sharedWords(for: achievements.analyzer) : nil
        let requested = (try? meta.number("lsaDimensions")) ?? achievements.semanticModel?.dimensions ?? 64
        let recommender = Recommender(corpus: corpus, matchers: matchers, graph: corpusGraph, textNeighbors: try textNeighbors(reader, count: corpus.achievements.count),
                                      lsaDimensions: requested, sharedWords: words)
        FreedMemory.release()  // the temporaries of reading (lines, validation) go back to the system
        return Base(identity: file.identity, generation: generation, corpus: corpus, files: files, analyzer: achievements.analyzer,
                    lsaDimensions: requested, recommender: recommender, keepsTextNeighbors: reader.contains("nbr/offsets"))
    }

    /// The achievements' text neighbours (`nil` in an index written before they were kept).
    private static func textNeighbors(_ reader: IndexReader, count: Int) throws(DuijieError) -> [[ScoredIndex]]? {
        guard reader.contains("nbr/offsets") else { return nil }
        let offsets = try reader.offsets("nbr/offsets", count: count + 1)
        guard offsets.first == 0, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw DuijieError.index(reader.path, "inconsistent: the text neighbours are malformed")
        }
        let rows = try reader.values("nbr/rows", count: offsets.last!, as: Int32.self)
        let scores = try reader.values("nbr/scores", count: offsets.last!, as: Float.self)
        guard rows.allSatisfy({ $0 >= 0 && Int($0) < count }) else { throw DuijieError.index(reader.path, "inconsistent: a text neighbour is out of range") }
        return (0..<count).map { row in (offsets[row]..<offsets[row + 1]).map { ScoredIndex(index: rows[$0], score: scores[$0]) } }
    }
}

extension IndexReader {
    /// The record files the index embeds (its `c/KIND` sections) of `kinds`, by
    /// `RecordKind.fileName`, as `CorpusLoader.loadValidated(files:name:)` takes them.
    func embeddedRecordFiles(_ kinds: [RecordKind] = RecordKind.allCases) throws(DuijieError) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for kind in kinds where contains("c/" + kind.rawValue) {
            files[kind.fileName] = try bytes("c/" + kind.rawValue)
        }
        return files
    }
}
