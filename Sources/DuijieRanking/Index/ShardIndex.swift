import DuijieBase
import DuijieCorpus
import DuijieJSON
import DuijieText
import DuijieVectors
import Foundation
import SystemPackage

/// A corpus's achievements split into shard indexes that score exactly as one index would.
///
/// Each shard holds a contiguous run of achievements (in corpus order) with the statistics of
/// the whole collection: the vocabulary, document frequencies and idf, and one LSA basis fitted
/// once over every achievement. A document's weights and LSA vector are the single index's,
/// so its score for a query is too; a shard's hits carry their global row (the shard's first row
/// plus the local one), and the best k of all shards' own best k, ordered by score and then row,
/// are the single index's best k (`merge`).
///
/// A shard file is a `TextIndex` (so `duijie match --index` reads it) with one more section,
/// `shard`: JSON with the format's name, the shard's number and the plan's. `plan.json` beside
/// the shards lists them (`ShardPlan`).
public enum ShardIndex {
    /// Which part of which plan a loaded index serves.
    public struct Info: Sendable, Equatable {
        /// The shard's number, from 0.
        public let shard: Int
        /// How many shards the plan has.
        public let shards: Int
        /// The global row of the shard's first document.
        public let firstRow: Int
        /// How many documents the shard holds.
        public let documents: Int
        /// How many documents all shards hold.
        public let totalDocuments: Int
        /// The plan's identity (empty for a whole index served as one shard).
        public let plan: String
        /// The fingerprint of the corpus the plan was built from.
        public let corpusFingerprint: String
    }

    /// `count` rows in `shards` contiguous runs whose sizes differ by at most one (the first
    /// `count % shards` runs take one more).
    public static func ranges(count: Int, shards: Int) -> [Range<Int>] {
        precondition(shards > 0, "at least one shard")
        var ranges: [Range<Int>] = []
        var start = 0
        for shard in 0..<shards {
            let size = count / shards + (shard < count % shards ? 1 : 0)
            ranges.append(start..<(start + size))
            start += size
        }
        return ranges
    }

    /// The file name of shard `shard` (from 0) of `shards`.
    public static func fileName(shard: Int, of shards: Int) -> String { "shard-\(shard + 1)-of-\(shards).index" }

