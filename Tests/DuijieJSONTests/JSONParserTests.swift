import DuijieBase
@testable import DuijieJSON
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.5e2, true, false, null], "b": {"c": "大连\n\"x\" \u00e9 \ud83d\ude00"}} "#)
        #expect(value["a"] == .array([.number(1), .number(-250), .bool(true), .bool(false), .null]))
        #expect(value["b"]?["c"] == .string("大连\n\"x\" é 😀"))
    }

    @Test func keepsMemberOrder() throws {
        guard case .object(let members) = try JSONParser.parse(#"{"z":1,"a":2,"m":3}"#) else {
            Issue.record("not an object"); return
        }
        #expect(members.map(\.key) == ["z", "a", "m"])
    }

    // Columns are 1-based byte offsets, counted by hand.
    @Test(arguments: [
        (#"{"a": 1,}"#, 9, "expected a quoted key"),
        (#"{"a" 1}"#, 6, "expected ':'"),
        (#"{"a": tru}"#, 7, "invalid literal"),
        (#"{"a": 01}"#, 8, "leading zeros"),
        (#"{"a": "x"} x"#, 12, "after the JSON value"),
        (#"{"a": "\q"}"#, 8, "invalid escape"),
        (#"{"a": "\ud800"}"#, 14, "lone high surrogate"),
        (#"{"a": 1, "a": 2}"#, 10, "appears twice"),
        (#"{"a": "open"#, 12, "unterminated string"),
        ("{\"a\": \"tab\there\"}", 11, "control character"),
        (#"{"a": 1e999}"#, 7, "out of range"),
    ])
    func errorsGiveTheColumn(text: String, column: Int, message: String) {
        #expect {
            try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.column == column && error.message.contains(message)
        }
    }

    @Test func deepNestingIsRejectedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSONParser.parse(allowed) }
    }

    @Test func randomBytesNeverCrash() {
        // A fixed-seed generator so a failure reproduces; inputs mix JSON punctuation with noise.
        var generator = SplitMix64(seed: 20_261_121)
        let alphabet = Array(#"{}[]:,"\ abc01-.eEtrufnl"#.utf8) + [0x00, 0x1F, 0x7F, 0xE5, 0xA4, 0xA7]
        var parsed = 0
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 24)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            if (try? bytes.withUnsafeBufferPointer { try JSONParser.parse($0) }) != nil { parsed += 1 }
        }
        #expect(parsed < 20_000)  // most random inputs are invalid, and none crashed getting here
    }

    @Test func writerRoundTrips() throws {
        let value = JSONValue.object([
            ("title", .string("废旧锂电池\t回收 \"NCM811\"\u{1}")),
            ("price", .number(120)), ("ratio", .number(0.25)), ("tags", .array([.bool(true), .null])),
        ])
        let text = JSONWriter.string(value)
        #expect(text == #"{"title":"废旧锂电池\t回收 \"NCM811\"\u0001","price":120,"ratio":0.25,"tags":[true,null]}"#)
        #expect(try JSONParser.parse(text) == value)
    }
}
