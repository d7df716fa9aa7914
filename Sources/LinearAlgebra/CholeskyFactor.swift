import CLAPACK
import Foundation

/// The Cholesky factor `L Lᵀ` of a symmetric positive-definite matrix (LAPACK `dpotrf`),
/// kept so one factorisation serves many solves, the inverse and the log-determinant.
public struct CholeskyFactor: Sendable {
    /// Order of the factored matrix.
    public let order: Int
    /// Lower triangle holds `L`; the upper triangle is unspecified.
    let factor: [Double]

    /// Factor `a`, reading its lower triangle.
    /// - Throws: `.notPositiveDefinite(leadingMinor:)` naming the first minor that fails.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.rows == a.columns else {
            throw .dimensionMismatch("Cholesky needs a square matrix, got \(a.rows)×\(a.columns)")
        }
        order = a.rows
        var work = a.storage
        if order > 0 {
            var uplo = Int8(UInt8(ascii: "L"))
            var n = blasInt(order)
            var lda = blasInt(order)
            var info: Int32 = 0
            dpotrf_(&uplo, &n, &work, &lda, &info, 1)
            if info < 0 { throw .invalidArgument(routine: "dpotrf", position: Int(-info)) }
            if info > 0 { throw .notPositiveDefinite(leadingMinor: Int(info)) }
        }
        factor = work
    }

    /// Solve `A X = B` for every column of `B` (LAPACK `dpotrs`).
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == order else {
            throw .dimensionMismatch("system is \(order)×\(order) but right-hand side has \(b.rows) rows")
        }
        var x = b
        if order == 0 || b.columns == 0 { return x }
        var uplo = Int8(UInt8(ascii: "L"))
        var n = blasInt(order)
        var nrhs = blasInt(b.columns)
        var lda = blasInt(order)
        var ldb = blasInt(order)
        var info: Int32 = 0
        var f = factor
        dpotrs_(&uplo, &n, &nrhs, &f, &lda, &x.storage, &ldb, &info, 1)
        if info < 0 { throw .invalidArgument(routine: "dpotrs", position: Int(-info)) }
        return x
    }

    /// `A⁻¹` (LAPACK `dpotri`), both triangles filled; used for parameter covariances.
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        var inv = try Matrix(rows: order, columns: order, columnMajor: factor)
        if order == 0 { return inv }
        var uplo = Int8(UInt8(ascii: "L"))
        var n = blasInt(order)
        var lda = blasInt(order)
        var info: Int32 = 0
        dpotri_(&uplo, &n, &inv.storage, &lda, &info, 1)
        if info < 0 { throw .invalidArgument(routine: "dpotri", position: Int(-info)) }
        if info > 0 { throw .notPositiveDefinite(leadingMinor: Int(info)) }
        for j in 0..<order {
            for i in 0..<j { inv[i, j] = inv[j, i] }
        }
        return inv
    }

    /// `log det A = 2 Σ log Lᵢᵢ`, as REML criteria need.
    public var logDeterminant: Double {
        var sum = 0.0
        for i in 0..<order { sum += 2 * log(factor[i + i * order]) }
        return sum
    }
}
