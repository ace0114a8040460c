import Foundation

/// How every writer of the package names the temporary file or folder it renames into place:
/// `.NAME.duijie-tmp-PID-RANDOM` beside `NAME`, so that one left by a killed write is found and
/// removed by the next write to `NAME` (its process no longer runs), and concurrent writes never
/// meet.
package enum TemporaryFiles {
    /// The marker between a destination's name and a temporary file's process id and random part.
    package static let marker = ".duijie-tmp-"

    /// A fresh temporary path beside `base` in `folder`.
    package static func path(for base: String, in folder: String) -> String {
        folder + "/." + base + marker + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Removes `.BASE.duijie-tmp-PID-…` files and folders in `folder` whose process no longer
    /// runs (a write that was killed); those of a running process (a concurrent write) are kept.
    package static func removeStale(of base: String, in folder: String) {
        let prefix = "." + base + marker
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
            if pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + entry)
        }
    }

    /// Flushes a folder's entries to disk (after a rename into it). Best effort: a file system
    /// that cannot sync folders has nothing more to offer.
    package static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
