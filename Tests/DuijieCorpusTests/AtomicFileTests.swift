import DuijieBase
@testable import DuijieCorpus
@testable import DuijieJSON
import DuijieTestSupport
import Foundation
import Testing

@Suite struct AtomicFileTests {
    @Test func replacesTheFileAndLeavesNoTemporaryBehind() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("out.jsonl", "old\n")
        try AtomicFile.write("new\n", to: path)
        #expect(directory.read("out.jsonl") == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.jsonl"])
    }

    @Test func aFailedWriteKeepsWhatWasThere() throws {
        // Renaming a file over a non-empty directory fails; the directory and its file must survive.
        let directory = TemporaryDirectory()
        directory.write("target/keep.txt", "keep")
        #expect(throws: DuijieError.self) { try AtomicFile.write("new", to: directory.path + "/target") }
        #expect(directory.read("target/keep.txt") == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["target"])
        #expect(throws: DuijieError.self) { try AtomicFile.write("x", to: directory.path + "/missing/dir/out") }
    }
}
