import DuijieTestSupport
import Testing

@Suite struct HelpExampleTests {
    static let commands: [(program: String, arguments: [String])] =
        [["corpus", "check"], ["corpus", "import-csv"], ["tokenize"], ["match"], ["recommend"], ["pair"], ["run"], ["eval"], ["index"], ["update"], ["learn"], ["stats"], ["feedback", "export"], ["tune"]]
            .map { ("duijie", $0) }
        + ["generate", "text-speed", "dense-speed", "quality", "recommender", "pairing", "latency", "tune", "explanations", "transfer"]
            .map { ("DuijieBench", [$0]) }

    @Test(arguments: commands)
    func examplesAreNeverWrappedInsideAnOption(program: String, arguments: [String]) throws {
        // Help is wrapped to the terminal's width (COLUMNS); an example line that comes out
        // whole at 1,000 columns must come out whole at 80 too, so that it can be copied.
        let wide = try CommandRunner.run(arguments + ["--help"], program: program, environment: ["COLUMNS": "1000"])
        let narrow = try CommandRunner.run(arguments + ["--help"], program: program, environment: ["COLUMNS": "80"])
        #expect(wide.status == 0 && narrow.status == 0)
        let narrowLines = Set(narrow.standardOutput.split(separator: "\n", omittingEmptySubsequences: false))
        let examples = wide.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  duijie ") || $0.hasPrefix("  DuijieBench ") || $0.hasPrefix("      -") }
        for example in examples { #expect(narrowLines.contains(example), "wrapped at 80 columns: \(example)") }
    }
}
