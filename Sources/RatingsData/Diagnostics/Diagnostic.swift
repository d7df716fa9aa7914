/// A located message about an input: an error stops the load, a warning is
/// reported and the load goes on. Thrown as an `Error` when it is an error.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// An error stops the run; a warning is reported and the run goes on.
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    /// Whether the run stops.
    public var severity: Severity
    /// Where in which input the problem is.
    public var location: SourceLocation
    /// What was found and what was expected, in one sentence.
    public var message: String

    /// A diagnostic; `message` says what was found and what was expected.
    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// A problem that stops the run.
    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    /// A problem that is reported while the run goes on.
    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `file:line:column: error: json.path: message`, with control and bidirectional-override
    /// characters shown as `?` so a name from an input cannot drive the terminal.
    public var description: String {
        let path = location.path.map { $0.isEmpty ? "" : "\($0): " } ?? ""
        return Self.printable("\(location): \(severity.rawValue): \(path)\(message)")
    }

    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { unsafe($0) ? "?" : $0 }))
    }

    static func unsafe(_ c: Unicode.Scalar) -> Bool {
        (c.properties.generalCategory == .control && c != "\n") || (0x202A...0x202E).contains(c.value)
            || (0x2066...0x2069).contains(c.value)
    }
}
