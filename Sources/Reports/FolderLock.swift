import Forecasting
import Foundation
import Policy
import RatingsData

/// An exclusive advisory lock (`flock`) on a lock file beside an output folder, held while a run
/// replaces the folder. The lock file stays (removing it would race with a waiting run).
final class FolderLock: @unchecked Sendable {
    private let descriptor: Int32
    private let lockPath: String
    /// Whether this process created the lock file (it did not exist before).
    private let created: Bool
    /// Locks this process holds, by lock path: taken once (`checkWritable`, before computing) and
    /// kept until the process ends, so a second run cannot slip in between computing and writing.
    nonisolated(unsafe) private static var held: [String: FolderLock] = [:]
    private static let guardLock = NSLock()

    /// The lock on `lockPath`, taken now or already held by this process.
    static func acquire(_ lockPath: String, folder: String, createParent: Bool = false) throws(Diagnostic) -> FolderLock
    {
        guardLock.lock()
        defer { guardLock.unlock() }
        if let existing = held[lockPath] { return existing }
        if createParent {
            try? FileManager.default.createDirectory(
                atPath: (lockPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        let lock = try FolderLock(lockPath, folder: folder)
        held[lockPath] = lock
        return lock
    }

    private init(_ lockPath: String, folder: String) throws(Diagnostic) {
        self.lockPath = lockPath
        created = !FileManager.default.fileExists(atPath: lockPath)
        descriptor = open(lockPath, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw .error(
                at: SourceLocation(file: lockPath),
                "cannot create the lock file for \(folder): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .error(
                at: SourceLocation(file: folder),
                "another simulate run is writing this folder right now (lock \(lockPath)); wait for it to finish or choose another --out"
            )
        }
    }

    /// Held to the end of the process (released by the kernel at exit).
    func release() {}

    /// Give up the lock and remove the lock file if this process created it: for a run that
    /// refuses its output folder, which should leave nothing behind where it wrote nothing. (A
    /// run that raced for the same file failed at once: the lock is never waited for.)
    func discardIfCreated() {
        FolderLock.guardLock.lock()
        defer { FolderLock.guardLock.unlock() }
        guard created, FolderLock.held[lockPath] === self else { return }
        unlink(lockPath)
        FolderLock.held[lockPath] = nil
        close(descriptor)
    }
}
