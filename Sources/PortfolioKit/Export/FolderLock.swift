import Foundation

/// An exclusive advisory lock (`flock`) on a lock file beside an output folder, held while a run
/// replaces the folder. The lock file stays (removing it would race with a waiting run).
final class FolderLock {
    private let descriptor: Int32

    init(_ lockPath: String, folder: String) throws(Diagnostic) {
        descriptor = open(lockPath, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw .error(at: SourceLocation(file: lockPath), "cannot create the lock file for \(folder): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .error(at: SourceLocation(file: folder), "another simulate run is writing this folder right now (lock \(lockPath)); wait for it to finish or choose another --out")
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
