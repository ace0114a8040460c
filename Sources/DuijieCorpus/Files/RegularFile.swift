import DuijieBase
import Foundation

/// Opens files for reading only when they are regular files (after following symbolic links),
/// so that a FIFO, a device such as `/dev/zero`, a socket or a directory named as an input is a
/// clear error naming it, instead of a read that blocks or never ends.
///
/// The file is opened without blocking (a FIFO's `open` would otherwise wait for a writer), its
/// type is checked on the open descriptor (so it cannot change between the check and the read),
/// and only then is blocking mode restored.
package enum RegularFile {
    /// The open descriptor of the regular file at `path`; the caller closes it.
    ///
    /// - Throws: `DuijieError` (`io`) located at `displayName`, with the system's reason or the
    ///   kind of file found.
    package static func openForReading(_ path: String, displayName: String) throws(DuijieError) -> Int32 {
        var status = stat()
        if stat(path, &status) == 0, let kind = nonRegularKind(status.st_mode) {
            throw refusal(kind, displayName)
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DuijieError(.io, "cannot read the file (\(String(cString: strerror(errno))))", at: .init(file: displayName))
        }
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw DuijieError(.io, "cannot read the file (\(reason))", at: .init(file: displayName))
        }
        if let kind = nonRegularKind(status.st_mode) {
            close(descriptor)
            throw refusal(kind, displayName)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// The whole content of the regular file at `path`.
    ///
    /// - Throws: `DuijieError` (`io`) located at `displayName`.
    package static func readAll(_ path: String, displayName: String) throws(DuijieError) -> [UInt8] {
        var bytes: [UInt8] = []
        // Room for the whole file at once: a gigabyte of records must not grow by doubling.
        var status = stat()
        if stat(path, &status) == 0 { bytes.reserveCapacity(Int(status.st_size)) }
        try FileBlocks.forEach(in: path, displayName: displayName) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// What a file that is not regular is, for messages; nil for a regular file.
    private static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    private static func refusal(_ kind: String, _ displayName: String) -> DuijieError {
        DuijieError(.io, "cannot read the file: it is \(kind); only regular files are read", at: .init(file: displayName))
    }
}
