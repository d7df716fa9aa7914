/// Where in an input file something was found: a file, and where known a
/// 1-based line and column, and for JSON the path to the value (`components[2].id`).
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The input file's path as given.
    public var file: String
    /// 1-based line; nil when the problem is with the file as a whole.
    public var line: Int?
    /// 1-based column, in characters; nil when not known.
    public var column: Int?
    /// JSON path to the value (`components[2].id`); nil outside JSON or at the top level.
    public var path: String?

    /// A location; give the line and column where known.
    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// `file:line:column`, the form compilers and editors understand (the JSON path is separate).
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
