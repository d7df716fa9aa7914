/// A dense matrix of `Double` stored column-major, the layout BLAS and LAPACK expect.
///
/// Element `(row, column)` lives at `storage[row + column * rows]`.
public struct Matrix: Equatable, Sendable {
    /// Number of rows (≥ 0).
    public let rows: Int
    /// Number of columns (≥ 0).
    public let columns: Int
    /// Column-major values; `count == rows * columns`.
    public internal(set) var storage: [Double]

    /// A matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from column-major storage.
    public init(rows: Int, columns: Int, columnMajor values: [Double]) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw .dimensionMismatch("\(values.count) values cannot fill a \(rows)×\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.storage = values
    }

    /// A matrix from a list of rows, the way it is written on paper.
    public init(_ rowValues: [[Double]]) throws(LinearAlgebraError) {
        let rows = rowValues.count
        let columns = rowValues.first?.count ?? 0
        guard rowValues.allSatisfy({ $0.count == columns }) else {
            throw .dimensionMismatch("rows of unequal length")
        }
        var storage = [Double](repeating: 0, count: rows * columns)
        for (i, row) in rowValues.enumerated() {
            for (j, value) in row.enumerated() { storage[i + j * rows] = value }
        }
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// The `n`×`n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// The entry at 0-based `row` and `column` (stored at `row + column * rows`).
    public subscript(row: Int, column: Int) -> Double {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { self[i, $0] }
    }

    /// The transpose, as a new matrix.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t.storage[j + i * columns] = storage[i + j * rows] }
        }
        return t
    }
}
