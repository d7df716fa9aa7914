import CLAPACK

/// Least-squares solutions of `A x ≈ b`.
public enum LeastSquares {
    /// Relative threshold on |Rᵢᵢ| / |R₁₁| below which a pivoted-QR column counts as dependent.
    /// `max(m, n) · ε` is LAPACK's own default for rank decisions (cf. `dgelsd` with rcond < 0).
    static func rankTolerance(rows: Int, columns: Int) -> Double {
        Double(max(rows, columns)) * Double.ulpOfOne
    }

    /// Numerical rank of `a`, by QR with column pivoting (LAPACK `dgeqp3`).
    public static func rank(of a: Matrix) throws(LinearAlgebraError) -> Int {
        let m = a.rows
        let n = a.columns
        if m == 0 || n == 0 { return 0 }
        var work = a.storage
        var jpvt = [Int32](repeating: 0, count: n)
        var tau = [Double](repeating: 0, count: min(m, n))
        var mm = blasInt(m)
        var nn = blasInt(n)
        var lda = blasInt(m)
        var info: Int32 = 0
        var lwork: Int32 = -1
        var query = 0.0
        dgeqp3_(&mm, &nn, &work, &lda, &jpvt, &tau, &query, &lwork, &info)
        lwork = Int32(query)
        var space = [Double](repeating: 0, count: Int(lwork))
        dgeqp3_(&mm, &nn, &work, &lda, &jpvt, &tau, &space, &lwork, &info)
        if info < 0 { throw .invalidArgument(routine: "dgeqp3", position: Int(-info)) }
        let r11 = abs(work[0])
        if r11 == 0 { return 0 }
        let tolerance = rankTolerance(rows: m, columns: n) * r11
        var rank = 0
        for i in 0..<min(m, n) where abs(work[i + i * m]) > tolerance { rank += 1 }
        return rank
    }

    /// Solve `min ‖A X − B‖` by Householder QR (LAPACK `dgels`), one column of `X` per column of `B`.
    ///
    /// - Throws: `.rankDeficient` when `A` has fewer independent columns than columns
    ///   (checked first by pivoted QR, since `dgels` only notices exact zeros),
    ///   `.dimensionMismatch` when `B` has a different number of rows.
    public static func qr(_ a: Matrix, _ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        let m = a.rows
        let n = a.columns
        let nrhs = b.columns
        guard b.rows == m else {
            throw .dimensionMismatch("A is \(m)×\(n) but B has \(b.rows) rows")
        }
        let r = try rank(of: a)
        guard r == n, m >= n else { throw .rankDeficient(rank: r, columns: n) }
        if n == 0 { return Matrix(rows: 0, columns: nrhs) }
        var aWork = a.storage
        var bWork = b.storage
        var mm = blasInt(m)
        var nn = blasInt(n)
        var nr = blasInt(nrhs)
        var lda = blasInt(m)
        var ldb = blasInt(max(1, m))
        var info: Int32 = 0
        var trans = Int8(UInt8(ascii: "N"))
        var lwork: Int32 = -1
        var query = 0.0
        dgels_(&trans, &mm, &nn, &nr, &aWork, &lda, &bWork, &ldb, &query, &lwork, &info, 1)
        lwork = Int32(query)
        var space = [Double](repeating: 0, count: max(1, Int(lwork)))
        dgels_(&trans, &mm, &nn, &nr, &aWork, &lda, &bWork, &ldb, &space, &lwork, &info, 1)
        if info < 0 { throw .invalidArgument(routine: "dgels", position: Int(-info)) }
        if info > 0 { throw .rankDeficient(rank: Int(info) - 1, columns: n) }
        var x = Matrix(rows: n, columns: nrhs)
        for j in 0..<nrhs {
            for i in 0..<n { x[i, j] = bWork[i + j * m] }
        }
        return x
    }

    /// Solve the (optionally penalised) normal equations `(AᵀA + P) X = AᵀB` by Cholesky.
    ///
    /// `P` is a symmetric positive semi-definite penalty (ridge or random-effect precision);
    /// `nil` means ordinary least squares. Faster than QR and the form the pooled
    /// trajectory model needs, at the price of squaring the condition number.
    /// - Throws: `.notPositiveDefinite` when `AᵀA + P` is singular (for example a
    ///   rank-deficient `A` without a penalty).
    public static func cholesky(_ a: Matrix, _ b: Matrix, penalty: Matrix? = nil) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == a.rows else {
            throw .dimensionMismatch("A is \(a.rows)×\(a.columns) but B has \(b.rows) rows")
        }
        var normal = a.gram()
        if let penalty {
            guard penalty.rows == a.columns, penalty.columns == a.columns else {
                throw .dimensionMismatch(
                    "penalty is \(penalty.rows)×\(penalty.columns), expected \(a.columns)×\(a.columns)")
            }
            for k in 0..<normal.storage.count { normal.storage[k] += penalty.storage[k] }
        }
        let rhs = try Matrix.product(a, transposeA: true, b)
        return try CholeskyFactor(normal).solve(rhs)
    }
}
