import Foundation

/// Reading input files with errors that name the file.
public enum InputFile {
    /// An open file for streaming, with its size.
    public struct Opened {
        var handle: FileHandle
        var size: Int
    }

    /// The largest file read whole (JSON catalogues, scenarios, events): far above any real one.
    public static let wholeFileLimit = 64 << 20
    /// The largest file streamed (panels): 4 GiB, about 100 million ratings.
    public static let streamedFileLimit = 4 << 30

    /// The size of the regular file at `path`, or a located error: missing, a directory, or
    /// not a regular file (a device such as /dev/zero or a FIFO would never end), or over `limit` bytes.
    package static func regularFileSize(_ path: String, limit: Int) throws(Diagnostic) -> Int {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let relative =
                path.hasPrefix("/")
                ? ""
                : " (relative to the working directory \(FileManager.default.currentDirectoryPath); run from the repository root or give an absolute path)"
            throw .error(
                at: SourceLocation(file: path), "no such file\(relative); expected a readable file at this path")
        }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { throw .error(at: SourceLocation(file: path), "is a directory; expected a file") }
        guard type == S_IFREG else {
            throw .error(
                at: SourceLocation(file: path),
                "is not a regular file (a device, FIFO or socket); expected a file on disk")
        }
        let size = Int(st.st_size)
        guard size <= limit else {
            throw .error(
                at: SourceLocation(file: path),
                "is \(size) bytes; the limit for this kind of input is \(limit >> 20) MiB")
        }
        return size
    }

    /// Open the file at `path` for reading in chunks.
    public static func open(_ path: String) throws(Diagnostic) -> Opened {
        let size = try regularFileSize(path, limit: streamedFileLimit)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .error(at: SourceLocation(file: path), "cannot be read (check its permissions)")
        }
        return Opened(handle: handle, size: size)
    }

    /// The bytes of the file at `path` (at most `limit` bytes, else a located error).
    public static func read(_ path: String, limit: Int = wholeFileLimit) throws(Diagnostic) -> [UInt8] {
        let size = try regularFileSize(path, limit: limit)
        // An empty file is answered here: Foundation's contents(atPath:) leaks its 4 KiB read
        // buffer on empty files (found by the address sanitizer run).
        if size == 0 { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .error(at: SourceLocation(file: path), "cannot be read (check its permissions)")
        }
        return [UInt8](data)
    }
}
