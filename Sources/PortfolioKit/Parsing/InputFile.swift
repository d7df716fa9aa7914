import Foundation

/// Reading input files with errors that name the file.
public enum InputFile {
    /// An open file for streaming, with its size.
    public struct Opened {
        public var handle: FileHandle
        public var size: Int
    }

    /// Open the file at `path` for reading in chunks.
    public static func open(_ path: String) throws(Diagnostic) -> Opened {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .error(at: SourceLocation(file: path), "no such file; expected a readable file at this path")
        }
        if isDirectory.boolValue {
            throw .error(at: SourceLocation(file: path), "is a directory; expected a file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .error(at: SourceLocation(file: path), "cannot be read (check its permissions)")
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        return Opened(handle: handle, size: size)
    }

    /// The bytes of the file at `path`.
    public static func read(_ path: String) throws(Diagnostic) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .error(at: SourceLocation(file: path), "no such file; expected a readable file at this path")
        }
        if isDirectory.boolValue {
            throw .error(at: SourceLocation(file: path), "is a directory; expected a file")
        }
        // An empty file is answered here: Foundation's contents(atPath:) leaks its 4 KiB read
        // buffer on empty files (found by the address sanitizer run).
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .error(at: SourceLocation(file: path), "cannot be read (check its permissions)")
        }
        return [UInt8](data)
    }
}
