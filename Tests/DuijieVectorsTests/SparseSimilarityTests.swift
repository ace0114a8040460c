import DuijieBase
@testable import DuijieVectors
import Testing

@Suite struct SparseSimilarityTests {
    /// A random sparse matrix with values in (0, 1], some rows empty; fixed seed.
    static func randomMatrix(rows: Int, columns: Int, density: Double, seed: UInt64) -> SparseMatrix {
        var generator = SplitMix64(seed: seed)
        var entries: [[(column: Int32, value: Float)]] = []
        for _ in 0..<rows {
            var row: [(column: Int32, value: Float)] = []
            for column in 0..<columns where Double(generator.next() % 10_000) / 10_000 < density {
                // Coarse values make exact ties common, to exercise tie-breaking.
                row.append((Int32(column), Float(generator.next() % 4 + 1) / 4))
            }
            entries.append(row)
        }
        return SparseMatrix(columns: columns, rows: entries)
    }

    static func bruteForce(queries: SparseMatrix, documents: SparseMatrix, k: Int) -> [[ScoredIndex]] {
        (0..<queries.rows).map { q in
            var scores: [ScoredIndex] = []
            for d in 0..<documents.rows {
                var score: Float = 0
                for (column, value) in queries.row(q) { score += value * documents[d, Int(column)] }
                if score > 0 { scores.append(ScoredIndex(index: Int32(d), score: score)) }
            }
            return Array(scores.sorted(by: ScoredIndex.ranksBefore).prefix(k))
        }
    }

    @Test func batchTopKEqualsBruteForce() {
        let documents = Self.randomMatrix(rows: 300, columns: 80, density: 0.05, seed: 1)
        let queries = Self.randomMatrix(rows: 60, columns: 80, density: 0.08, seed: 2)
        let similarity = SparseSimilarity(documents: documents)
        let expected = Self.bruteForce(queries: queries, documents: documents, k: 10)
        let results = similarity.topK(queries: queries, k: 10, parallelism: .serial)
        for (ours, theirs) in zip(results, expected) {
            #expect(ours.map(\.index) == theirs.map(\.index))
            for (a, b) in zip(ours, theirs) { #expect(abs(a.score - b.score) < 1e-5) }
        }
    }

    @Test func sparseQueriesOverALargeCollectionEqualBruteForce() {
        // Few postings per query against many documents: the touched-list path, not the dense scan.
        let documents = Self.randomMatrix(rows: 3_000, columns: 2_000, density: 0.002, seed: 5)
        let queries = Self.randomMatrix(rows: 40, columns: 2_000, density: 0.001, seed: 6)
        let similarity = SparseSimilarity(documents: documents)
        let expected = Self.bruteForce(queries: queries, documents: documents, k: 5)
        #expect(similarity.topK(queries: queries, k: 5, parallelism: Parallelism(threads: 3)).map { $0.map(\.index) } == expected.map { $0.map(\.index) })
    }

    @Test func resultsAreIdenticalForOneAndManyThreads() {
        let documents = Self.randomMatrix(rows: 500, columns: 120, density: 0.04, seed: 3)
        let queries = Self.randomMatrix(rows: 200, columns: 120, density: 0.05, seed: 4)
        let similarity = SparseSimilarity(documents: documents)
        let serial = similarity.topK(queries: queries, k: 7, parallelism: .serial)
        let parallel = similarity.topK(queries: queries, k: 7, parallelism: Parallelism(threads: 4))
        #expect(serial == parallel)
    }

    @Test func singleQueryTiesGoToTheLowerIndex() {
        // Documents 2 and 0 share the query term with equal weight: ranked 0 then 2.
        let documents = SparseMatrix(columns: 3, rows: [[(1, 0.5)], [(0, 1)], [(1, 0.5)], []])
        let similarity = SparseSimilarity(documents: documents)
        #expect(similarity.topK(query: [(1, 2)], k: 5) == [ScoredIndex(index: 0, score: 1), ScoredIndex(index: 2, score: 1)])
        #expect(similarity.topK(query: [(1, 2)], k: 1) == [ScoredIndex(index: 0, score: 1)])
        #expect(similarity.topK(query: [(99, 1), (-1, 1)], k: 3).isEmpty)  // unknown terms
        #expect(similarity.topK(query: [(1, 1)], k: 0).isEmpty)
    }

    @Test func transposeAndInvariants() {
        let matrix = SparseMatrix(columns: 3, rows: [[(2, 1), (0, 2)], [], [(1, 3)]])
        #expect(matrix.rowOffsets == [0, 2, 2, 3] && matrix.columnIndices == [0, 2, 1])
        let transposed = matrix.transposed
        #expect(transposed.row(0).map(\.column) == [0] && transposed.row(2).map(\.value) == [1])
        #expect(transposed.transposed == matrix)
        #expect(matrix.checkInvariants() == nil)
        var normalized = SparseMatrix(columns: 2, rows: [[(0, 3), (1, 4)], []])
        normalized.normalizeRows()
        #expect(normalized.values == [0.6, 0.8])
    }

    @Test func topKSelectorKeepsTheBest() {
        var selector = TopKSelector(k: 3)
        for (index, score) in [(5, 0.1), (1, 0.9), (7, 0.5), (2, 0.9), (3, 0.2), (4, 0.5)] as [(Int32, Float)] {
            selector.offer(ScoredIndex(index: index, score: score))
        }
        #expect(selector.sorted().map(\.index) == [1, 2, 4])
    }
}

@Suite struct ParallelismTests {
    @Test(arguments: [0, 1, 7, 10, 90, 1_000])
    func chunksCoverEveryItemOnceInOrder(count: Int) {
        for threads in [1, 2, 3, 8] {
            let chunks = Parallelism(threads: threads).mapChunks(count: count, minimumChunk: 1) { Array($0) }
            #expect(chunks.flatMap { $0 } == Array(0..<count), "threads \(threads)")
        }
    }
}
