import DuijieTestSupport
import Foundation
import Testing

/// `duijie stats --format png|svg` and scripts/stats-chart: the charts of a report, drawn by
/// matplotlib, checked against the figures by hand of `StatsCommandTests`.
@Suite struct StatsChartTests {
    static let python = SystemPython.path
    static let hasMatplotlib = SystemPython.canImport("matplotlib")

    /// The width in pixels of the bar whose SVG group id is `id` (a rectangle path: M x0 y0 L x1 y0 …).
    static func barWidth(_ svg: String, id: String) -> Double? {
        guard let group = svg.range(of: "<g id=\"\(id)\">") else { return nil }
        let numbers = svg[group.upperBound...].prefix(200).split { !"0123456789.".contains($0) }.compactMap { Double($0) }
        return numbers.count >= 3 ? numbers[2] - numbers[0] : nil
    }

    @Test(.enabled(if: hasMatplotlib || ProcessInfo.processInfo.environment["CI"] == "true",
                   "needs python3-matplotlib and fonts-noto-cjk (scripts/bootstrap installs them)"))
    func theChartDrawsTheReportsFiguresWithChineseLabels() throws {
        let directory = TemporaryDirectory()
        let workspace = try StatsCommandTests.workspace(in: directory)
        let csv = directory.path + "/2026H1.csv"
        let report = try CommandRunner.run(["stats", workspace, "--period", "2026H1", "--format", "csv", "-o", csv])
        #expect(report.status == 0, "\(report.standardError)")
        // The script from the repository draws the SVG; `duijie stats` (the same script, compiled
        // in) the PNG.
        let chart = try CommandRunner.run(executable: URL(fileURLWithPath: Self.python),
                                          [RepositoryFiles.root + "/scripts/stats-chart", csv, directory.path + "/chart.svg", "--title", "2026年上半年"])
        #expect(chart.status == 0, "\(String(decoding: chart.error, as: UTF8.self))")
        let png = try CommandRunner.run(["stats", workspace, "--period", "2026H1", "--format", "png", "-o", directory.path + "/chart.png"])
        #expect(png.status == 0, "\(png.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".duijie-tmp-") }.isEmpty)
        let svg = try String(contentsOfFile: directory.path + "/chart.svg", encoding: .utf8)
        // Text stays text: the title, a panel's title, a contract type and a funnel stage in Chinese.
        for label in ["2026年上半年", "按合同类型的成交额（万元）", "技术许可", "已签约", "上年同期"] {
            #expect(svg.contains(label), "\(label)")
        }
        // By hand (StatsCommandTests): 2026H1 licence 120, development 300; 2025H1 licence 60;
        // Dalian sellers 120 + 85.5 = 205.5. The bars' lengths keep those proportions.
        let licence = try #require(Self.barWidth(svg, id: "bar:contract-type:技术许可:current:120.00"))
        let development = try #require(Self.barWidth(svg, id: "bar:contract-type:技术开发:current:300.00"))
        let licenceEarlier = try #require(Self.barWidth(svg, id: "bar:contract-type:技术许可:earlier:60.00"))
        #expect(abs(licence / development - 0.4) < 0.001 && abs(licenceEarlier / licence - 0.5) < 0.001)
        #expect(Self.barWidth(svg, id: "bar:seller-region:辽宁省大连市:current:205.50") != nil)
        // The funnel: 4 shortlisted, 1 signed.
        let shortlisted = try #require(Self.barWidth(svg, id: "bar:funnel:推荐结果:current:4"))
        let signed = try #require(Self.barWidth(svg, id: "bar:funnel:已签约:current:1"))
        #expect(abs(signed / shortlisted - 0.25) < 0.001)
        let image = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/chart.png"))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(image[16..<20].elementsEqual([0, 0, 0x05, 0x14]))  // IHDR width 1300: 13 inches at 100 dpi
    }

    @Test func theCompiledInScriptIsTheRepositorysScript() throws {
        // The compiled-in copy is the text between the Swift file's raw-string delimiters.
        let file = try String(contentsOfFile: RepositoryFiles.root + "/scripts/stats-chart", encoding: .utf8)
        let swift = try String(contentsOfFile: RepositoryFiles.root + "/Sources/DuijieCLI/StatsChartScript.swift", encoding: .utf8)
        let start = try #require(swift.range(of: "static let text = #\"\"\"\n")), end = try #require(swift.range(of: "\"\"\"#", options: .backwards))
        #expect(String(swift[start.upperBound..<end.lowerBound]) == file, "scripts/stats-chart changed: run scripts/embed-chart-script")
    }

    @Test func withoutPythonTheChartIsAClearError() throws {
        let directory = TemporaryDirectory()
        let workspace = try StatsCommandTests.workspace(in: directory)
        let run = try CommandRunner.run(["stats", workspace, "--period", "2026H1", "--format", "svg", "-o", directory.path + "/c.svg"],
                                        environment: ["DUIJIE_PYTHON": directory.path + "/no-python"])
        #expect(run.status != 0 && run.standardError.contains("charts need Python 3 with matplotlib"), "\(run.standardError)")
        let noFile = try CommandRunner.run(["stats", workspace, "--period", "2026H1", "--format", "png"])
        #expect(noFile.status != 0 && noFile.standardError.contains("give -o FILE.png"))
    }

    @Test(.enabled(if: hasMatplotlib, "needs python3-matplotlib"))
    func aFileThatIsNoReportIsRefusedWithItsLine() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/other.csv"
        try "a,b\n1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let chart = try CommandRunner.run(executable: URL(fileURLWithPath: Self.python),
                                          [RepositoryFiles.root + "/scripts/stats-chart", path, directory.path + "/chart.png"])
        #expect(chart.status != 0 && String(decoding: chart.error, as: UTF8.self).contains("other.csv:1:"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/chart.png"))
    }
}
