import DuijieBase
import DuijieCorpus
import DuijieJSON
import DuijieText
import DuijieVectors
import Foundation
import SystemPackage

/// A saved `TextMatcher`: what `duijie index` writes and `duijie match --index` loads, so a
/// large corpus is analyzed, weighted and decomposed once.
///
/// Sections: `meta` (JSON: analyzer options, weighting, field weights, corpus fingerprint,
/// shapes), `ids` and `titles` (one per line), `terms` (one per line), `df` (Int32), `idf`
/// (Float), `p-offsets` (Int64, one per term and one more), `p-documents` (Int32) and
/// `p-weights` (Float): the weighted matrix as the inverted index the matcher searches (term →
/// documents, increasing), and with LSA `lsa-values`, `lsa-terms`, `lsa-docs` (Float,
/// row-major). Neither the raw counts nor a document-major copy are kept: a restored matcher
/// ranks and explains; it does not re-weight.
public enum TextIndex {
    /// What an index was built from, besides the matrices.
    public struct Metadata: Sendable, Equatable {
        /// The analyzer options.
        public let analyzer: AnalyzerOptions
        /// `tfidf` or `bm25`.
        public let weighting: String
        /// The corpus fingerprint (`fingerprint(ofCorpus:)`).
        public let corpusFingerprint: String
        /// The achievements' titles, for display without the corpus.
        public let titles: [String]
    }

    /// A fingerprint of a corpus directory or document file: FNV-1a 64 over every file's
    /// relative path and bytes, in path order. It changes when any record changes.
    public static func fingerprint(ofCorpus path: String) -> String {
        var hash = FNV1a.offsetBasis
        func mix(_ bytes: UnsafeRawBufferPointer) { hash = FNV1a.hash(bytes, continuing: hash) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "missing" }
        let files: [String]
        if isDirectory.boolValue {
            let all = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
            files = all.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted()
        } else {
            files = [""]
        }
        for file in files {
            Array(file.utf8).withUnsafeBytes { mix($0) }
            let full = file.isEmpty ? path : FilePath(path).appending(file).string
            // A block at a time: a million achievements' file is more than a gigabyte. An
            // unreadable file counts as its bytes so far (the corpus load reports it).
            try? FileBlocks.forEach(in: full, displayName: file) { mix($0) }
        }
        return String(hash, radix: 16)
    }

    /// Writes `matcher` to `path` atomically.
    ///
    /// - Throws: `DuijieError` when the file cannot be written.
    public static func write(_ matcher: TextMatcher, titles: [String], corpusFingerprint: String, to path: String) throws(DuijieError) {
        var writer = IndexFile.Writer()
        add(matcher, titles: titles, corpusFingerprint: corpusFingerprint, to: &writer)
        try writer.write(to: path)
    }

