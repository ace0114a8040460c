import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieText
import DuijieVectors
import Foundation

/// `DuijieBench dense-speed`: BLAS peak, tiled dense top-k throughput, Float16 storage, and
/// randomized SVD time; prints one JSON object.
struct DenseSpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dense-speed",
        abstract: "Time sgemm peak, tiled dense top-k, Float16 storage and randomized SVD; print JSON.",
        discussion: """
        The top-k phase ranks --queries random unit vectors against --documents random unit \
        vectors (seeded) and reports GFLOP/s against the sgemm peak measured on this machine in the \
        same run. With --vectors-out DIR the vectors are written as raw little-endian float32 \
        (documents.f32, queries.f32) so a peer can search the same data. With --svd-input the \
        dictionary-tokenized TF-IDF matrix of that document file is decomposed (--rank), and its \
        tokens written to --tokens-out for the peer.
        """
    )

    @Option(help: "Document vectors.") var documents = 100_000
    @Option(help: "Dimensions.") var dimensions = 256
    @Option(help: "Query vectors.") var queries = 4_096
    @Option(help: "Results per query.") var top = 10
    @Option(help: "Threads (BLAS and Swift).") var threads = 2
    @Option(help: "Runs per phase; the median is reported.") var `repeat` = 3
    @Option(help: "Write the vectors here for a peer.") var vectorsOut: String?
    @Option(help: "A plain document file whose TF-IDF matrix the randomized SVD decomposes.") var svdInput: String?
    @Option(help: "SVD rank.") var rank = 256
    @Option(help: "Write the SVD input's tokens here for a peer.") var tokensOut: String?
    @Option(help: "Documents in the memory-bound single-query scan (0 skips it).") var scanDocuments = 1_000_000

    func validate() throws {
        for (value, name) in [(documents, "--documents"), (queries, "--queries")] { try CountLimits.check(value, name, in: CountLimits.items) }
        try CountLimits.check(scanDocuments, "--scan-documents", in: 0...CountLimits.items.upperBound)
        try CountLimits.check(dimensions, "--dimensions", in: CountLimits.dimensions)
        try CountLimits.check(rank, "--rank", in: CountLimits.dimensions)
        try CountLimits.check(top, "--top", in: CountLimits.results)
        try CountLimits.check(threads, "--threads", in: CountLimits.threads)
        try CountLimits.check(`repeat`, "--repeat", in: CountLimits.runs)
    }

    func run() throws {
        let parallelism = Parallelism(threads: threads)
        var report: [(String, JSONValue)] = [("threads", .number(Double(threads)))]
        func median(_ body: () throws -> Void) rethrows -> Double { try medianSeconds(runs: self.repeat, body) }

        // The machine's sgemm peak: one large square sgemm per thread, all at once (OpenBLAS is
        // single-threaded in Duijie; see BLAS).
        let size = 2_048
        var generator = SplitMix64(seed: 1)
        let a = DenseMatrix(rows: size, columns: size, elements: (0..<(size * size)).map { _ in Float(generator.next() % 1_000) / 1_000 })
        let peakSeconds = median {
            _ = Parallelism(threads: threads).mapChunks(count: threads, minimumChunk: 1) { range in
                range.map { _ in BLAS.product(a, a).elements[0] }
            }
        }
        let peak = Double(threads) * 2 * pow(Double(size), 3) / peakSeconds / 1e9
        report.append(("sgemm_peak_gflops", .number(peak)))

        // Tiled top-k on random unit vectors.
        let documentVectors = Self.unitVectors(count: documents, dimensions: dimensions, seed: 2)
        let queryVectors = Self.unitVectors(count: queries, dimensions: dimensions, seed: 3)
        if let vectorsOut {
            try FileManager.default.createDirectory(atPath: vectorsOut, withIntermediateDirectories: true)
            try Self.writeFloats(documentVectors.elements, to: vectorsOut + "/documents.f32")
            try Self.writeFloats(queryVectors.elements, to: vectorsOut + "/queries.f32")
        }
        let similarity = DenseSimilarity(vectors: documentVectors)
        var exact: [[ScoredIndex]] = []
        let topKSeconds = median { exact = similarity.topK(queries: queryVectors, k: top, parallelism: parallelism) }
        let flops = 2 * Double(documents) * Double(queries) * Double(dimensions)
        report.append(("topk_seconds", .number(topKSeconds)))
        report.append(("topk_gflops", .number(flops / topKSeconds / 1e9)))
        report.append(("topk_fraction_of_peak", .number(flops / topKSeconds / 1e9 / peak)))
        report.append(("topk_score_sum", .number(exact.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + Double($1.score) } })))

        // Float16 storage: memory, time, and agreement with Float32.
        let half = DenseSimilarity(vectors: documentVectors, storage: .float16)
        var approximate: [[ScoredIndex]] = []
        let halfSeconds = median { approximate = half.topK(queries: queryVectors, k: top, parallelism: parallelism) }
        let overlap = zip(exact, approximate).reduce(0.0) { sum, pair in
            sum + Double(Set(pair.0.map(\.index)).intersection(pair.1.map(\.index)).count) / Double(max(1, pair.0.count))
        } / Double(max(1, exact.count))
        report.append(("float16_seconds", .number(halfSeconds)))
        report.append(("float32_megabytes", .number(Double(similarity.memoryBytes) / 1e6)))
        report.append(("float16_megabytes", .number(Double(half.memoryBytes) / 1e6)))
        report.append(("float16_top10_overlap", .number(overlap)))

        if scanDocuments > 0 { report += memoryBoundScan(parallelism: parallelism) }

        if let svdInput {
            let texts: [String]
            texts = try CorpusLoader.loadValidated(svdInput).corpus.achievements.map { [$0.title, $0.abstract ?? ""].joined(separator: "\n") }
            let analyzer = try TextResources.makeAnalyzer(options: AnalyzerOptions(mode: .dictionary))
            let tokens = parallelism.mapChunks(count: texts.count, minimumChunk: 32) { range in texts[range].map(analyzer.terms) }.flatMap { $0 }
            if let tokensOut {
                try AtomicFile.write(tokens.map { $0.joined(separator: " | ") + "\n" }.joined(), to: tokensOut)
            }
            let matrix = WeightedTerms(statistics: TermCounts(documents: tokens.map(AnalyzedDocument.init(terms:)), parallelism: parallelism),
                                       weighting: .tfidf(TFIDFOptions(sublinearTF: true))).documents!
            var values: [Float] = []
            let svdSeconds = try median {
                values = try RandomizedSVD(matrix, options: .init(rank: rank, oversampling: 10, powerIterations: 4), parallelism: parallelism).singularValues
            }
            report.append(("svd_shape", .array([.number(Double(matrix.rows)), .number(Double(matrix.columns))])))
            report.append(("svd_seconds", .number(svdSeconds)))
            report.append(("svd_top_values", .array(values.prefix(5).map { .number(Double($0)) })))
            report.append(("svd_value_sum", .number(values.reduce(0.0) { $0 + Double($1) })))
        }
        print(JSONWriter.string(.object(report)))
    }

    /// One query against `scanDocuments` × `dimensions` vectors is memory-bound: its achieved
    /// bandwidth (bytes of vectors read per second) against this machine's read bandwidth,
    /// measured in the same run by summing an array of the same size (one thread, and all).
    func memoryBoundScan(parallelism: Parallelism) -> [(String, JSONValue)] {
        func median(_ body: () -> Void) -> Double { medianSeconds(runs: max(5, self.repeat), body) }
        let vectors = Self.unitVectors(count: scanDocuments, dimensions: dimensions, seed: 4)
        let bytes = Double(vectors.elements.count * MemoryLayout<Float>.size)
        let elements = vectors.elements
        func readSum(_ threads: Parallelism) -> Double {
            let partial = elements.withUnsafeBufferPointer { buffer in
                nonisolated(unsafe) let base = buffer.baseAddress!
                return threads.mapChunks(count: buffer.count, minimumChunk: 1 << 20) { range -> Float in
                    var lanes = SIMD16<Float>()
                    var index = range.lowerBound
                    while index + 16 <= range.upperBound {
                        lanes += UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<Float>.self)
                        index += 16
                    }
                    var sum = lanes.sum()
                    while index < range.upperBound { sum += base[index]; index += 1 }
                    return sum
                }
            }
            return Double(partial.reduce(0, +))
        }
        var sink = 0.0
        let readOne = median { sink += readSum(.serial) }
        let readAll = median { sink += readSum(parallelism) }
        let query = Array(Self.unitVectors(count: 1, dimensions: dimensions, seed: 5).elements)
        let float32 = DenseSimilarity(vectors: vectors)
        let scan32 = median { sink += Double(float32.topK(query: query, k: top).first?.score ?? 0) }
        let float16 = DenseSimilarity(vectors: vectors, storage: .float16)
        let scan16 = median { sink += Double(float16.topK(query: query, k: top).first?.score ?? 0) }
        return [
            ("scan_documents", .number(Double(scanDocuments))), ("scan_megabytes", .number(bytes / 1e6)),
            ("read_gbps_1thread", .number(bytes / readOne / 1e9)), ("read_gbps", .number(bytes / readAll / 1e9)),
            ("scan_float32_seconds", .number(scan32)), ("scan_float32_gbps", .number(bytes / scan32 / 1e9)),
            ("scan_float16_seconds", .number(scan16)), ("scan_float16_gbps", .number(bytes / 2 / scan16 / 1e9)),
            ("checksum", .number(sink.isFinite ? 1 : 0)),
        ]
    }

    static func unitVectors(count: Int, dimensions: Int, seed: UInt64) -> DenseMatrix {
        var generator = SplitMix64(seed: seed)
        var matrix = DenseMatrix(rows: count, columns: dimensions, elements: RandomizedSVD.gaussian(count: count * dimensions, using: &generator))
        LatentSemanticModel.normalizeRows(&matrix)
        return matrix
    }

    static func writeFloats(_ values: [Float], to path: String) throws {
        let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
        try AtomicFile.write(data, to: path)
    }
}
