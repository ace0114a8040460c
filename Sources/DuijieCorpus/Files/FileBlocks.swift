import DuijieBase
import Foundation

/// Reads a file a block at a time, so a file of any size passes through a fixed buffer.
package enum FileBlocks {
    /// The default block: large enough that the system calls cost nothing next to the work on
    /// the bytes, small enough not to matter in memory.
    static let defaultBlockSize = 1 << 20

    /// Calls `body` with each successive block of the file at `path` (the last may be shorter;
    /// an empty file gives no call).
    ///
    /// - Throws: `DuijieError` naming `displayName` when the file cannot be opened or read, or
    ///   is not a regular file (`RegularFile`).
    package static func forEach(in path: String, displayName: String, blockSize: Int = defaultBlockSize,
                        _ body: (UnsafeRawBufferPointer) throws(DuijieError) -> Void) throws(DuijieError) {
        func failure() -> DuijieError {
            DuijieError(.io, "cannot read the file (\(String(cString: strerror(errno))))", at: .init(file: displayName))
        }
        let descriptor = try RegularFile.openForReading(path, displayName: displayName)
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, blockSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }
}
