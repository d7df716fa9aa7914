/// A value carried along with another that takes no part in its equality — where a thing is
/// written is not what it is.
struct Unequated<Value: Sendable>: Equatable, Sendable {
    var value: Value
    static func == (lhs: Unequated, rhs: Unequated) -> Bool { true }
}
