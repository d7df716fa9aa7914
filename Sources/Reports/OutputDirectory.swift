import Forecasting
import Foundation
import Policy
import RatingsData

/// Writes a run's files into a directory so that no reader ever sees half a file:
/// each file goes to a temporary file in the same directory and is renamed into
/// place (rename is atomic within one file system).
public struct OutputDirectory: Sendable {
    /// The folder, as given (relative to the working directory or absolute).
    public let path: String

    /// The folder at `path` (nothing is created until a write).
    public init(_ path: String) { self.path = path }

    /// Temporary files left by a run that was killed mid-write (`.<name>.tmp-<pid>`, the process
    /// no longer running), removed before a new run writes; a live run's temporaries and the
    /// finished files they would have replaced are untouched.
    func removeStaleTemporaries() {
        let fm = FileManager.default
        var folders = [path]
        if let charts = try? fm.contentsOfDirectory(atPath: path).filter({ $0 == "charts" }), !charts.isEmpty {
            folders.append((path as NSString).appendingPathComponent("charts"))
        }
        for folder in folders {
            for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? []
            where name.hasPrefix(".") && name.contains(".tmp-") {
                if let pid = name.components(separatedBy: ".tmp-").last.flatMap({ Int32($0) }),
                    kill(pid, 0) == 0 || errno == EPERM
                {
                    continue  // its writer is alive
                }
                try? fm.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
            }
        }
    }

    /// Before computing: `file` (to be written into this folder) can be — its folder is a
    /// writable folder, and the file is absent or a regular file.
    public func checkFileTarget(_ file: String) throws(Diagnostic) {
        var st = stat()
        if lstat(file, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
            throw .error(
                at: SourceLocation(file: file),
                "exists and is not a regular file (a device, FIFO, link or folder); expected a file path to write")
        }
        var probe = InputPath.canonical(path)
        while !FileManager.default.fileExists(atPath: probe), probe != "/" {
            probe = (probe as NSString).deletingLastPathComponent
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: probe, isDirectory: &isDirectory), isDirectory.boolValue,
            access(probe, W_OK) == 0
        else {
            throw .error(at: SourceLocation(file: file), "cannot be written: \(probe) is not a writable folder")
        }
    }

    /// Create the directory (and parents) if needed.
    public func create() throws(Diagnostic) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .error(
                at: SourceLocation(file: path), "cannot create the output directory: \(error.localizedDescription)")
        }
    }

    /// Write every file, each atomically. Nothing is written until all contents exist.
    public func write(_ files: [(name: String, contents: String)]) throws(Diagnostic) {
        try create()
        removeStaleTemporaries()
        // For the kill test only: a pause between files makes "killed mid-write" reproducible.
        let pause = ProcessInfo.processInfo.environment["SIMULATE_TEST_WRITE_PAUSE_MS"].flatMap { UInt32($0) }
        for file in files {
            if let pause { usleep(pause * 1000) }
            // A name may include a subfolder ("charts/heatmap.svg"); the temporary file goes beside its target.
            let target = (path as NSString).appendingPathComponent(file.name)
            let folder = (target as NSString).deletingLastPathComponent
            if folder != path {
                do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch
                {
                    throw .error(
                        at: SourceLocation(file: folder),
                        "cannot create the output directory: \(error.localizedDescription)")
                }
            }
            var st = stat()
            if lstat(target, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
                throw .error(
                    at: SourceLocation(file: target),
                    "exists and is not a regular file (a device, FIFO, link or folder); expected a file path to write")
            }
            let temporary = (folder as NSString).appendingPathComponent(
                ".\((target as NSString).lastPathComponent).tmp-\(getpid())")
            do {
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: temporary))
                if rename(temporary, target) != 0 {
                    let reason = String(cString: strerror(errno))
                    try? FileManager.default.removeItem(atPath: temporary)
                    throw Diagnostic.error(
                        at: SourceLocation(file: target), "cannot move the finished file into place: \(reason)")
                }
            } catch let d as Diagnostic {
                throw d
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw .error(at: SourceLocation(file: target), "cannot write: \(error.localizedDescription)")
            }
        }
    }
}
