import Forecasting
import Foundation
import Policy
import RatingsData

extension OutputDirectory {
    /// The marker every replaced folder holds: it says the folder is a run's output, so a later
    /// run may replace it whole.
    public static let marker = ".simulate-output"

    /// Replace the whole folder with exactly `files`, so that at every moment the folder is
    /// either the previous complete run or this complete run — never a mix, and never files an
    /// earlier run left (a re-run with fewer outputs removes the rest).
    ///
    /// The files are written into a fresh sibling staging folder (`.<name>.staging-<pid>`,
    /// the manifest last), which is then exchanged with the destination in one atomic
    /// `renameat2(RENAME_EXCHANGE)` (or renamed into place when there is none). The whole
    /// operation holds an exclusive lock (`.<name>.lock` beside it): a second run into the same
    /// folder fails at once with a message rather than interleaving. A folder that exists but
    /// was not written by simulate (no marker, and files this run would not write) is refused.
    public func replace(with files: [(name: String, contents: String)]) throws(Diagnostic) {
        let fm = FileManager.default
        let (destination, parent, name) = try resolved()
        let lock = try FolderLock.acquire(parent + "/." + name + ".lock", folder: destination)
        defer { lock.release() }
        do { try Self.refuseForeignFolder(destination, replacingWith: files.map(\.name)) } catch {
            lock.discardIfCreated()
            throw error
        }
        for leftover in (try? fm.contentsOfDirectory(atPath: parent)) ?? []
        where leftover.hasPrefix("." + name + ".staging-") || leftover.hasPrefix("." + name + ".old-") {
            try? fm.removeItem(atPath: parent + "/" + leftover)  // from a killed run; we hold the lock
        }
        let staging = parent + "/." + name + ".staging-\(getpid())"
        StagingCleanup.shared.begin(staging)
        defer { StagingCleanup.shared.end() }
        try OutputDirectory(staging).write(
            files + [(Self.marker, "written by simulate; a later run replaces this folder whole\n")])
        try Self.swap(staging, into: destination, parent: parent, name: name)
        try? fm.removeItem(atPath: staging)  // after an exchange it holds the previous run
    }

    /// The destination folder (a symbolic link to a folder is followed: the folder it points to is
    /// replaced and the link kept), its parent (created, canonical) and its name.
    func resolved() throws(Diagnostic) -> (destination: String, parent: String, name: String) {
        let given = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        let followed = InputPath.isSymbolicLink(given) ? InputPath.canonical(given) : given
        let name = (followed as NSString).lastPathComponent
        let rawParent =
            (followed as NSString).deletingLastPathComponent.isEmpty
            ? "." : (followed as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: rawParent, withIntermediateDirectories: true) } catch {
            throw .error(
                at: SourceLocation(file: rawParent), "cannot create the output directory: \(error.localizedDescription)"
            )
        }
        let parent = InputPath.canonical(rawParent)
        return (parent + "/" + name, parent, name)
    }

    /// Refuse to replace a folder that holds anything this run would not write, unless simulate wrote it.
    static func refuseForeignFolder(_ destination: String, replacingWith names: [String]) throws(Diagnostic) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: destination, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw .error(at: SourceLocation(file: destination), "exists and is not a folder; expected an output folder")
        }
        if fm.fileExists(atPath: destination + "/" + marker) { return }
        // A run of an earlier version: its manifest names the engine.
        if let manifest = RunManifest.read(folder: destination), manifest.engine.hasPrefix("portfolio-forecast") {
            return
        }
        let present = (fm.enumerator(atPath: destination)?.allObjects as? [String]) ?? []
        if let first = present.sorted().first {
            let ours =
                Set(names).contains(first) ? " (a name this run writes, but" : " (which this run does not write, and"
            throw .error(
                at: SourceLocation(file: destination),
                "exists and holds \(first)\(ours) the folder has no \(marker) marker: simulate did not write it); refusing to replace it: choose another --out or empty it"
            )
        }
    }

    /// Put the finished staging folder in place: an atomic exchange when there is a previous
    /// folder (the previous one ends up at the staging path), else a rename.
    static func swap(_ staging: String, into destination: String, parent: String, name: String) throws(Diagnostic) {
        if FileManager.default.fileExists(atPath: destination) {
            if AtomicExchange.exchange(staging, destination) { return }
            // No atomic exchange on this file system: two renames, with a moment where the
            // previous run sits at .<name>.old-<pid> (cleaned by the next run).
            let old = parent + "/." + name + ".old-\(getpid())"
            guard rename(destination, old) == 0 else {
                throw .error(
                    at: SourceLocation(file: destination),
                    "cannot move the previous results aside: \(String(cString: strerror(errno)))")
            }
            guard rename(staging, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old, destination)
                throw .error(
                    at: SourceLocation(file: destination), "cannot move the finished results into place: \(reason)")
            }
            try? FileManager.default.removeItem(atPath: old)
        } else if rename(staging, destination) != 0 {
            throw .error(
                at: SourceLocation(file: destination),
                "cannot move the finished results into place: \(String(cString: strerror(errno)))")
        }
    }
}

extension OutputDirectory {
    /// Fail before any computing when the output folder could not be written: it is a file, or
    /// its nearest existing ancestor is not writable.
    public func checkWritable() throws(Diagnostic) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .error(at: SourceLocation(file: path), "exists and is not a folder; expected an output folder")
            }
        }
        var probe = InputPath.canonical(path)
        while !fm.fileExists(atPath: probe), probe != "/" { probe = (probe as NSString).deletingLastPathComponent }
        guard fm.fileExists(atPath: probe, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error(
                at: SourceLocation(file: path),
                "cannot be created: \(probe) is a file, not a folder; choose another --out")
        }
        guard access(probe, W_OK) == 0 else {
            throw .error(
                at: SourceLocation(file: path),
                "cannot be written: \(probe) is not writable (\(String(cString: strerror(errno)))); choose another --out"
            )
        }
        // Take the folder's lock now, before computing: a second run into it fails at once.
        let (destination, parent, name) = try resolved()
        _ = try FolderLock.acquire(parent + "/." + name + ".lock", folder: destination)
    }
}
