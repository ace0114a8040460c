import DuijieBase
import DuijieCorpus
import DuijieTestSupport
import Testing

@Suite struct QueryFileTests {
    @Test func aBlankTextIsReadAsEmptyWithItsLine() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("queries.jsonl", #"{"id":"q1","text":" 电池 "}"# + "\n" + #"{"id":"q2","text":"  "}"# + "\n")
        let queries = try QueryFile.load(path)
        #expect(queries.map(\.id) == ["q1", "q2"] && queries.map(\.text) == ["电池", ""])
        #expect(queries.map(\.location.description) == ["queries.jsonl:1", "queries.jsonl:2"])
        // Where a line may name a record instead, a blank text is no text.
        #expect(try QueryFile.load(path, textRequired: false).map(\.text) == ["电池", nil])
    }

    @Test func aMissingTextOrIdIsStillAnErrorAtItsLine() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("queries.jsonl", #"{"id":"q1"}"# + "\n" + #"{"text":"电池"}"# + "\n" + #"{"id":"q3","text":""}"# + "\n")
        #expect {
            try QueryFile.load(path)
        } throws: { error in
            let text = (error as? DuijieError)?.description ?? ""
            return text.contains("queries.jsonl:1: text: missing (required)") && text.contains("queries.jsonl:2: id: missing (required)")
                && text.contains("2 bad query line(s)")
        }
    }
}
