import DuijieTestSupport
import Foundation
import Testing

/// A broker's whole afternoon from the command line: three GBK sheets with Chinese headers and
/// Excel's quirks imported, every demand's shortlist explained, the words measured.
@Suite struct BrokerWorkflowTests {
    @Test func theBrokerSheetsImportAndTheirShortlistsExplainInWords() throws {
        let directory = TemporaryDirectory()
        let paths = BrokerSpreadsheets.write(to: directory)
        for (sheet, kind, prefix) in [(paths.experts, "expert", "E-"), (paths.achievements, "achievement", "A-"), (paths.demands, "demand", "D-")] {
            let outcome = try CommandRunner.run(["corpus", "import-csv", sheet, "--kind", kind, "--ignore-unknown-columns", "--skip-bad",
                                                 "--id-prefix", prefix, "--corpus", paths.corpus, "--create-missing",
                                                 "-o", paths.corpus + "/\(kind)s.jsonl"])
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        #expect(try CommandRunner.run(["corpus", "check", paths.corpus]).status == 0)
        let shortlists = try CommandRunner.run(["recommend", "--all-demands", "--corpus", paths.corpus, "--top", "10", "--format", "json"])
        #expect(shortlists.status == 0, "\(shortlists.standardError)")
        let lines = shortlists.standardOutput.split(separator: "\n")
        #expect(lines.count >= 30)
        // Every matched term is a multi-character span (no lone character).
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for term in object["matchedTerms"] as? [String] ?? [] { #expect(term.count >= 2, "\(term)") }
        }
        // The share of shown terms that read as dictionary words (DuijieBench explanations
        // segments each with the dictionary tokenizer): the goal is 95%.
        let measured = try CommandRunner.run(["explanations", "--corpus", paths.corpus], program: "DuijieBench")
        #expect(measured.status == 0, "\(measured.standardError)")
        let row = try #require(measured.standardOutput.split(separator: "\n").first { $0.hasPrefix("shared words (now)") })
        let share = try #require(row.split(separator: " ").first { $0.hasSuffix("%") }.flatMap { Double($0.dropLast()) })
        #expect(share >= 95, "\(row)")
    }
}
