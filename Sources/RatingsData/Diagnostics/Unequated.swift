/// A value carried along with another that takes no part in its equality — where a thing is
/// written is not what it is.
package struct Unequated<Value: Sendable>: Equatable, Sendable {
    package var value: Value
    package init(value: Value) { self.value = value }
    package static func == (lhs: Unequated, rhs: Unequated) -> Bool { true }
}
