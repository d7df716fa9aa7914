/// Reads the members of one JSON object by name, with errors that name the
/// file, line, column and JSON path, and rejects keys nobody asked for — a typo
/// in a hand-written file must never be silently ignored.
public struct JSONObjectReader {
    /// The file the object came from, named in errors.
    public let file: String
    /// JSON path of the object (`levels[2]`); empty for the document's top level.
    public let path: String
    package let node: JSONNode
    let members: [(key: String, node: JSONNode)]

    /// Wrap `node`, which must be an object.
    public init(_ node: JSONNode, file: String, path: String) throws(Diagnostic) {
        guard case .object(let members) = node.value else {
            throw .error(
                at: SourceLocation(file: file, line: node.line, column: node.column, path: path.isEmpty ? nil : path),
                "expected an object, found \(node.kindName)")
        }
        self.file = file
        self.path = path
        self.node = node
        self.members = members
    }

    /// The location of the object itself.
    public var location: SourceLocation { location(of: node, path: path) }

    /// The location of `node` in this object's file, with JSON path `path`.
    public func location(of node: JSONNode, path: String) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column, path: path.isEmpty ? nil : path)
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member `key`, or nil when absent.
    public func node(_ key: String) -> JSONNode? {
        members.first { $0.key == key }?.node
    }

    /// Whether the object has the member `key` (of any type, `null` included).
    public func has(_ key: String) -> Bool { node(key) != nil }

    /// Fail if the object has a key outside `allowed`.
    public func rejectUnknownKeys(allowed: [String]) throws(Diagnostic) {
        for (key, child) in members where !allowed.contains(key) {
            throw .error(
                at: location(of: child, path: childPath(key)),
                "unknown key \"\(key)\"; \(Suggestion.expectedOneOf(allowed))")
        }
    }

    func required(_ key: String) throws(Diagnostic) -> JSONNode {
        guard let child = node(key) else {
            throw .error(at: location, "missing required key \"\(key)\"")
        }
        return child
    }

    /// The string member `key`; an error when it is missing or not a string.
    public func string(_ key: String) throws(Diagnostic) -> String {
        try JSONObjectReader.string(try required(key), file: file, path: childPath(key))
    }

    /// The string member `key`, or nil when absent; an error when it is there but not a string.
    public func optionalString(_ key: String) throws(Diagnostic) -> String? {
        guard let child = node(key) else { return nil }
        return try JSONObjectReader.string(child, file: file, path: childPath(key))
    }

    /// The number member `key`; an error when it is missing or not a number.
    public func number(_ key: String) throws(Diagnostic) -> Double {
        try JSONObjectReader.number(try required(key), file: file, path: childPath(key))
    }

    /// The number member `key`, or nil when absent; an error when it is there but not a number.
    public func optionalNumber(_ key: String) throws(Diagnostic) -> Double? {
        guard let child = node(key) else { return nil }
        return try JSONObjectReader.number(child, file: file, path: childPath(key))
    }

    /// The integer member `key`, or nil when absent; an error when it is there but not a whole number.
    public func optionalInteger(_ key: String) throws(Diagnostic) -> Int? {
        guard let child = node(key) else { return nil }
        return try JSONObjectReader.integer(child, file: file, path: childPath(key))
    }

    /// The array member `key`; its items with their paths (`key[0]`, `key[1]`, …).
    public func array(_ key: String) throws(Diagnostic) -> [(node: JSONNode, path: String)] {
        let child = try required(key)
        guard case .array(let items) = child.value else {
            throw .error(at: location(of: child, path: childPath(key)), "expected an array, found \(child.kindName)")
        }
        return items.enumerated().map { ($0.element, "\(childPath(key))[\($0.offset)]") }
    }

    /// A reader for the object member `key`, or nil when absent.
    public func optionalObject(_ key: String) throws(Diagnostic) -> JSONObjectReader? {
        guard let child = node(key) else { return nil }
        return try JSONObjectReader(child, file: file, path: childPath(key))
    }

    /// `node` as a string, or an error located at it with JSON path `path`.
    public static func string(_ node: JSONNode, file: String, path: String) throws(Diagnostic) -> String {
        guard case .string(let s) = node.value else {
            throw .error(
                at: SourceLocation(file: file, line: node.line, column: node.column, path: path),
                "expected a string, found \(node.kindName)")
        }
        return s
    }

    /// `node` as a number, or an error located at it with JSON path `path`.
    public static func number(_ node: JSONNode, file: String, path: String) throws(Diagnostic) -> Double {
        guard case .number(let x) = node.value else {
            throw .error(
                at: SourceLocation(file: file, line: node.line, column: node.column, path: path),
                "expected a number, found \(node.kindName)")
        }
        return x
    }

    /// The largest whole number (exclusive) a JSON file may give: seeds, draws, years.
    public static let maximumInteger = 1e15

    /// `node` as a whole number that fits an `Int`, or an error located at it with JSON path `path`.
    public static func integer(_ node: JSONNode, file: String, path: String) throws(Diagnostic) -> Int {
        let x = try number(node, file: file, path: path)
        let at = SourceLocation(file: file, line: node.line, column: node.column, path: path)
        guard x == x.rounded() else { throw .error(at: at, "expected a whole number, found \(x)") }
        guard abs(x) < maximumInteger else {
            throw .error(
                at: at,
                "\(String(format: "%.0f", x)) is too large; expected a whole number below 10^15 (JSON numbers are read as doubles, exact only below 2^53)"
            )
        }
        return Int(x)
    }
}
