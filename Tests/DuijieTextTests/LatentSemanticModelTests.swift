@testable import DuijieText
import DuijieVectors
import Foundation
import Testing

@Suite struct LatentSemanticModelTests {
    struct SVDReference: Decodable {
        let shape: [Int]
        let k: Int
        let svds: [Double]
    }

    /// The demo-title TF-IDF matrix of the TF-IDF fixture, and scipy's singular values for it
    /// (Benchmarks/reference/svd_reference.py).
    static func load() throws -> (SparseMatrix, SVDReference) {
        let reference = try TermWeightingTests.loadReference()
        let documents = reference.documents.map(AnalyzedDocument.init(terms:))
        let weighted = WeightedTerms(statistics: TermCounts(documents: documents), weighting: .tfidf(TFIDFOptions()))
        let url = try #require(Bundle.module.url(forResource: "svd-scipy", withExtension: "json", subdirectory: "Fixtures"))
        let svd = try JSONDecoder().decode(SVDReference.self, from: Data(contentsOf: url))
        return (weighted.documents!, svd)
    }

    @Test func singularValuesMatchScipyOnARealTFIDFMatrix() throws {
        let (matrix, reference) = try Self.load()
        #expect([matrix.rows, matrix.columns] == reference.shape)
        // Sampling all 60 rows makes the randomized SVD exact up to float rounding.
        let exact = try RandomizedSVD(matrix, options: .init(rank: reference.k, oversampling: 60, powerIterations: 1))
        for (ours, theirs) in zip(exact.singularValues, reference.svds) {
            #expect(abs(Double(ours) - theirs) / theirs < 1e-5)
        }
        // The usual settings on this flat spectrum (σ₁₂/σ₂₃ ≈ 1.1): 7 power iterations shrink the
        // error by about (1/1.1)^15 ≈ 0.24 per unit gap; leading values land within 1%.
        let truncated = try RandomizedSVD(matrix, options: .init(rank: reference.k, oversampling: 10, powerIterations: 7))
        for (ours, theirs) in zip(truncated.singularValues.prefix(6), reference.svds) {
            #expect(abs(Double(ours) - theirs) / theirs < 0.01)
        }
    }

    @Test func foldInOfADocumentIsItsDocumentVector() throws {
        let (matrix, _) = try Self.load()
        let model = try LatentSemanticModel(documents: matrix, options: .init(rank: 16))
        #expect(model.dimensions == 16)
        for row in [0, 17, 59] {
            let folded = model.foldIn(matrix.row(row).map { ($0.column, $0.value) })
            for (a, b) in zip(folded, model.documentVectors.row(row)) { #expect(abs(a - b) < 1e-5) }
            let norm = folded.reduce(0) { $0 + $1 * $1 }
            #expect(abs(norm - 1) < 1e-4)
        }
        #expect(model.foldIn([(99_999, 1)]).allSatisfy { $0 == 0 })
    }
}
