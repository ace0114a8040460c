import DuijieBase
import DuijieVectors

/// Latent semantic analysis (Deerwester et al., "Indexing by latent semantic analysis", JASIS
/// 41(6), 1990): a truncated SVD A ≈ UΣVᵀ of the weighted document–term matrix maps documents
/// and queries into k dimensions where terms that occur in similar contexts (锂电池回收 and
/// 退役动力电池梯次利用) lie close together.
///
/// A text's vector is its weighted term vector times V (n terms × k), scaled to unit length —
/// the fold-in of new text needs no rebuild. Document vectors are made the same way (A·V, rows
/// normalized), so documents and queries are mapped identically; for an exact SVD A·V = UΣ,
/// the usual scaled document vectors.
public struct LatentSemanticModel: Sendable {
    /// The singular values, non-increasing.
    public let singularValues: [Float]
    /// The term → concept map V: terms × k.
    public let termVectors: DenseMatrix
    /// Documents × k, rows of unit length (zero for documents with no terms).
    public let documentVectors: DenseMatrix

    /// Fits the model to a weighted document–term matrix.
    ///
    /// - Parameters:
    ///   - documents: Documents × terms, TF-IDF weighted (l2-normalized rows are usual).
    ///   - postings: `documents.transposed`, when the caller holds it already (an inverted
    ///     index), so the decomposition does not form a second copy.
    ///   - options: Rank, oversampling, power iterations, seed of the randomized SVD.
    ///   - parallelism: Threads for the sparse products.
    /// - Throws: `DuijieError` when LAPACK fails.
    public init(documents: SparseMatrix, postings: SparseMatrix? = nil, options: RandomizedSVD.Options = .init(),
                parallelism: Parallelism = .automatic) throws(DuijieError) {
        let svd = try RandomizedSVD(documents, transposed: postings, options: options, parallelism: parallelism)
        singularValues = svd.singularValues
        termVectors = svd.v
        var vectors = documents.multiplied(by: termVectors, parallelism: parallelism)
        Self.normalizeRows(&vectors)
        documentVectors = vectors
    }

    /// Restores a model saved earlier.
    public init(singularValues: [Float], termVectors: DenseMatrix, documentVectors: DenseMatrix) {
        precondition(termVectors.columns == documentVectors.columns, "term and document vectors disagree in dimensions")
        self.singularValues = singularValues
        self.termVectors = termVectors
        self.documentVectors = documentVectors
    }

    /// The number of dimensions k.
    public var dimensions: Int { termVectors.columns }

    /// The unit-length concept vector of a weighted term vector (a query, a new document).
    ///
    /// - Parameter query: (term id, weight) pairs over the model's vocabulary.
    /// - Returns: k values; all zero when no term is known.
    public func foldIn(_ query: [(term: Int32, weight: Float)]) -> [Float] {
        let k = dimensions
        var vector = [Float](repeating: 0, count: k)
        termVectors.elements.withUnsafeBufferPointer { terms in
            for (term, weight) in query where term >= 0 && Int(term) < termVectors.rows {
                let row = Int(term) * k
                for index in 0..<k { vector[index] += weight * terms[row + index] }
            }
        }
        let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        if norm > 0 { vector = vector.map { Float(Double($0) / norm) } }
        return vector
    }

    /// Scales every row of `matrix` to unit Euclidean length (zero rows stay zero).
    public static func normalizeRows(_ matrix: inout DenseMatrix) {
        let width = matrix.columns
        matrix.elements.withUnsafeMutableBufferPointer { elements in
            for row in 0..<matrix.rows {
                var sum: Double = 0
                for index in 0..<width { sum += Double(elements[row * width + index]) * Double(elements[row * width + index]) }
                guard sum > 0 else { continue }
                let scale = Float(1 / sum.squareRoot())
                for index in 0..<width { elements[row * width + index] *= scale }
            }
        }
    }
}
