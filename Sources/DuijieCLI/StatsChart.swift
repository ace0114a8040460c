import DuijieBase
import Foundation

/// `duijie stats --format png|svg`: the report's charts, drawn by matplotlib. The chart script
/// (scripts/stats-chart, compiled in as `StatsChartScript`) is given to Python on standard
/// input with the report's CSV in a temporary file, so an installed `duijie` needs nothing
/// beside it but Python 3 with matplotlib and a CJK font.
enum StatsChart {
    /// The Python to run: `DUIJIE_PYTHON` when set, else the system's `python3`.
    static func python() throws -> String {
        if let chosen = ProcessInfo.processInfo.environment["DUIJIE_PYTHON"], !chosen.isEmpty { return chosen }
        let paths = ["/usr/bin/python3", "/usr/local/bin/python3"]
        guard let found = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw DuijieError(.io, "charts need Python 3 with matplotlib (Debian: apt-get install python3-matplotlib fonts-noto-cjk); none at \(paths.joined(separator: " or "))")
        }
        return found
    }

    /// Draws the charts of `csv` (a `duijie stats --format csv` report) into `output`.
    ///
    /// - Throws: `DuijieError` with Python's own message when it cannot draw them (no
    ///   matplotlib, no CJK font for Chinese labels, an output that cannot be written).
    static func draw(csv: String, format: String, title: String, to output: String) throws {
        let folder = FileManager.default.temporaryDirectory.path
        let report = TemporaryFiles.path(for: "stats.csv", in: folder)
        try csv.write(toFile: report, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = ["-", report, output, "--format", format, "--title", title]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.standardError
        process.standardError = errors
        do { try process.run() } catch {
            throw DuijieError(.io, "charts need Python 3 with matplotlib: cannot run \(process.executableURL!.path): \(error.localizedDescription)")
        }
        input.fileHandleForWriting.write(Data(StatsChartScript.text.utf8))
        try? input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = message.contains("No module named 'matplotlib'")
                ? "Python has no matplotlib (Debian: apt-get install python3-matplotlib fonts-noto-cjk)"
                : message.split(separator: "\n").last.map(String.init) ?? "Python exited with \(process.terminationStatus)"
            throw DuijieError(.io, "\(output): the chart was not drawn: \(reason)")
        }
    }
}
