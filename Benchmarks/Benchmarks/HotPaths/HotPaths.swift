import Benchmark
import Duijie
import DuijieGraph
import DuijieText
import DuijieVectors
import Foundation

/// The repository root, from this file's path (…/Benchmarks/Benchmarks/HotPaths/HotPaths.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

/// The demo corpus, loaded once.
let demo: Corpus = try! CorpusLoader.loadValidated(repositoryRoot + "/Corpus/demo").corpus

/// Every achievement and demand text of the demo corpus, repeated to about 2,000 documents.
let texts: [String] = {
    let base = demo.achievements.map { [$0.title, $0.keywords.joined(separator: " "), $0.abstract ?? ""].joined(separator: "。") }
        + demo.demands.map(\.queryText)
    return (0..<6).flatMap { _ in base }
}()

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5), maxIterations: 50)
    let analyzer = try! TextResources.makeAnalyzer(options: AnalyzerOptions(mode: .dictionary))
    let tokens = texts.map(analyzer.terms)
    let documents = tokens.map(AnalyzedDocument.init(terms:))
    let weighted = WeightedTerms(statistics: TermCounts(documents: documents, parallelism: .serial), weighting: .tfidf(TFIDFOptions(sublinearTF: true)))
    let matrix = weighted.documents!  // weighted here, so the documents are present

    Benchmark("tokenize/dictionary", configuration: configuration) { benchmark in
        for text in texts { blackHole(analyzer.terms(text)) }
    }
    Benchmark("tfidf/build", configuration: configuration) { benchmark in
        blackHole(WeightedTerms(statistics: TermCounts(documents: documents, parallelism: .serial), weighting: .tfidf(TFIDFOptions(sublinearTF: true))))
    }
    Benchmark("sparse/top10-all-pairs", configuration: configuration) { benchmark in
        blackHole(SparseSimilarity(documents: matrix).topK(queries: matrix, k: 10, parallelism: .serial))
    }
    Benchmark("svd/randomized-rank64", configuration: configuration) { benchmark in
        blackHole(try RandomizedSVD(matrix, options: .init(rank: 64), parallelism: .serial).singularValues)
    }
    let vectors = unitVectors(count: 50_000, dimensions: 128, seed: 2)
    let queries = unitVectors(count: 256, dimensions: 128, seed: 3)
    let dense = DenseSimilarity(vectors: vectors)
    Benchmark("dense/top10-50k×128×256", configuration: configuration) { benchmark in
        blackHole(dense.topK(queries: queries, k: 10, parallelism: .serial))
    }
    let graph = CorpusGraph(corpus: demo)
    Benchmark("pagerank/demand-seed", configuration: configuration) { benchmark in
        blackHole(graph.proximity(from: ["D-1012": 1], options: .init(tolerance: 1e-8)))
    }
    let (left, right, pairs) = pairingInstance(demand: 200, supply: 200, maximum: 6)
    Benchmark("pairing/200×200-b-matching", configuration: configuration) { benchmark in
        blackHole(CapacitatedMatching(left: left, right: right, pairs: pairs, totalLimit: 16 * 40))
    }
    let matching = CapacitatedMatching(left: left, right: right, pairs: pairs, totalLimit: 16 * 40)
    let meetings = matching.chosen.map { MeetingScheduler.Meeting(first: pairs[$0].left, second: 200 + pairs[$0].right) }
    Benchmark("schedule/200×200-16-slots", configuration: configuration) { benchmark in
        blackHole(MeetingScheduler.schedule(.init(participantCount: 400, tables: [Int](repeating: 40, count: 16), meetings: meetings)))
    }
}

func unitVectors(count: Int, dimensions: Int, seed: UInt64) -> DenseMatrix {
    var generator = SplitMix64(seed: seed)
    var matrix = DenseMatrix(rows: count, columns: dimensions, elements: RandomizedSVD.gaussian(count: count * dimensions, using: &generator))
    LatentSemanticModel.normalizeRows(&matrix)
    return matrix
}

/// A seeded random b-matching: every pair eligible, weights up to 10⁶, at least 1 and at most `maximum` partners.
func pairingInstance(demand: Int, supply: Int, maximum: Int) -> ([CapacitatedMatching.Bounds], [CapacitatedMatching.Bounds], [CapacitatedMatching.Pair]) {
    var random = SplitMix64(seed: 7)
    let bounds = CapacitatedMatching.Bounds(minimum: 1, maximum: maximum)
    var pairs: [CapacitatedMatching.Pair] = []
    for d in 0..<demand { for s in 0..<supply { pairs.append(.init(left: d, right: s, weight: Int64.random(in: 0...1_000_000, using: &random))) } }
    return (Array(repeating: bounds, count: demand), Array(repeating: bounds, count: supply), pairs)
}
