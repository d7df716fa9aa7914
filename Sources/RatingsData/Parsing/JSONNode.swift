/// A JSON value with the line and column where it starts, so every later
/// complaint about it can name its place in the file.
public struct JSONNode: Sendable {
    /// The value; an object keeps its members in file order, duplicates already refused.
    public indirect enum Value: Sendable {
        case object([(key: String, node: JSONNode)])
        case array([JSONNode])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    /// What the node holds.
    public var value: Value
    /// 1-based line where the value starts.
    public var line: Int
    /// 1-based column (in characters) where the value starts.
    public var column: Int

    package init(value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// A short name of the value's kind for messages ("an object", "a string").
    public var kindName: String {
        switch value {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}
