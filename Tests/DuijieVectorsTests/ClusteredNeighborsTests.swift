import DuijieBase
@testable import DuijieVectors
import Testing

@Suite struct ClusteredNeighborsTests {
    /// Unit vectors around `groups` random centres (a collection with topics, as LSA vectors have).
    func clustered(rows: Int, dimensions: Int, groups: Int, seed: UInt64) -> DenseMatrix {
        var random = SplitMix64(seed: seed)
        let centres = RandomizedSVD.gaussian(count: groups * dimensions, using: &random)
        let noise = RandomizedSVD.gaussian(count: rows * dimensions, using: &random)
        var elements = [Float](repeating: 0, count: rows * dimensions)
        for row in 0..<rows {
            let group = row % groups
            for column in 0..<dimensions { elements[row * dimensions + column] = centres[group * dimensions + column] + 0.6 * noise[row * dimensions + column] }
        }
        var matrix = DenseMatrix(rows: rows, columns: dimensions, elements: elements)
        for row in 0..<rows {
            let span = (row * dimensions)..<((row + 1) * dimensions)
            let norm = matrix.elements[span].reduce(0) { $0 + $1 * $1 }.squareRoot()
            for position in span { matrix.elements[position] /= norm }
        }
        return matrix
    }

    /// The exact answer: every row against all rows, itself left out.
    func exact(_ vectors: DenseMatrix, k: Int) -> [[ScoredIndex]] {
        DenseSimilarity(vectors: vectors).topK(queries: vectors, k: k + 1, parallelism: .serial).enumerated().map { row, hits in
            Array(hits.filter { Int($0.index) != row }.prefix(k))
        }
    }

    @Test func oneClusterIsTheExactSearch() {
        let vectors = clustered(rows: 300, dimensions: 16, groups: 5, seed: 1)
        let approximate = ClusteredNeighbors.neighbors(of: vectors, k: 10, clusters: 1)
        #expect(approximate.map { $0.map(\.index) } == exact(vectors, k: 10).map { $0.map(\.index) })
    }

    @Test func recallIsHighOnTopicalData() {
        let vectors = clustered(rows: 4_000, dimensions: 32, groups: 40, seed: 2)
        let truth = exact(vectors, k: 10)
        let approximate = ClusteredNeighbors.neighbors(of: vectors, k: 10)
        let found = zip(truth, approximate).reduce(0) { $0 + Set($1.0.map(\.index)).intersection($1.1.map(\.index)).count }
        let recall = Double(found) / Double(truth.reduce(0) { $0 + $1.count })
        #expect(recall > 0.9, "recall@10 \(recall)")
    }

    @Test func theResultDoesNotDependOnTheThreads() {
        let vectors = clustered(rows: 2_000, dimensions: 16, groups: 20, seed: 3)
        let one = ClusteredNeighbors.neighbors(of: vectors, k: 5, parallelism: .serial)
        let two = ClusteredNeighbors.neighbors(of: vectors, k: 5, parallelism: Parallelism(threads: 2))
        #expect(one == two)
    }
}
