/// A dense matrix of `Double`, stored column-major (Fortran order) so that BLAS/LAPACK read it
/// in place: element (i, j) lives at `elements[i + j * rows]`.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Column-major storage, `rows * columns` elements.
    public var elements: [Double]

    /// A `rows × columns` matrix of `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be >= 0")
        self.rows = rows
        self.columns = columns
        self.elements = [Double](repeating: value, count: rows * columns)
    }

    /// A matrix over column-major `elements`.
    public init(rows: Int, columns: Int, columnMajor elements: [Double]) {
        precondition(elements.count == rows * columns, "element count must equal rows × columns")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix whose columns are `columns` (all of one length).
    public init(columns: [[Double]]) {
        let rows = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "all columns must have the same length")
        self.init(rows: rows, columns: columns.count, columnMajor: columns.flatMap { $0 })
    }

    public subscript(row: Int, column: Int) -> Double {
        get { elements[row + column * rows] }
        set { elements[row + column * rows] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// The submatrix of the rows and columns listed, in that order.
    public func submatrix(rows rowIndices: [Int], columns columnIndices: [Int]) -> Matrix {
        var result = Matrix(rows: rowIndices.count, columns: columnIndices.count)
        for (jj, j) in columnIndices.enumerated() {
            for (ii, i) in rowIndices.enumerated() {
                result.elements[ii + jj * rowIndices.count] = elements[i + j * rows]
            }
        }
        return result
    }
}
