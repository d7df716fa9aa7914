import Foundation

/// Paths compared as the file system sees them: absolute, `.` and `..` resolved, symbolic links
/// followed (as far as the path exists), so an output is never written over one of the inputs.
public enum InputPath {
    /// The absolute path with `.`, `..` and symbolic links resolved (as far as the path exists).
    public static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Whether `path` itself is a symbolic link (not followed); false when it does not exist.
    public static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    /// A located error when `output` is one of `inputs`, or (for a folder that a run replaces)
    /// holds one of them.
    public static func refuseOverwriting(
        _ inputs: [String], output: String, isFolder: Bool,
        option: String = "--out"
    ) throws(Diagnostic) {
        let out = canonical(output)
        for input in inputs {
            let i = canonical(input)
            if i == out || (isFolder && i.hasPrefix(out.hasSuffix("/") ? out : out + "/")) {
                throw .error(
                    at: SourceLocation(file: "command line", path: option),
                    "\(output) \(i == out ? "is" : "holds") the input \(input); expected an output path that is not an input"
                )
            }
        }
    }
}
