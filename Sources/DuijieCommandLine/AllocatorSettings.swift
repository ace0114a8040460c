import Foundation

/// Allocator settings for a whole process, which only an executable should choose.
public enum AllocatorSettings {
    private typealias SetOption = @convention(c) (Int32, Int32) -> Int32

    /// glibc's `mallopt`, looked up at run time (it is not in the C library on every system).
    private static let setOption: SetOption? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt").map {
        unsafeBitCast($0, to: SetOption.self)
    }

    /// Makes glibc map every block of 128 KiB or more on its own for the rest of the process,
    /// so that freeing it returns it to the system at once (`mallopt(M_MMAP_THRESHOLD)`, which
    /// also stops glibc raising that threshold as large blocks are freed).
    ///
    /// For a process that builds indexes, whose many large temporaries would otherwise stay in
    /// its resident size once freed (a 100k-achievement build: 1.60 → 1.31 GB peak, no slower).
    /// Not for serving: each query's score arrays would then be mapped afresh (+25% latency).
    public static func mapLargeBlocksSeparately() {
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in glibc's malloc.h
        _ = setOption?(mmapThreshold, 128 * 1024)
    }
}
