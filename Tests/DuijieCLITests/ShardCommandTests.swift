import DuijieJSON
import DuijieTestSupport
import Foundation
import Testing

/// `duijie index --shards` and `duijie shard-serve` as a coordinator drives them.
@Suite struct ShardCommandTests {
    /// The answer lines of `shard-serve` for request lines, parsed.
    static func serve(_ index: String, _ requests: [String]) throws -> (status: Int32, answers: [JSONValue], error: String) {
        let outcome = try CommandRunner.run(["shard-serve", index], input: requests.joined(separator: "\n") + "\n")
        let answers = try outcome.standardOutput.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        return (outcome.status, answers, outcome.standardError)
    }

    static func number(_ value: JSONValue?) -> Double? {
        if case .number(let number)? = value { return number } else { return nil }
    }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text } else { return nil }
    }

    /// A demo demand's title, keywords and description, as a coordinator sends them.
    static func demoDemand(_ id: String) throws -> JSONValue {
        let lines = try String(contentsOfFile: RepositoryFiles.demoCorpus + "/demands.jsonl", encoding: .utf8).split(separator: "\n")
        let record = try #require(try lines.map { try JSONParser.parse(String($0)) }.first { string($0["id"]) == id })
        return .object(["title", "keywords", "description"].compactMap { key in record[key].map { (key, $0) } })
    }

    /// (id, row, score) of each hit of an answer.
    static func hits(_ answer: JSONValue) -> [(id: String, row: Int, score: Double)] {
        guard case .array(let hits)? = answer["hits"] else { return [] }
        return hits.map { (string($0["id"]) ?? "", Int(number($0["row"]) ?? -1), number($0["score"]) ?? .nan) }
    }

    /// Three shard servers, merged by score then row, answer a demand as `duijie match --index`
    /// on the whole index does: the same ids and the same scores (both printed from the same
    /// Float, so compared exactly as text would be, to 1e-6).
    @Test func threeShardServersMergedAnswerAsMatchOnTheWholeIndex() throws {
        let directory = TemporaryDirectory()
        let built = try CommandRunner.run(["index", "Corpus/demo", "--shards", "3", "-o", directory.path + "/shards"])
        #expect(built.status == 0 && built.standardOutput.contains("208 achievements in 3 shards (70, 69, 69)"), "\(built.standardError)")
        #expect(try CommandRunner.run(["index", "Corpus/demo", "-o", directory.path + "/whole.index"]).status == 0)
        let demand = try Self.demoDemand("D-1012")
        let request = JSONWriter.string(.object([("id", .string("D-1012")), ("demand", demand), ("top", .number(10))]))
        var shardHits: [(id: String, row: Int, score: Double)] = []
        for shard in 1...3 {
            let served = try Self.serve(directory.path + "/shards/shard-\(shard)-of-3.index", [#"{"op":"info"}"#, request])
            #expect(served.status == 0 && served.answers.count == 2, "\(served.error)")
            #expect(Self.number(served.answers[0]["shard"]) == Double(shard - 1) && Self.number(served.answers[0]["shards"]) == 3)
            shardHits += Self.hits(served.answers[1])
        }
        let merged = shardHits.sorted { ($0.score, -$0.row) > ($1.score, -$1.row) }.prefix(10)
        let match = try CommandRunner.run(["match", "D-1012", "--index", directory.path + "/whole.index", "--format", "json", "--top", "10"])
        let expected = try match.standardOutput.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(expected.count == 10)
        #expect(merged.map(\.id) == expected.map { Self.string($0["id"]) ?? "" })
        for (hit, line) in zip(merged, expected) { #expect(abs(hit.score - (Self.number(line["score"]) ?? .nan)) <= 1e-6) }
    }

    @Test func badRequestsAreAnsweredNamingTheFieldAndServingGoesOn() throws {
        let directory = TemporaryDirectory()
        #expect(try CommandRunner.run(["index", "Corpus/demo", "--shards", "2", "-o", directory.path + "/shards"]).status == 0)
        let requests = [
            #"{"id":"a","text":"锂电池","top":0}"#, #"{"id":"b","text":"锂电池","ranking":"best"}"#, #"{"id":"c","txt":"锂电池"}"#,
            #"{"text":"锂电池"}"#, #"{"id":"d","demand":{"keywords":["锂电池"]}}"#, #"{"id":"e","text":"x","lexicalWeight":2}"#,
            "not json", #"{"id":"f","text":"锂电池回收","top":2}"#, #"{"id":"g","text":"锂电池","filters":{"regions":["火星"]}}"#,
            #"{"id":"h","text":"锂电池","filters":{"minMaturity":"pilot","modes":["licence"]},"top":3}"#,
            #"{"id":"i","text":"锂电池","maxPerInstitution":0}"#, #"{"id":"j","text":"锂电池 材料","maxPerInstitution":1,"top":5}"#,
        ]
        let served = try Self.serve(directory.path + "/shards/shard-1-of-2.index", requests)
        #expect(served.status == 0 && served.answers.count == requests.count)
        let errors = served.answers.map { Self.string($0["error"]) ?? "" }
        #expect(errors[0].contains("`top`") && errors[1].contains("`ranking`") && errors[2].contains("`txt`: unknown field"))
        #expect(errors[3].contains("`id`: required") && errors[4].contains("`demand.title`") && errors[5].contains("`lexicalWeight`"))
        #expect(errors[6].hasPrefix("not JSON: column 1"))
        #expect(served.answers[6]["id"] == .null && Self.string(served.answers[0]["id"]) == "a")
        // The request after seven bad ones is served.
        #expect(errors[7].isEmpty && Self.hits(served.answers[7]).count == 2)
        #expect(errors[8] == "request field `filters.regions`: 火星: no such region in the corpus")
        #expect(errors[9].isEmpty && !Self.hits(served.answers[9]).isEmpty)
        #expect(errors[10].contains("`maxPerInstitution`"))
        // One hit per owner, each naming it.
        guard case .array(let limited)? = served.answers[11]["hits"] else { Issue.record("no hits"); return }
        let owners = limited.compactMap { Self.string($0["owner"]) }
        #expect(owners.count == limited.count && Set(owners).count == owners.count && !owners.isEmpty)
    }

    @Test func aMissingIndexFailsBeforeAnswering() throws {
        let outcome = try CommandRunner.run(["shard-serve", "/nonexistent/shard.index"], input: #"{"op":"info"}"# + "\n")
        #expect(outcome.status != 0 && outcome.standardOutput.isEmpty && outcome.standardError.contains("/nonexistent/shard.index"))
    }

    @Test func aNewPlanReplacesTheOldShardsAndNothingElse() throws {
        let directory = TemporaryDirectory()
        let output = directory.path + "/shards"
        #expect(try CommandRunner.run(["index", "Corpus/demo", "--shards", "3", "-o", output]).status == 0)
        #expect(try CommandRunner.run(["index", "Corpus/demo", "--shards", "2", "-o", output]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        #expect(names == ["plan.json", "shard-1-of-2.index", "shard-2-of-2.index"])
        // A directory with a file of the user's is not replaced.
        directory.write("shards/notes.txt", "mine")
        let refused = try CommandRunner.run(["index", "Corpus/demo", "--shards", "2", "-o", output])
        #expect(refused.status != 0 && refused.standardError.contains("not empty"))
        let tooMany = try CommandRunner.run(["index", "Corpus/demo", "--shards", "300", "-o", directory.path + "/many"])
        #expect(tooMany.status != 0 && tooMany.standardError.contains("only 208 achievements"))
    }
}
