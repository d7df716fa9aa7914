import RealModule
import Testing

@testable import LinearAlgebra

/// Tolerance for closed-form checks: these systems are well conditioned, so
/// double-precision answers agree to far better than 1e-10.
private let tol = 1e-10

private func close(_ a: [Double], _ b: [Double], _ t: Double = tol) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.isApproximatelyEqual(to: $1, absoluteTolerance: t) }
}

@Suite struct LeastSquaresTests {
    /// Fitting a line to (0,1), (1,3), (2,5), (3,7) is exact: y = 1 + 2x.
    @Test func exactLineByQRAndCholesky() throws {
        let a = try Matrix([[1, 0], [1, 1], [1, 2], [1, 3]])
        let b = try Matrix([[1], [3], [5], [7]])
        #expect(close(try LeastSquares.qr(a, b).column(0), [1, 2]))
        #expect(close(try LeastSquares.cholesky(a, b).column(0), [1, 2]))
    }

    /// Simple linear regression closed form: slope = Sxy/Sxx, intercept = ȳ − slope·x̄.
    @Test func regressionMatchesClosedForm() throws {
        let x: [Double] = [1, 2, 4, 5, 7, 8]
        let y: [Double] = [2.1, 2.9, 5.2, 5.8, 8.1, 8.7]
        let n = Double(x.count)
        let xm = x.reduce(0, +) / n
        let ym = y.reduce(0, +) / n
        let sxy = zip(x, y).map { ($0 - xm) * ($1 - ym) }.reduce(0, +)
        let sxx = x.map { ($0 - xm) * ($0 - xm) }.reduce(0, +)
        let slope = sxy / sxx
        let intercept = ym - slope * xm
        let a = try Matrix(x.map { [1, $0] })
        let b = try Matrix(y.map { [$0] })
        #expect(close(try LeastSquares.qr(a, b).column(0), [intercept, slope]))
        #expect(close(try LeastSquares.cholesky(a, b).column(0), [intercept, slope], 1e-9))
    }

    /// Several right-hand sides at once: each column solved independently.
    @Test func multipleRightHandSides() throws {
        let a = try Matrix([[2, 0], [0, 4], [0, 0]])
        let b = try Matrix([[2, 4], [8, -4], [0, 0]])
        let x = try LeastSquares.qr(a, b)
        #expect(close(x.column(0), [1, 2]))
        #expect(close(x.column(1), [2, -1]))
    }

    /// Third column = first + second: rank 2 of 3; both solvers must refuse.
    @Test func rankDeficientDesignIsATypedError() throws {
        let a = try Matrix([[1, 0, 1], [0, 1, 1], [1, 1, 2], [2, 1, 3]])
        let b = try Matrix([[1], [2], [3], [4]])
        #expect(try LeastSquares.rank(of: a) == 2)
        #expect(throws: LinearAlgebraError.rankDeficient(rank: 2, columns: 3)) {
            try LeastSquares.qr(a, b)
        }
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.cholesky(a, b) }
    }

    /// A ridge penalty makes the rank-deficient system solvable: (AᵀA + λI)x = Aᵀb,
    /// checked against the hand-computed 1-column case x = Σab / (Σa² + λ).
    @Test func penaltyRegularises() throws {
        let a = try Matrix([[1], [2], [3]])
        let b = try Matrix([[1], [1], [1]])
        let x = try LeastSquares.cholesky(a, b, penalty: Matrix.identity(1))
        #expect(close(x.column(0), [6.0 / 15.0]))
    }

    @Test func mismatchedShapesAreReported() throws {
        let a = try Matrix([[1, 0], [0, 1]])
        let b = try Matrix([[1], [2], [3]])
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.qr(a, b) }
    }
}
