import DuijieTestSupport
import DuijieWorkbook
import Foundation
import Testing

/// Reads a written workbook back with Python's openpyxl (`read_workbook.py` beside this file): a
/// reader that shares no code with libxlsxwriter.
enum OpenPyXLReader {
    /// The command that starts a Python with openpyxl: `DUIJIE_PYTHON` when set, else the
    /// system's `/usr/bin/python3` (where Debian's python3-openpyxl installs it), else the
    /// `python3` on the path; nil when none of them can import openpyxl.
    static let python: [String]? = {
        var candidates: [[String]] = [["/usr/bin/python3"], ["/usr/bin/env", "python3"]]
        if let chosen = ProcessInfo.processInfo.environment["DUIJIE_PYTHON"], !chosen.isEmpty {
            candidates.insert([chosen], at: 0)
        }
        return candidates.first { command in
            FileManager.default.isExecutableFile(atPath: command[0])
                && (try? run(command + ["-c", "from openpyxl import load_workbook"]))?.status == 0
        }
    }()

    /// Whether the read-back tests run: when openpyxl can be run, and always under CI
    /// (`CI=true`), where a missing openpyxl fails them instead of skipping them.
    static let enabled = python != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    /// The reason printed for each test skipped without it.
    static let missing: Comment = "needs Python 3 with openpyxl: scripts/bootstrap installs Debian's python3-openpyxl (CI runs it); DUIJIE_PYTHON may name another interpreter"

    /// What openpyxl found in the workbook at `path`.
    static func read(_ path: String) throws -> ReadWorkbook {
        let script = RepositoryFiles.path("Tests/DuijieWorkbookTests/read_workbook.py")
        guard let python else {
            throw ReadFailure(message: "CI=true but no Python here can import openpyxl (scripts/bootstrap installs python3-openpyxl)")
        }
        let outcome = try run(python + [script, path])
        guard outcome.status == 0 else {
            throw ReadFailure(message: "read_workbook.py exited \(outcome.status): " + String(decoding: outcome.error, as: UTF8.self))
        }
        return try JSONDecoder().decode(ReadWorkbook.self, from: outcome.output)
    }

    private static func run(_ command: [String]) throws -> (status: Int32, output: Data, error: Data) {
        try CommandRunner.run(executable: URL(fileURLWithPath: command[0]), Array(command.dropFirst()))
    }

    struct ReadFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// A workbook as read_workbook.py prints it.
struct ReadWorkbook: Decodable {
    /// The creation date, ISO 8601 in UTC without a zone.
    let created: String?
    let sheets: [ReadSheet]
}

/// One sheet as openpyxl read it.
struct ReadSheet: Decodable {
    let name: String
    /// The top-left cell of the scrolling pane ("A3" when rows 1 and 2 are frozen).
    let freeze: String?
    /// The autofilter's range ("A2:D5").
    let autofilter: String?
    /// Column widths by letter, as stored in the file.
    let widths: [String: Double]
    /// Every row up to the last one used, each as long as the widest row.
    let rows: [[ReadCell]]
}

/// One cell as openpyxl read it.
struct ReadCell: Decodable {
    /// `text`, `number` or `empty` (anything else is a type this writer never makes).
    let type: String
    let text: String?
    let number: Double?
    let bold: Bool
    let wrap: Bool
    /// The solid fill's ARGB ("FFDDEBF7"), or nil.
    let fill: String?

    /// The cell as a `Worksheet.Cell`, to compare with what was written; nil for an unexpected type.
    var cell: Worksheet.Cell? {
        switch type {
        case "text": text.map(Worksheet.Cell.text)
        case "number": number.map(Worksheet.Cell.number)
        case "empty": .empty
        default: nil
        }
    }
}
