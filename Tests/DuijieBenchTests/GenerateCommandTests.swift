@testable import DuijieBench
@testable import DuijieCorpus
@testable import DuijieRanking
import DuijieTestSupport
import Foundation
import Testing

@Suite struct GenerateCommandTests {
    @Test func aGeneratedCorpusPassesCorpusCheck() throws {
        let directory = TemporaryDirectory()
        let output = directory.path + "/corpus"
        let outcome = try CommandRunner.run(["generate", "--achievements", "300", "--demands", "40", "--seed", "3", "--texts", "template", "-o", output], program: "DuijieBench")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("generated \(output): 300 achievements, 40 demands"))
        let check = try CommandRunner.run(["corpus", "check", output])
        #expect(check.status == 0)
        #expect(check.standardOutput.contains("references: 0 dangling"))
        #expect(check.standardOutput.hasSuffix("0 error(s), 0 warning(s)\n"))
    }

    @Test func aNonEmptyOutputIsReplacedOnlyWithForce() throws {
        let directory = TemporaryDirectory()
        directory.write("corpus/notes.txt", "keep me\n")
        let arguments = ["generate", "--achievements", "20", "--demands", "5", "--texts", "template", "-o", directory.path + "/corpus"]
        let refused = try CommandRunner.run(arguments, program: "DuijieBench")
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("the directory is not empty; use --force to replace it"))
        #expect(directory.read("corpus/notes.txt") == "keep me\n")
        let forced = try CommandRunner.run(arguments + ["--force"], program: "DuijieBench")
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(directory.read("corpus/notes.txt") == nil && directory.read("corpus/demands.jsonl") != nil)
    }

    @Test func badOptionsFailClearly() throws {
        let directory = TemporaryDirectory()
        let zero = try CommandRunner.run(["generate", "--achievements", "0", "--demands", "5", "-o", directory.path + "/a"], program: "DuijieBench")
        #expect(zero.status != 0)
        #expect(zero.standardError.contains("--achievements must be at least 1"))
        let template = try CommandRunner.run(["generate", "--achievements", "5", "--demands", "5", "--template", "/nonexistent/template",
                                              "-o", directory.path + "/b"], program: "DuijieBench")
        #expect(template.status == 1)
        #expect(template.standardError.contains("template /nonexistent/template: no such file or directory"))
        #expect(directory.read("a/achievements.jsonl") == nil && directory.read("b/achievements.jsonl") == nil)
    }
}
