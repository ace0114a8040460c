import Foundation

/// Writes every byte of `bytes` to an open file descriptor, retrying after interruptions and
/// short writes; returns the `errno` of a failure, or 0.
package func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var offset = 0
    while offset < bytes.count {
        let written = Foundation.write(descriptor, bytes.baseAddress!.advanced(by: offset), bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += written
    }
    return 0
}
