import Testing

@testable import LinearAlgebra

@Suite struct MatrixTests {
    @Test func storageIsColumnMajor() throws {
        let m = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.storage == [1, 4, 2, 5, 3, 6])
        #expect(m.row(1) == [4, 5, 6])
        #expect(m.column(2) == [3, 6])
        #expect(m.transposed.storage == [1, 2, 3, 4, 5, 6])
    }

    /// [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]] by hand.
    @Test func gemmByHand() throws {
        let a = try Matrix([[1, 2], [3, 4]])
        let b = try Matrix([[5, 6], [7, 8]])
        #expect(try a * b == Matrix([[19, 22], [43, 50]]))
        #expect(try Matrix.product(a, transposeA: true, b) == Matrix([[26, 30], [38, 44]]))
        #expect(try Matrix.product(a, b, transposeB: true) == Matrix([[17, 23], [39, 53]]))
    }

    @Test func gramEqualsTransposeTimesSelf() throws {
        let a = try Matrix([[1, 2], [3, 4], [5, 6]])
        #expect(a.gram() == (try Matrix.product(a, transposeA: true, a)))
    }

    @Test func mismatchIsAnError() throws {
        let a = try Matrix([[1, 2, 3]])
        #expect(throws: LinearAlgebraError.self) { try a * a }
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2], [3]]) }
    }
}
