import Foundation

/// This process's memory as the kernel reports it (`/proc/self/status`), for `bench latency`
/// and `index --progress`.
package enum ProcessMemory {
    /// A field of /proc/self/status (`VmRSS`, `VmHWM` …) in MiB (0 where there is none).
    package static func megabytes(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            // "VmHWM:\t  983664 kB" — tabs and spaces both separate (large values leave no space).
            let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}