    /// Adds `matcher`'s sections to an index file, each name prefixed with `prefix` (so one file
    /// can hold several matchers); `titles` may be empty.
    static func add(_ matcher: TextMatcher, titles: [String], corpusFingerprint: String, to writer: inout IndexFile.Writer, prefix: String = "") {
        let terms = matcher.terms
        let postings = matcher.postings
        let options = matcher.analyzer.options
        let meta = JSONValue.object([
            ("tokenizer", .string(options.mode.rawValue)), ("unigrams", .bool(options.includesUnigrams)),
            ("stemming", .bool(options.stemsEnglish)), ("simplify", .bool(options.simplifiesChinese)),
            ("weighting", .string(weightingName(terms.weighting))), ("corpus", .string(corpusFingerprint)),
            ("documents", .number(Double(postings.columns))), ("terms", .number(Double(postings.rows))),
            ("nonzeros", .number(Double(postings.nonZeroCount))),
            ("lsaDimensions", .number(Double(matcher.semanticModel?.dimensions ?? 0))),
            ("fieldWeights", .array([.number(Double(matcher.fieldWeights.title)), .number(Double(matcher.fieldWeights.keywords)), .number(Double(matcher.fieldWeights.abstract))])),
        ] + AnalyzerRecord.members(of: matcher.analyzer))
        AnalyzerRecord.addDictionaries(of: matcher.analyzer, prefix: prefix, to: &writer)
        writer.add(prefix + "meta", text: JSONWriter.string(meta))
        writer.add(prefix + "ids", text: matcher.documentIDs.joined(separator: "\n"))
        if !titles.isEmpty { writer.add(prefix + "titles", text: titles.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")) }
        writer.add(prefix + "terms", text: terms.statistics.terms.joined(separator: "\n"))
        writer.add(prefix + "df", terms.statistics.documentFrequencies)
        writer.add(prefix + "idf", terms.inverseDocumentFrequencies)
        writer.add(prefix + "p-offsets", postings.rowOffsets)
        writer.add(prefix + "p-documents", postings.columnIndices)
        writer.add(prefix + "p-weights", postings.values)
        if let model = matcher.semanticModel {
            writer.add(prefix + "lsa-values", model.singularValues)
            writer.add(prefix + "lsa-terms", model.termVectors.elements)
            writer.add(prefix + "lsa-docs", model.documentVectors.elements)
        }
    }

    /// Whether offsets never decrease and each term's documents are in range and increasing.
    private static func postingsAreOrdered(offsets: [Int], documents: [Int32], documentCount: Int) -> Bool {
        for term in 0..<(offsets.count - 1) {
            guard offsets[term] <= offsets[term + 1] else { return false }
            var previous: Int32 = -1
            for position in offsets[term]..<offsets[term + 1] {
                let document = documents[position]
                guard document > previous, Int(document) < documentCount else { return false }
                previous = document
            }
        }
        return true
    }

    static func weightingName(_ weighting: TermWeighting) -> String {
        switch weighting {
        case .tfidf: return "tfidf"
        case .bm25: return "bm25"
        }
    }

    /// Loads an index: the matcher, ready to match, and its metadata.
    ///
    /// - Throws: `DuijieError` for a missing, truncated, corrupted or inconsistent file;
    ///   `DuijieError` when the analyzer cannot be made (no jieba dictionary, say).
    public static func load(_ path: String) throws -> (matcher: TextMatcher, metadata: Metadata) {
        try read(IndexReader(file: try IndexFile(path: path), path: path), analyzer: nil)
    }

    /// The analyzer the index whose sections carry the reader's prefix was built with.
    static func analyzer(_ reader: IndexReader) throws -> Analyzer {
        let meta = IndexMetadata(object: try reader.json("meta"), path: reader.path)
        return try AnalyzerRecord.analyzer(meta, options: try analyzerOptions(meta), reader: reader)
    }

    private static func analyzerOptions(_ meta: IndexMetadata) throws(DuijieError) -> AnalyzerOptions {
        guard let mode = TokenizerMode(rawValue: try meta.string("tokenizer")) else { throw DuijieError.index(meta.path, "unknown tokenizer in the metadata") }
        return AnalyzerOptions(mode: mode, includesUnigrams: meta.flag("unigrams"), stemsEnglish: meta.flag("stemming"), simplifiesChinese: meta.flag("simplify"))
    }

    /// Reads the matcher whose sections carry the reader's prefix. `analyzer`, when given, must
    /// have the options the index records (it is checked); otherwise one is made.
    static func read(_ reader: IndexReader, analyzer given: Analyzer?) throws -> (matcher: TextMatcher, metadata: Metadata) {
        let path = reader.path
        let meta = IndexMetadata(object: try reader.json("meta"), path: path)
        let options = try analyzerOptions(meta)
        let documentCount = try meta.number("documents"), termCount = try meta.number("terms"), nonzeros = try meta.number("nonzeros"), rank = try meta.number("lsaDimensions")
        let ids = try reader.lines("ids", expected: documentCount)
        let titles = reader.contains("titles") ? try reader.lines("titles", expected: documentCount) : []
        let terms = try reader.lines("terms", expected: termCount)
        let offsets = try reader.offsets("p-offsets", count: termCount + 1)
        let documents = try reader.values("p-documents", count: nonzeros, as: Int32.self)
        guard offsets.first == 0, offsets.last == nonzeros, Self.postingsAreOrdered(offsets: offsets, documents: documents, documentCount: documentCount) else {
            throw DuijieError.index(path, "inconsistent: the postings of \(reader.prefix.isEmpty ? "the index" : reader.prefix) are malformed")
        }
        let postings = SparseMatrix(rows: termCount, columns: documentCount, rowOffsets: offsets, columnIndices: documents,
                                    values: try reader.values("p-weights", count: nonzeros, as: Float.self))
        let statistics = TermCounts(terms: terms, documentFrequencies: try reader.values("df", count: termCount, as: Int32.self), documentCount: documentCount)
        let weighting: TermWeighting = try meta.string("weighting") == "bm25" ? .bm25(BM25Options()) : .tfidf(TFIDFOptions(sublinearTF: true))
        let weighted = WeightedTerms(statistics: statistics, weighting: weighting,
                                     inverseDocumentFrequencies: try reader.values("idf", count: termCount, as: Float.self), documents: nil)
        var model: LatentSemanticModel? = nil
        if rank > 0 {
            model = LatentSemanticModel(singularValues: try reader.values("lsa-values", count: rank, as: Float.self),
                                        termVectors: DenseMatrix(rows: termCount, columns: rank, elements: try reader.values("lsa-terms", count: termCount * rank, as: Float.self)),
                                        documentVectors: DenseMatrix(rows: documentCount, columns: rank, elements: try reader.values("lsa-docs", count: documentCount * rank, as: Float.self)))
        }
        var fieldWeights = FieldWeights()
        if case .array(let values)? = meta.object["fieldWeights"], values.count == 3, case .number(let t) = values[0], case .number(let k) = values[1], case .number(let a) = values[2] {
            fieldWeights = FieldWeights(title: Float(t), keywords: Float(k), abstract: Float(a))
        }
        if let given {
            if given.options != options { throw DuijieError.index(path, "inconsistent: \(reader.prefix) was analyzed with other options") }
            try AnalyzerRecord.check(given, against: meta)
        }
        let analyzer = try given ?? AnalyzerRecord.analyzer(meta, options: options, reader: reader)
        let matcher = TextMatcher(analyzer: analyzer, terms: weighted, postings: postings, fieldWeights: fieldWeights, documentIDs: ids, semanticModel: model)
        return (matcher, Metadata(analyzer: options, weighting: try meta.string("weighting"), corpusFingerprint: try meta.string("corpus"), titles: titles))
    }
}
