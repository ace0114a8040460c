/// A dense row-major matrix of `Float` values stored contiguously.
///
/// Row-major storage lets a row (a document vector) be read as one contiguous slice, and it is
/// the layout every BLAS and LAPACK call in this module is made with (`CblasRowMajor`,
/// `LAPACK_ROW_MAJOR`).
public struct DenseMatrix: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The elements, row after row: element (i, j) is at `i * columns + j`.
    public var elements: [Float]

    /// Creates a matrix of the given shape filled with `value`.
    ///
    /// - Parameters:
    ///   - rows: The number of rows (≥ 0).
    ///   - columns: The number of columns (≥ 0).
    ///   - value: The value of every element.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = [Float](repeating: value, count: rows * columns)
    }

    /// Creates a matrix from row-major elements.
    ///
    /// - Parameters:
    ///   - rows: The number of rows.
    ///   - columns: The number of columns.
    ///   - elements: `rows * columns` values, row after row.
    public init(rows: Int, columns: Int, elements: [Float]) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        precondition(elements.count == rows * columns, "expected \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Creates a matrix from an array of equally long rows.
    ///
    /// - Parameter rowArrays: The rows; all must have the same length.
    public init(_ rowArrays: [[Float]]) {
        let columnCount = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columnCount }, "all rows must have the same length")
        self.init(rows: rowArrays.count, columns: columnCount, elements: rowArrays.flatMap { $0 })
    }

    /// Accesses the element in row `row` and column `column`.
    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
            return elements[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
            elements[row * columns + column] = newValue
        }
    }

    /// The elements of one row.
    ///
    /// - Complexity: O(`columns`).
    public func row(_ index: Int) -> ArraySlice<Float> {
        precondition(index >= 0 && index < rows, "row index out of range")
        return elements[(index * columns)..<((index + 1) * columns)]
    }

    /// The transpose of the matrix.
    ///
    /// - Complexity: O(`rows` × `columns`).
    public var transposed: DenseMatrix {
        var result = DenseMatrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns {
                result.elements[j * rows + i] = elements[i * columns + j]
            }
        }
        return result
    }

    /// The identity matrix of the given size.
    public static func identity(_ size: Int) -> DenseMatrix {
        var result = DenseMatrix(rows: size, columns: size)
        for i in 0..<size { result.elements[i * size + i] = 1 }
        return result
    }
}
