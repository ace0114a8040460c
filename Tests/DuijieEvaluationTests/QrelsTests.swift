import DuijieBase
@testable import DuijieEvaluation
import Testing

@Suite struct QrelsTests {
    @Test func parsesTRECLinesIgnoringTheIterationColumn() throws {
        let qrels = try Qrels(parsing: "D-1 0 A-2 3\nD-1 Q0 A-1 0\r\n\n D-2\t0\tA-9\t1\n")
        #expect(qrels.queryIDs == ["D-1", "D-2"])
        #expect(qrels.grade(query: "D-1", document: "A-2") == 3)
        #expect(qrels.grade(query: "D-1", document: "A-1") == 0)
        #expect(qrels.grade(query: "D-2", document: "A-1") == nil)
        #expect(qrels.count == 3)
        #expect(qrels.formatted == "D-1 0 A-1 0\nD-1 0 A-2 3\nD-2 0 A-9 1\n")
    }

    @Test(arguments: [
        ("D-1 0 A-2\n", 1, "expected 4 columns"),
        ("D-1 0 A-2 3\nD-1 0 A-3 high\n", 2, "is not an integer"),
        ("D-1 0 A-2 3\n\nD-1 0 A-2 1\n", 3, "judged twice"),
    ])
    func malformedLinesNameTheLine(text: String, line: Int, message: String) {
        #expect {
            try Qrels(parsing: text, fileName: "x.qrels")
        } throws: { error in
            guard let error = error as? DuijieError else { return false }
            return error.code == .invalidInput && error.location == .init(file: "x.qrels", line: line) && error.description.contains(message)
        }
    }
}
