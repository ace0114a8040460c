import DuijieBase
@testable import DuijieVectors
import Testing

@Suite struct DenseSimilarityTests {
    /// Vectors with coarse values (multiples of 1/4), so equal scores — ties — are common.
    static func coarse(rows: Int, columns: Int, seed: UInt64) -> DenseMatrix {
        var generator = SplitMix64(seed: seed)
        return DenseMatrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in Float(Int(generator.next() % 9) - 4) / 4 })
    }

    static func bruteForce(_ queries: DenseMatrix, _ documents: DenseMatrix, k: Int) -> [[ScoredIndex]] {
        (0..<queries.rows).map { q in
            let scores = (0..<documents.rows).map { d in
                ScoredIndex(index: Int32(d), score: zip(queries.row(q), documents.row(d)).reduce(0) { $0 + $1.0 * $1.1 })
            }
            return Array(scores.sorted(by: ScoredIndex.ranksBefore).prefix(k))
        }
    }

    @Test func batchTopKEqualsBruteForceWhateverTheTiles() {
        let documents = Self.coarse(rows: 700, columns: 16, seed: 1)
        let queries = Self.coarse(rows: 90, columns: 16, seed: 2)
        let expected = Self.bruteForce(queries, documents, k: 10)
        let similarity = DenseSimilarity(vectors: documents)
        for (block, tile) in [(1_024, 16_384), (7, 64), (1, 1)] {
            let results = similarity.topK(queries: queries, k: 10, queryBlock: block, documentTile: tile, parallelism: Parallelism(threads: 3))
            #expect(results.map { $0.map(\.index) } == expected.map { $0.map(\.index) }, "block \(block), tile \(tile)")
        }
    }

    @Test func rankingsAndScoresAreIdenticalForAnyThreadCount() {
        var generator = SplitMix64(seed: 8)
        let documents = DenseMatrix(rows: 3_000, columns: 64, elements: RandomizedSVD.gaussian(count: 3_000 * 64, using: &generator))
        let queries = DenseMatrix(rows: 1_100, columns: 64, elements: RandomizedSVD.gaussian(count: 1_100 * 64, using: &generator))
        let similarity = DenseSimilarity(vectors: documents)
        let serial = similarity.topK(queries: queries, k: 10, documentTile: 1_000, parallelism: .serial)
        let parallel = similarity.topK(queries: queries, k: 10, documentTile: 1_000, parallelism: Parallelism(threads: 4))
        #expect(serial == parallel)
    }

    @Test func singleQueryThroughSgemvEqualsBruteForce() {
        let documents = Self.coarse(rows: 300, columns: 8, seed: 3)
        let queries = Self.coarse(rows: 5, columns: 8, seed: 4)
        let expected = Self.bruteForce(queries, documents, k: 7)
        let similarity = DenseSimilarity(vectors: documents)
        for q in 0..<5 {
            #expect(similarity.topK(query: Array(queries.row(q)), k: 7).map(\.index) == expected[q].map(\.index))
        }
    }

    @Test func float16StorageHalvesMemoryAndKeepsCoarseScoresExact() {
        // Multiples of 1/4 are exact in Float16, so rankings are identical to Float32.
        let documents = Self.coarse(rows: 200, columns: 12, seed: 5)
        let queries = Self.coarse(rows: 20, columns: 12, seed: 6)
        let full = DenseSimilarity(vectors: documents)
        let half = DenseSimilarity(vectors: documents, storage: .float16)
        #expect(half.memoryBytes * 2 == full.memoryBytes)
        #expect(half.topK(queries: queries, k: 5, documentTile: 64) == full.topK(queries: queries, k: 5))
    }
}
