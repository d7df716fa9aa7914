import ArgumentParser
import Forecasting
import Policy
import RatingsData
import Reports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Terminal output: tables on stdout, messages on stderr.
enum Console {
    static func out(_ text: String) {
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }

    static func error(_ text: String) {
        errorRaw(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Write to stderr as is (no newline added).
    static func errorRaw(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// Run `body`; a `Diagnostic` is printed as one located line and becomes exit code 1.
    static func reportingDiagnostics(_ body: () throws(Diagnostic) -> Void) throws(ExitCode) {
        do {
            try body()
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}
