import DuijieBase
import Foundation
import SystemPackage

/// Writes files so that a reader never sees a half-written one: the data goes to a temporary
/// file in the same directory, is flushed to disk, and is renamed over the destination; then the
/// directory itself is flushed, so the rename survives a crash. A failure at any step leaves an
/// existing file at the destination untouched.
///
/// Temporary files are named `.NAME.duijie-tmp-PID-RANDOM` beside `NAME`. One left behind by a
/// write that was killed (its process no longer runs) is removed by the next write to `NAME`.
public enum AtomicFile {
    /// Replaces the file at `path` with `data`.
    ///
    /// - Throws: `DuijieError` naming the path and the system's reason.
    public static func write(_ data: Data, to path: String) throws(DuijieError) {
        try write(to: path) { descriptor in data.withUnsafeBytes { writeAll(descriptor, $0) } }
    }

    /// Replaces the file at `path` with what `body` writes to the open descriptor it is given
    /// (for files too large to assemble in memory first). `body` returns the `errno` of a
    /// failure, or 0, or throws its own error; either way the temporary file is removed.
    ///
    /// - Throws: `DuijieError` naming the path and the system's reason, or `body`'s error; a
    ///   destination that is a directory, `.`, a device or a FIFO is refused before anything is written.
    package static func write(to path: String, _ body: (Int32) throws(DuijieError) -> Int32) throws(DuijieError) {
        try OutputPath.checkFile(path)
        let directory = FilePath(path).removingLastComponent().string
        let folder = directory.isEmpty ? "." : directory
        let base = FilePath(path).lastComponent?.string ?? path
        TemporaryFiles.removeStale(of: base, in: folder)
        let temporary = TemporaryFiles.path(for: base, in: folder)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DuijieError(.io, "\(path): cannot create a temporary file (\(String(cString: strerror(errno))))")
        }
        var failure: String? = nil
        let code: Int32
        do { code = try body(descriptor) } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if code != 0 { failure = String(cString: strerror(code)) }
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw DuijieError(.io, "\(path): cannot write (\(failure)); any existing file is unchanged")
        }
        TemporaryFiles.syncFolder(folder)
    }

    /// Replaces the file at `path` with UTF-8 `text`.
    ///
    /// - Throws: `DuijieError` naming the path.
    public static func write(_ text: String, to path: String) throws(DuijieError) {
        try write(Data(text.utf8), to: path)
    }
}
