import Foundation

/// Reading input files with errors that name the file.
public enum InputFile {
    /// The bytes of the file at `path`.
    public static func read(_ path: String) throws(Diagnostic) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .error(at: SourceLocation(file: path), "no such file; expected a readable file at this path")
        }
        if isDirectory.boolValue {
            throw .error(at: SourceLocation(file: path), "is a directory; expected a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .error(at: SourceLocation(file: path), "cannot be read (check its permissions)")
        }
        return [UInt8](data)
    }
}
