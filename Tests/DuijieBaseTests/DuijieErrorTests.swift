import DuijieBase
import Testing

@Suite struct DuijieErrorTests {
    @Test func descriptionIsLocationMessageAndDetails() {
        let error = DuijieError(.invalidInput, "must be at least 1", at: .init(file: "event.json", line: 3, field: "tables"),
                                details: ["first", "second"])
        #expect(error.description == "event.json:3: tables: must be at least 1\nfirst\nsecond")
        #expect(DuijieError(.io, "x.jsonl: cannot read the file").description == "x.jsonl: cannot read the file")
        #expect(DuijieError.Location(file: "a", line: 2, column: 7).description == "a:2:7")
    }

    @Test func codesAreExtensibleAndCompareByName() {
        let custom = DuijieError.Code("custom")
        #expect(custom == DuijieError.Code(rawValue: "custom") && custom != .io)
        let prefixed = DuijieError(custom, "no such file", at: .init(file: "t")).prefixed("template")
        #expect(prefixed.code == custom && prefixed.description == "t: template no such file")
    }

    @Test func theUnderlyingErrorIsKept() {
        struct SystemFailure: Error, Sendable { let number: Int32 }
        let error = DuijieError(.io, "cannot write", underlying: SystemFailure(number: 28))
        #expect((error.underlying as? SystemFailure)?.number == 28)
    }
}
