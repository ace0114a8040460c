import DuijieText
import DuijieVectors
import Foundation

/// A saved `TextMatcher`: what `duijie index` writes and `duijie match --index` loads, so a
/// large corpus is analyzed, weighted and decomposed once.
///
/// Sections: `meta` (JSON: analyzer options, weighting, field weights, corpus fingerprint,
/// shapes), `ids` and `titles` (one per line), `terms` (one per line), `df` (Int32), `idf`
/// (Float), `offsets` (Int64), `columns` (Int32), `counts` and `weights` (Float, the raw and
/// weighted values of the same CSR structure), and with LSA `lsa-values`, `lsa-terms`, `lsa-docs`
/// (Float, row-major).
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
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) { for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 } }
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
            mix(file.utf8)
            let full = file.isEmpty ? path : (path as NSString).appendingPathComponent(file)
            if let data = FileManager.default.contents(atPath: full) { mix(data) }
        }
        return String(hash, radix: 16)
    }

    /// Writes `matcher` to `path` atomically.
    ///
    /// - Throws: `CorpusError` when the file cannot be written.
    public static func write(_ matcher: TextMatcher, titles: [String], corpusFingerprint: String, to path: String) throws(CorpusError) {
        let terms = matcher.terms
        let options = matcher.analyzer.options
        let weighting: String
        switch terms.weighting {
        case .tfidf: weighting = "tfidf"
        case .bm25: weighting = "bm25"
        }
        let meta = JSONValue.object([
            ("tokenizer", .string(options.mode.rawValue)), ("unigrams", .bool(options.includesUnigrams)),
            ("stemming", .bool(options.stemsEnglish)), ("simplify", .bool(options.simplifiesChinese)),
            ("weighting", .string(weighting)), ("corpus", .string(corpusFingerprint)),
            ("documents", .number(Double(terms.documents.rows))), ("terms", .number(Double(terms.documents.columns))),
            ("nonzeros", .number(Double(terms.documents.nonZeroCount))),
            ("lsaDimensions", .number(Double(matcher.semanticModel?.dimensions ?? 0))),
            ("fieldWeights", .array([.number(Double(matcher.fieldWeights.title)), .number(Double(matcher.fieldWeights.keywords)), .number(Double(matcher.fieldWeights.abstract))])),
        ])
        var writer = IndexFile.Writer()
        writer.add("meta", Array(JSONWriter.string(meta).utf8))
        writer.add("ids", Array(matcher.achievementIDs.joined(separator: "\n").utf8))
        writer.add("titles", Array(titles.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n").utf8))
        writer.add("terms", Array(terms.statistics.terms.joined(separator: "\n").utf8))
        writer.add("df", bytes(terms.statistics.documentFrequencies))
        writer.add("idf", bytes(terms.inverseDocumentFrequencies))
        writer.add("offsets", bytes(terms.documents.rowOffsets.map { Int64($0) }))
        writer.add("columns", bytes(terms.documents.columnIndices))
        writer.add("counts", bytes(terms.statistics.counts.values))
        writer.add("weights", bytes(terms.documents.values))
        if let model = matcher.semanticModel {
            writer.add("lsa-values", bytes(model.singularValues))
            writer.add("lsa-terms", bytes(model.termVectors.elements))
            writer.add("lsa-docs", bytes(model.documentVectors.elements))
        }
        try AtomicFile.write(writer.data(), to: path)
    }

    /// Loads an index: the matcher, ready to match, and its metadata.
    ///
    /// - Throws: `IndexError` for a missing, truncated, corrupted or inconsistent file;
    ///   `TextError` when the analyzer cannot be made (no jieba dictionary, say).
    public static func load(_ path: String) throws -> (matcher: TextMatcher, metadata: Metadata) {
        let file = try IndexFile(path: path)
        let metaData = try file.section("meta", in: path)
        guard case .success(let meta) = [UInt8](metaData).withUnsafeBufferPointer({ buffer -> Result<JSONValue, JSONSyntaxError> in
            do throws(JSONSyntaxError) { return .success(try JSONParser.parse(buffer)) } catch { return .failure(error) }
        }) else { throw IndexError(path, "corrupted: the metadata is not JSON") }
        func number(_ key: String) throws(IndexError) -> Int {
            guard case .number(let value)? = meta[key], value >= 0, value == value.rounded(), value < 1e12 else { throw IndexError(path, "metadata lacks \(key)") }
            return Int(value)
        }
        func string(_ key: String) throws(IndexError) -> String {
            guard case .string(let value)? = meta[key] else { throw IndexError(path, "metadata lacks \(key)") }
            return value
        }
        func flag(_ key: String) -> Bool { if case .bool(true)? = meta[key] { return true } else { return false } }
        guard let mode = TokenizerMode(rawValue: try string("tokenizer")) else { throw IndexError(path, "unknown tokenizer in the metadata") }
        let options = AnalyzerOptions(mode: mode, includesUnigrams: flag("unigrams"), stemsEnglish: flag("stemming"), simplifiesChinese: flag("simplify"))
        let documentCount = try number("documents"), termCount = try number("terms"), nonzeros = try number("nonzeros"), rank = try number("lsaDimensions")
        func lines(_ name: String, _ expected: Int) throws(IndexError) -> [String] {
            let text = String(decoding: try file.section(name, in: path), as: UTF8.self)
            let list = expected == 0 ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard list.count == expected else { throw IndexError(path, "inconsistent: \(name) has \(list.count) entries, expected \(expected)") }
            return list
        }
        func array<Value: FixedWidthInteger>(_ name: String, _ count: Int, _ type: Value.Type) throws(IndexError) -> [Value] {
            let data = try file.section(name, in: path)
            guard data.count == count * MemoryLayout<Value>.size else { throw IndexError(path, "inconsistent: \(name) has \(data.count) bytes, expected \(count * MemoryLayout<Value>.size)") }
            return (0..<count).map { data.readLittleEndian(at: $0 * MemoryLayout<Value>.size) }
        }
        func floats(_ name: String, _ count: Int) throws(IndexError) -> [Float] {
            try array(name, count, UInt32.self).map { Float(bitPattern: $0) }
        }
        let ids = try lines("ids", documentCount)
        let titles = try lines("titles", documentCount)
        let terms = try lines("terms", termCount)
        let offsets = try array("offsets", documentCount + 1, Int64.self).map { Int($0) }
        let columns = try array("columns", nonzeros, Int32.self)
        guard offsets.first == 0, offsets.last == nonzeros, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              columns.allSatisfy({ $0 >= 0 && Int($0) < termCount }) else { throw IndexError(path, "inconsistent: the term matrix is malformed") }
        let counts = SparseMatrix(rows: documentCount, columns: termCount, rowOffsets: offsets, columnIndices: columns, values: try floats("counts", nonzeros))
        let weights = SparseMatrix(rows: documentCount, columns: termCount, rowOffsets: offsets, columnIndices: columns, values: try floats("weights", nonzeros))
        let statistics = TermCounts(terms: terms, documentFrequencies: try array("df", termCount, Int32.self), counts: counts)
        let weighting: TermWeighting = try string("weighting") == "bm25" ? .bm25(BM25Options()) : .tfidf(TFIDFOptions(sublinearTF: true))
        let weighted = WeightedTerms(statistics: statistics, weighting: weighting, inverseDocumentFrequencies: try floats("idf", termCount), documents: weights)
        var model: LatentSemanticModel? = nil
        if rank > 0 {
            model = LatentSemanticModel(singularValues: try floats("lsa-values", rank),
                                        termVectors: DenseMatrix(rows: termCount, columns: rank, elements: try floats("lsa-terms", termCount * rank)),
                                        documentVectors: DenseMatrix(rows: documentCount, columns: rank, elements: try floats("lsa-docs", documentCount * rank)))
        }
        var fieldWeights = FieldWeights()
        if case .array(let values)? = meta["fieldWeights"], values.count == 3, case .number(let t) = values[0], case .number(let k) = values[1], case .number(let a) = values[2] {
            fieldWeights = FieldWeights(title: Float(t), keywords: Float(k), abstract: Float(a))
        }
        let analyzer = try TextResources.makeAnalyzer(options: options)
        let matcher = TextMatcher(analyzer: analyzer, terms: weighted, fieldWeights: fieldWeights, achievementIDs: ids, semanticModel: model)
        return (matcher, Metadata(analyzer: options, weighting: try string("weighting"), corpusFingerprint: try string("corpus"), titles: titles))
    }

    private static func bytes<Value: FixedWidthInteger>(_ values: [Value]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(values.count * MemoryLayout<Value>.size)
        for value in values { withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) } }
        return output
    }

    private static func bytes(_ values: [Float]) -> [UInt8] { bytes(values.map(\.bitPattern)) }
}
