import CLAPACK

extension Matrix {
    /// `alpha · op(a) · op(b)` by BLAS `dgemm`, where `op` optionally transposes.
    public static func product(
        _ a: Matrix, transposeA: Bool = false,
        _ b: Matrix, transposeB: Bool = false,
        alpha: Double = 1
    ) throws(LinearAlgebraError) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        guard k == kb else {
            throw .dimensionMismatch("cannot multiply \(m)×\(k) by \(kb)×\(n)")
        }
        var c = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 { return c }
        if k == 0 { return c }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasColMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        blasInt(m), blasInt(n), blasInt(k), alpha,
                        pa.baseAddress, blasInt(max(1, a.rows)),
                        pb.baseAddress, blasInt(max(1, b.rows)),
                        0, pc.baseAddress, blasInt(max(1, m)))
                }
            }
        }
        return c
    }

    /// `self · other`.
    public static func * (lhs: Matrix, rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
        try product(lhs, rhs)
    }

    /// The Gram matrix `selfᵀ · self` by BLAS `dsyrk`, both triangles filled.
    public func gram() -> Matrix {
        let n = columns
        var c = Matrix(rows: n, columns: n)
        if n == 0 || rows == 0 { return c }
        storage.withUnsafeBufferPointer { pa in
            c.storage.withUnsafeMutableBufferPointer { pc in
                cblas_dsyrk(
                    CblasColMajor, CblasUpper, CblasTrans,
                    blasInt(n), blasInt(rows), 1,
                    pa.baseAddress, blasInt(max(1, rows)),
                    0, pc.baseAddress, blasInt(max(1, n)))
            }
        }
        c.symmetrizeFromUpper()
        return c
    }

    /// Copy the upper triangle into the lower one.
    mutating func symmetrizeFromUpper() {
        for j in 0..<columns {
            for i in (j + 1)..<max(j + 1, rows) { self[i, j] = self[j, i] }
        }
    }
}

/// BLAS/LAPACK integers are 32-bit in Debian's OpenBLAS.
@inline(__always)
func blasInt(_ n: Int) -> Int32 {
    precondition(n <= Int(Int32.max), "dimension \(n) exceeds the 32-bit BLAS integer range")
    return Int32(n)
}
