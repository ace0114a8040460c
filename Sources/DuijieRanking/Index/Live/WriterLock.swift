import DuijieBase
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The exclusive lock an updater or merger of a live index holds (`flock` on `FILE.lock`), so
/// concurrent writers are serialized: the second one is refused at once with a message, never
/// left waiting or allowed to interleave. The kernel releases the lock when the process ends,
/// however it ends, so a killed writer never leaves the index locked.
package final class WriterLock {
    private let descriptor: Int32

    /// Takes the lock of the index at `index`.
    ///
    /// - Throws: `DuijieError` when another process holds it, or the lock file cannot be opened.
    package init(index: String) throws(DuijieError) {
        let path = LiveManifest.lockPath(of: index)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DuijieError(.io, "\(path): cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            close(descriptor)
            if reason == EWOULDBLOCK {
                throw DuijieError(.indexBusy, "\(index): another duijie is updating or merging this index (it holds \(path)); try again when it has finished")
            }
            throw DuijieError(.io, "\(path): cannot lock: \(String(cString: strerror(reason)))")
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
