import DuijieBase
import DuijieTestSupport
import DuijieWorkbook
import Foundation
import Testing

/// The file side of writing, which needs no reader: the same input gives the same bytes, and a
/// failure leaves what was at the path untouched and names it.
@Suite struct WorkbookWriteTests {
    private let directory = TemporaryDirectory()

    private static let workbook = Workbook([
        Worksheet(name: "需求一", title: "需求：缺陷检测", header: ["排名", "推荐理由"], rows: [[1, "领域相同\n同省"]]),
        Worksheet(name: "需求二", header: ["排名"], rows: [[2]]),
    ])

    private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// What is in the directory besides `expected`: a temporary file left behind would show.
    private func leftovers(besides expected: Set<String>) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !expected.contains($0) }.sorted()
    }

    @Test func theSameWorkbookGivesTheSameBytes() throws {
        try Self.workbook.write(to: directory.path + "/a.xlsx")
        try Self.workbook.write(to: directory.path + "/b.xlsx")
        let first = try #require(bytes(directory.path + "/a.xlsx"))
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a zip archive
        #expect(first == bytes(directory.path + "/b.xlsx"))
        var dated = Self.workbook
        dated.created = Date(timeIntervalSince1970: 1_795_132_800)
        try dated.write(to: directory.path + "/c.xlsx")
        #expect(bytes(directory.path + "/c.xlsx") != first)
    }

    @Test func aTemporaryFileLeftByAKilledWriteIsRemovedByTheNext() throws {
        // Process 2147483647 cannot exist (above Linux's pid_max), so its write was killed;
        // the temporary of a running process (this one) is another write in progress and stays.
        let dead = directory.write(".out.xlsx.duijie-tmp-2147483647-42", "half a workbook")
        let running = directory.write(".out.xlsx.duijie-tmp-\(getpid())-7", "a write in progress")
        try Self.workbook.write(to: directory.path + "/out.xlsx")
        #expect(!FileManager.default.fileExists(atPath: dead) && FileManager.default.fileExists(atPath: running))
        #expect(leftovers(besides: ["out.xlsx"]) == [".out.xlsx.duijie-tmp-\(getpid())-7"])
    }

    @Test func writingAgainReplacesTheFile() throws {
        let path = directory.path + "/out.xlsx"
        try Workbook([Worksheet(name: "old")]).write(to: path)
        let old = bytes(path)
        try Self.workbook.write(to: path)
        #expect(bytes(path) != old && leftovers(besides: ["out.xlsx"]).isEmpty)
    }

    @Test func contentExcelRefusesFailsWithLibXlsxWriterMessageAndKeepsTheOldFile() throws {
        let path = directory.path + "/out.xlsx"
        try Self.workbook.write(to: path)
        let good = bytes(path)
        let tooLong = Workbook([Worksheet(name: "长文本", header: ["理由"], rows: [[.text(String(repeating: "长", count: 32_768))]])])
        let error = try #require(throws: DuijieError.self) { try tooLong.write(to: path) }
        #expect(error.code == .invalidInput)
        #expect(error.location == .init(file: path, field: "sheet 长文本, cell A2"))
        #expect(error.message.contains("32,767"))  // libxlsxwriter's own message
        #expect((error.underlying as? LibXlsxWriterError)?.message.contains("32,767") == true)
        #expect(bytes(path) == good && leftovers(besides: ["out.xlsx"]).isEmpty)
    }

    @Test func numbersThatAreNotFiniteAreRefused() throws {
        let path = directory.path + "/out.xlsx"
        try Self.workbook.write(to: path)
        let good = bytes(path)
        for value in [Double.nan, .infinity] {
            let error = try #require(throws: DuijieError.self) {
                try Workbook([Worksheet(name: "s", rows: [["a", .number(value)]])]).write(to: path)
            }
            #expect(error.code == .invalidInput && error.location == .init(file: path, field: "sheet s, cell B1"))
        }
        #expect(bytes(path) == good && leftovers(besides: ["out.xlsx"]).isEmpty)
    }

    @Test func moreColumnsThanExcelHoldsAreRefused() throws {
        let path = directory.path + "/wide.xlsx"
        let row = [Worksheet.Cell](repeating: 1, count: 16_385)
        let error = try #require(throws: DuijieError.self) { try Workbook([Worksheet(name: "s", rows: [row])]).write(to: path) }
        #expect(error.code == .invalidInput && error.location?.file == path)
        #expect(error.location?.field == "sheet s, column XFE")
        #expect(leftovers(besides: []).isEmpty)
    }

    @Test func aNegativeColumnWidthIsRefused() throws {
        let path = directory.path + "/out.xlsx"
        let error = try #require(throws: DuijieError.self) {
            try Workbook([Worksheet(name: "s", columnWidths: [-1: 10])]).write(to: path)
        }
        #expect(error.code == .invalidInput && error.location?.file == path && leftovers(besides: []).isEmpty)
    }

    @Test func aPathThatIsADirectoryIsLeftAsItWas() throws {
        let path = directory.write("out.xlsx/inside.txt", "kept")
            .replacingOccurrences(of: "/inside.txt", with: "")
        let error = try #require(throws: DuijieError.self) { try Self.workbook.write(to: path) }
        #expect(error.code == .io && error.location == .init(file: path))
        #expect(error.description.hasPrefix(path + ": cannot replace it ("))
        #expect(directory.read("out.xlsx/inside.txt") == "kept" && leftovers(besides: ["out.xlsx"]).isEmpty)
    }

    @Test func aMissingDirectoryIsNamed() throws {
        let path = directory.path + "/missing/out.xlsx"
        let error = try #require(throws: DuijieError.self) { try Self.workbook.write(to: path) }
        #expect(error.code == .io && error.location == .init(file: path))
        #expect(error.message.contains("No such file or directory"))
        #expect(leftovers(besides: []).isEmpty)
    }

    // Root may write anywhere, so this runs only for other users.
    @Test(.enabled(if: geteuid() != 0, "root writes into read-only directories"))
    func aReadOnlyDirectoryKeepsTheOldFile() throws {
        let path = directory.path + "/out.xlsx"
        try Self.workbook.write(to: path)
        let good = bytes(path)
        chmod(directory.path, 0o555)
        defer { chmod(directory.path, 0o755) }
        let error = try #require(throws: DuijieError.self) { try Workbook([Worksheet(name: "new")]).write(to: path) }
        #expect(error.code == .io && error.location == .init(file: path))
        #expect(bytes(path) == good)
    }

    @Test func everyLibXlsxWriterErrorHasACodeAndItsMessage() {
        // libxlsxwriter 1.1's errors run from 1 (memory) to 26 (image dimensions).
        var messages: Set<String> = []
        for number in UInt32(1)...26 {
            let error = DuijieError.libXlsxWriter(number: number, path: "x.xlsx", at: "sheet s")
            let message = (error.underlying as? LibXlsxWriterError)?.message ?? ""
            #expect(!message.isEmpty && error.message.contains(message) && error.location?.file == "x.xlsx")
            messages.insert(message)
        }
        #expect(messages.count == 26)
        #expect(DuijieError.libXlsxWriter(number: 1, path: "x").code == .workbook)
        #expect(DuijieError.libXlsxWriter(number: 2, path: "x").code == .io)
        #expect(DuijieError.libXlsxWriter(number: 21, path: "x").code == .invalidInput)
    }
}
