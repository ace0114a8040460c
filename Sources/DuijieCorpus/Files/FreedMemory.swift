import Foundation

/// Returns memory the allocator holds after a burst of small allocations is freed (parsing a
/// corpus leaves gigabytes of freed strings and JSON values at a million records) to the system.
///
/// glibc's `malloc` keeps freed small blocks for reuse, but the large arrays built next (text
/// indexes, matrices) are mapped separately and never reuse them, so without this the freed
/// parse memory stays in the process's resident size. Elsewhere it does nothing.
package enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    /// glibc's `malloc_trim`, looked up at run time (it is not in the C library on every system).
    private static let trim: Trim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim").map {
        unsafeBitCast($0, to: Trim.self)
    }

    /// Gives freed heap memory back to the system.
    package static func release() { _ = trim?(0) }
}
