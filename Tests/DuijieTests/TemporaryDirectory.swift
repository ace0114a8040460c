import Foundation

/// A fresh directory under the system's temporary directory, removed when the test ends.
final class TemporaryDirectory: Sendable {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "duijie-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` (UTF-8) to `name` inside the directory, creating subdirectories.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes to `name` inside the directory.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let full = (path as NSString).appendingPathComponent(name)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: full, contents: Data(bytes)), "cannot write \(full)")
        return full
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: (path as NSString).appendingPathComponent(name)).map { String(decoding: $0, as: UTF8.self) }
    }
}
