import DuijieBase
import DuijieCorpus
import DuijieJSON
import Foundation
import SystemPackage

/// Writes a corpus directory so that nothing half-written is ever seen at the destination: the
/// files go to a temporary directory beside it, each is flushed to disk when closed, and the
/// whole directory is renamed into place at the end. An existing non-empty destination is
/// replaced only when asked, and then only after the new corpus is complete.
final class CorpusDirectoryWriter {
    let destination: String
    let temporary: String
    private let replaceExisting: Bool
    private var finished = false

    /// Checks the destination and creates the temporary directory.
    ///
    /// - Throws: `DuijieError` when the destination is a file, or a non-empty directory and
    ///   `replaceExisting` is false, or when the temporary directory cannot be made.
    init(destination: String, replaceExisting: Bool) throws(DuijieError) {
        let standardized = FilePath(destination).lexicallyNormalized().string
        self.destination = standardized
        self.replaceExisting = replaceExisting
        try Self.checkDestination(standardized, replaceExisting: replaceExisting)
        let parent = FilePath(standardized).removingLastComponent().string
        let base = FilePath(standardized).lastComponent?.string ?? standardized
        let parentDirectory = parent.isEmpty ? "." : parent
        do {
            try FileManager.default.createDirectory(atPath: parentDirectory, withIntermediateDirectories: true)
        } catch {
            throw DuijieError(.io, "\(destination): cannot create the enclosing directory (\(error.localizedDescription))")
        }
        TemporaryFiles.removeStale(of: base, in: parentDirectory)
        temporary = TemporaryFiles.path(for: base, in: parentDirectory)
        guard mkdir(temporary, 0o755) == 0, mkdir(temporary + "/taxonomy", 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw DuijieError(.io, "\(destination): cannot create a temporary directory beside it (\(reason))")
        }
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(atPath: temporary) }
    }

    /// Whether `path` may be written: absent, an empty directory, or (when replacing) any directory.
    static func checkDestination(_ path: String, replaceExisting: Bool) throws(DuijieError) {
        try OutputPath.checkDirectory(path, force: replaceExisting)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw DuijieError(.invalidInput, "\(path): exists and is not a directory") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !contents.isEmpty && !replaceExisting {
            throw DuijieError(.invalidInput, "\(path): the directory is not empty; use --force to replace it")
        }
    }

    /// Opens `relativePath` (such as `achievements.jsonl`) in the temporary directory.
    func open(_ relativePath: String) throws(DuijieError) -> BufferedFile {
        try BufferedFile(path: temporary + "/" + relativePath, displayName: relativePath)
    }

    /// Moves the finished corpus into place, replacing what was there.
    ///
    /// - Throws: `DuijieError`; the destination is then as it was before.
    func commit() throws(DuijieError) {
        try Self.checkDestination(destination, replaceExisting: replaceExisting)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory) {
            // rename(2) replaces an empty directory only; move a non-empty one aside first.
            let aside = temporary + ".old"
            guard rename(destination, aside) == 0 else {
                throw DuijieError(.io, "\(destination): cannot move the old corpus aside (\(String(cString: strerror(errno))))")
            }
            guard rename(temporary, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(aside, destination)
                throw DuijieError(.io, "\(destination): cannot move the new corpus into place (\(reason)); the old one is unchanged")
            }
            try? FileManager.default.removeItem(atPath: aside)
        } else {
            guard rename(temporary, destination) == 0 else {
                throw DuijieError(.io, "\(destination): cannot move the new corpus into place (\(String(cString: strerror(errno))))")
            }
        }
        finished = true
        let parent = FilePath(destination).removingLastComponent().string
        let descriptor = Foundation.open(parent.isEmpty ? "." : parent, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }
}

/// A file written through a 1 MiB buffer, flushed to disk when closed.
final class BufferedFile {
    private let descriptor: Int32
    private let displayName: String
    private(set) var buffer: [UInt8] = []
    private var closed = false
    private static let capacity = 1 << 20

    init(path: String, displayName: String) throws(DuijieError) {
        descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        self.displayName = displayName
        guard descriptor >= 0 else {
            throw DuijieError(.io, "\(displayName): cannot create the file (\(String(cString: strerror(errno))))")
        }
        buffer.reserveCapacity(Self.capacity + (Self.capacity >> 2))
    }

    deinit {
        if !closed { Foundation.close(descriptor) }
    }

    /// Appends a JSON value and a line feed.
    func writeLine(_ value: JSONValue) throws(DuijieError) {
        JSONWriter.append(value, to: &buffer)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Appends bytes made elsewhere (whole lines).
    func write(_ bytes: [UInt8]) throws(DuijieError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Writes out the buffer.
    func flush() throws(DuijieError) {
        let failure = buffer.withUnsafeBytes { writeAll(descriptor, $0) }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 { throw DuijieError(.io, "\(displayName): cannot write (\(String(cString: strerror(failure))))") }
    }

    /// Flushes, syncs to disk and closes.
    func close() throws(DuijieError) {
        try flush()
        closed = true
        let synced = fsync(descriptor) == 0 ? 0 : errno
        let closedOK = Foundation.close(descriptor) == 0
        if synced != 0 || !closedOK {
            throw DuijieError(.io, "\(displayName): cannot write (\(String(cString: strerror(synced != 0 ? synced : errno))))")
        }
    }
}
