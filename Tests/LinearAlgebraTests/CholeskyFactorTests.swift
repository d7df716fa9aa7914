import Foundation
import RealModule
import Testing

@testable import LinearAlgebra

@Suite struct CholeskyFactorTests {
    /// [[4,2],[2,3]]: det 8, inverse [[3,-2],[-2,4]]/8, solve for b=(2,1) gives (0.5, 0).
    @Test func twoByTwoByHand() throws {
        let a = try Matrix([[4, 2], [2, 3]])
        let f = try CholeskyFactor(a)
        let x = try f.solve(try Matrix([[2], [1]]))
        #expect((x[0, 0]).isApproximatelyEqual(to: 0.5, absoluteTolerance: 1e-12) && abs(x[1, 0]) < 1e-12)
        let inv = try f.inverse()
        let expected: [[Double]] = [[3.0 / 8, -2.0 / 8], [-2.0 / 8, 4.0 / 8]]
        for i in 0..<2 {
            for j in 0..<2 { #expect((inv[i, j]).isApproximatelyEqual(to: expected[i][j], absoluteTolerance: 1e-12)) }
        }
        #expect(abs(f.logDeterminant - log(8)) < 1e-12)
    }

    /// [[1,2],[2,1]] has eigenvalues 3 and −1: the second leading minor fails.
    @Test func indefiniteMatrixIsATypedError() throws {
        let a = try Matrix([[1, 2], [2, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 2)) {
            try CholeskyFactor(a)
        }
    }

    @Test func nonSquareIsRejected() throws {
        #expect(throws: LinearAlgebraError.self) { try CholeskyFactor(Matrix(rows: 2, columns: 3)) }
    }
}
