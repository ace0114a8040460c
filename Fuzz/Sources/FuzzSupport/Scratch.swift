import Foundation

/// A folder of its own for a fuzz target's files, made once per process under `TMPDIR` and
/// removed when the process exits normally (after a crash, `scripts/fuzz` keeps it with the
/// rest of its temporary folder).
///
/// The targets whose entry points read files (the CSV importer, the index reader, the event
/// loader) write each input here and call the entry point on the path; every input overwrites
/// the previous one, so the folder never grows.
public enum Scratch {
    /// The folder, created on first use.
    public static let directory: String = {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/duijie-fuzz-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("cannot make a scratch folder under \(base)") }
        let path = String(cString: made)
        atexit { try? FileManager.default.removeItem(atPath: Scratch.directory) }
        return path
    }()

    /// Writes `bytes` to `name` (a relative path; missing folders are made) inside the scratch
    /// folder, replacing what was there. Plainly, not atomically: Foundation's atomic writes
    /// sync the disk, which would make the disk, not the code, the fuzzer's bottleneck.
    ///
    /// - Returns: The file's path.
    @discardableResult
    public static func write(_ bytes: some Collection<UInt8>, to name: String) -> String {
        let path = directory + "/" + name
        let parent = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { fatalError("cannot write the scratch file \(path)") }
        defer { close(descriptor) }
        let contents = Array(bytes)
        var written = 0
        while written < contents.count {
            let count = contents[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { fatalError("cannot write the scratch file \(path)") }
            written += count
        }
        return path
    }

    /// Makes `name` an empty folder inside the scratch folder, removing what it held.
    ///
    /// - Returns: The folder's path.
    public static func emptyFolder(_ name: String) -> String {
        let path = directory + "/" + name
        try? FileManager.default.removeItem(atPath: path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot make the scratch folder \(path): \(error)")
        }
        return path
    }
}
