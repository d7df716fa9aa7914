/// Why a linear-algebra operation could not produce an answer.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Operand shapes do not fit together.
    case dimensionMismatch(String)
    /// The design has fewer independent columns than it has columns:
    /// least squares has no unique solution.
    case rankDeficient(rank: Int, columns: Int)
    /// Cholesky found a leading minor that is not positive: the system is not
    /// symmetric positive definite (or is numerically singular).
    case notPositiveDefinite(leadingMinor: Int)
    /// LAPACK rejected argument `position` of `routine` (a programming error, reported not trapped).
    case invalidArgument(routine: String, position: Int)

    /// The failure in words, for messages: the shapes, the rank, the minor or the LAPACK argument at fault.
    public var description: String {
        switch self {
        case .dimensionMismatch(let what):
            return "dimension mismatch: \(what)"
        case .rankDeficient(let rank, let columns):
            return "rank-deficient design: rank \(rank) of \(columns) columns, no unique least-squares solution"
        case .notPositiveDefinite(let minor):
            return "matrix is not positive definite (leading minor \(minor) is not positive)"
        case .invalidArgument(let routine, let position):
            return "\(routine): illegal value in argument \(position)"
        }
    }
}
