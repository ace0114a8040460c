import DuijieBase
import Foundation

/// The atomic replacement of a workbook file: written to a temporary file in the same
/// directory (named as every writer of the package names them, `TemporaryFiles`, so one left
/// by a killed write is removed by the next), flushed, renamed over the destination, and the
/// directory flushed.
///
/// Like DuijieCorpus's `AtomicFile`, which cannot serve here: libxlsxwriter opens its output by
/// name rather than writing to a descriptor it is handed.
enum WorkbookFile {
    /// Replaces the file at `path` with what `body` writes to the temporary path it is given.
    /// Whatever fails, the temporary file is removed and `path` is left as it was.
    static func replace(_ path: String, _ body: (String) throws(DuijieError) -> Void) throws(DuijieError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        TemporaryFiles.removeStale(of: url.lastPathComponent, in: folder)
        let temporary = TemporaryFiles.path(for: url.lastPathComponent, in: folder)
        // Made here first, exclusively, so that a directory that cannot take a file is reported
        // with the system's reason, and no other file is ever overwritten.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw failure(path, "cannot create a temporary file beside it", errno)
        }
        close(descriptor)
        do throws(DuijieError) {
            try body(temporary)
            try flush(temporary, reportingAs: path)
            guard rename(temporary, path) == 0 else { throw failure(path, "cannot replace it", errno) }
            TemporaryFiles.syncFolder(folder)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Flushes the file at `temporary` to disk, so that the rename never exposes a file whose
    /// blocks are not written yet.
    private static func flush(_ temporary: String, reportingAs path: String) throws(DuijieError) {
        let descriptor = open(temporary, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path, "cannot reopen the written file", errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(path, "cannot flush the written file", errno) }
    }

    private static func failure(_ path: String, _ what: String, _ number: Int32) -> DuijieError {
        DuijieError(.io, "\(what) (\(String(cString: strerror(number)))); any existing file is unchanged",
                    at: .init(file: path))
    }
}
