import Foundation

/// Debian's Python (`/usr/bin/python3`), which the tests read workbooks back with (openpyxl)
/// and draw charts with (matplotlib), when it has the module they need.
public enum SystemPython {
    /// Where it is.
    public static let path = "/usr/bin/python3"

    /// Whether it runs and imports `module`.
    public static func canImport(_ module: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-c", "import \(module)"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