    /// Splits `matcher` (an index of every achievement, with its LSA model) into `shards`
    /// shard files and a `plan.json` in `directory` (created if missing). Every file is written
    /// atomically; the plan last, so a plan always names complete shards.
    ///
    /// - Parameters:
    ///   - corpus: The corpus whose achievements `matcher` indexes (their titles and filter
    ///     values go into the shards).
    ///   - taxonomyFiles: The corpus's region and field files (`RecordKind.fileName` → bytes),
    ///     kept in every shard to resolve filter names.
    ///   - corpusFingerprint: `TextIndex.fingerprint(ofCorpus:)` of the corpus.
    ///   - progress: Called after each shard is written.
    /// - Throws: `DuijieError` when the directory or a file cannot be written.
    @discardableResult
    public static func write(_ matcher: TextMatcher, corpus: Corpus, taxonomyFiles: [String: [UInt8]], corpusFingerprint: String, shards: Int,
                             to directory: String, progress: ((String) -> Void)? = nil) throws(DuijieError) -> ShardPlan {
        let total = matcher.documentIDs.count
        precondition(corpus.achievements.count == total, "the matcher indexes the corpus's achievements")
        let titles = corpus.achievements.map(\.title)
        let facets = ShardFacets(corpus.achievements, in: corpus, taxonomy: corpus)
        let planID = identity(corpusFingerprint: corpusFingerprint, shards: shards, documents: total, matcher: matcher)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DuijieError(.io, "\(directory): cannot create the shard directory", underlying: error)
        }
        var entries: [ShardPlan.Entry] = []
        for (shard, rows) in ranges(count: total, shards: shards).enumerated() {
            let name = fileName(shard: shard, of: shards)
            var writer = IndexFile.Writer()
            TextIndex.add(matcher.slice(rows: rows), titles: Array(titles[rows]), corpusFingerprint: corpusFingerprint, to: &writer)
            writer.add("facets", text: ShardFacets(taxonomy: facets.taxonomy, documents: Array(facets.documents[rows])).lines)
            for kind in taxonomyKinds { if let bytes = taxonomyFiles[kind.fileName] { writer.add("c/" + kind.rawValue, bytes) } }
            let meta = JSONValue.object([
                ("format", .string("duijie-shard")), ("plan", .string(planID)), ("shard", .number(Double(shard))),
                ("shards", .number(Double(shards))), ("firstRow", .number(Double(rows.lowerBound))),
                ("totalDocuments", .number(Double(total))),
            ])
            writer.add("shard", text: JSONWriter.string(meta))
            try writer.write(to: FilePath(directory).appending(name).string)
            entries.append(ShardPlan.Entry(file: name, firstRow: rows.lowerBound, documents: rows.count))
            progress?("shard \(shard + 1) of \(shards) written: \(name), \(rows.count) achievements")
        }
        let plan = ShardPlan(identity: planID, corpusFingerprint: corpusFingerprint, totalDocuments: total,
                             lsaDimensions: matcher.semanticModel?.dimensions ?? 0, weighting: TextIndex.weightingName(matcher.terms.weighting),
                             shards: entries)
        try AtomicFile.write(plan.json + "\n", to: FilePath(directory).appending(ShardPlan.fileName).string)
        return plan
    }

    /// A plan's identity: FNV-1a over what determines every shard's contents.
    private static func identity(corpusFingerprint: String, shards: Int, documents: Int, matcher: TextMatcher) -> String {
        let options = matcher.analyzer.options
        let described = [corpusFingerprint, String(shards), String(documents), String(matcher.semanticModel?.dimensions ?? 0),
                         TextIndex.weightingName(matcher.terms.weighting), options.mode.rawValue, String(options.includesUnigrams),
                         String(options.stemsEnglish), String(options.simplifiesChinese), String(matcher.terms.statistics.terms.count)]
        let hash = Array(described.joined(separator: "|").utf8).withUnsafeBytes { FNV1a.hash($0) }
        return String(hash, radix: 16)
    }

    /// Loads a shard file, or a whole index (`duijie index`, or a text index) as shard 0 of 1.
    ///
    /// - Throws: `DuijieError` for a missing, truncated, corrupted or inconsistent file, or an
    ///   index with updates not yet merged (a shard serves one fixed generation).
    public static func load(_ path: String) throws -> (matcher: TextMatcher, metadata: TextIndex.Metadata, info: Info, facets: ShardFacets?) {
        if try LiveIndex.hasUpdates(path) {
            throw DuijieError.index(path, "has updates (`duijie update`) not yet merged; merge them first: duijie index --merge \(path)")
        }
        let file = try IndexFile(path: path)
        let reader = IndexReader(file: file, path: path)
        let (matcher, metadata) = try TextIndex.read(reader, analyzer: nil)
        let count = matcher.documentIDs.count
        guard reader.contains("shard") else {
            return (matcher, metadata, Info(shard: 0, shards: 1, firstRow: 0, documents: count, totalDocuments: count, plan: "",
                                            corpusFingerprint: metadata.corpusFingerprint), try embeddedCorpusFacets(reader, matcher: matcher))
        }
        let meta = IndexMetadata(object: try reader.json("shard"), path: path)
        let info = Info(shard: try meta.number("shard"), shards: try meta.number("shards"), firstRow: try meta.number("firstRow"),
                        documents: count, totalDocuments: try meta.number("totalDocuments"), plan: try meta.string("plan"),
                        corpusFingerprint: metadata.corpusFingerprint)
        guard info.shard < info.shards, info.firstRow + count <= info.totalDocuments else {
            throw DuijieError.index(path, "inconsistent: shard \(info.shard) of \(info.shards) from row \(info.firstRow) with \(count) documents among \(info.totalDocuments)")
        }
        return (matcher, metadata, info, try shardFacets(reader, count: count))
    }

    /// The filter values a shard file keeps (`nil` in a file without them).
    private static func shardFacets(_ reader: IndexReader, count: Int) throws -> ShardFacets? {
        guard reader.contains("facets") else { return nil }
        let taxonomy = try CorpusLoader.loadValidated(files: try reader.embeddedRecordFiles(taxonomyKinds), name: reader.path).corpus
        let lines = try reader.lines("facets", expected: count)
        return ShardFacets(taxonomy: taxonomy, documents: try ShardFacets.documents(lines: lines, path: reader.path))
    }

    /// The filter values of a whole index (`duijie index`), from the corpus it embeds (read
    /// whole for the facets, then let go: only the regions and fields are kept, as a shard keeps
    /// them); `nil` for a text index, which embeds none.
    private static func embeddedCorpusFacets(_ reader: IndexReader, matcher: TextMatcher) throws -> ShardFacets? {
        guard reader.contains("recommender") else { return nil }
        let files = try reader.embeddedRecordFiles()
        let corpus = try CorpusLoader.loadValidated(files: files, name: reader.path).corpus
        guard corpus.achievements.map(\.id) == matcher.documentIDs else {
            throw DuijieError.index(reader.path, "inconsistent: the achievements index does not match the embedded corpus")
        }
        let taxonomy = try CorpusLoader.loadValidated(files: files.filter { name, _ in taxonomyKinds.contains { $0.fileName == name } }, name: reader.path).corpus
        return ShardFacets(corpus.achievements, in: corpus, taxonomy: taxonomy)
    }

    /// The record kinds a shard keeps to resolve filter names.
    static let taxonomyKinds: [RecordKind] = [.region, .field]

    /// The best `top` of several shards' hits (each a shard's own best, with global rows), in
    /// the single index's order: score descending, then row ascending.
    public static func merge(_ hits: [[ScoredIndex]], top: Int) -> [ScoredIndex] {
        Array(hits.joined().sorted { ($0.score, -Int($0.index)) > ($1.score, -Int($1.index)) }.prefix(top))
    }
}

extension TextMatcher {
    /// The documents at `rows` as a matcher of their own that scores each of them exactly as
    /// this one does: the same analyzer, vocabulary, idf and LSA basis, with only their postings
    /// and LSA vectors (a shard of `ShardIndex`). The result keeps no document-major matrix.
    public func slice(rows: Range<Int>) -> TextMatcher {
        let model = semanticModel.map { model in
            let dimensions = model.dimensions
            let vectors = DenseMatrix(rows: rows.count, columns: dimensions,
                                      elements: Array(model.documentVectors.elements[(rows.lowerBound * dimensions)..<(rows.upperBound * dimensions)]))
            return LatentSemanticModel(singularValues: model.singularValues, termVectors: model.termVectors, documentVectors: vectors)
        }
        let weights = WeightedTerms(statistics: terms.statistics, weighting: terms.weighting,
                                    inverseDocumentFrequencies: terms.inverseDocumentFrequencies, documents: nil)
        return TextMatcher(analyzer: analyzer, terms: weights, postings: postings.columns(in: rows), fieldWeights: fieldWeights,
                           documentIDs: Array(documentIDs[rows]), semanticModel: model)
    }
}
