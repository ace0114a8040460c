import DuijieBase
@testable import DuijieEvents
import DuijieTestSupport
import Testing

/// Event inputs that used to pass: overlapping slots, impossible times, locks against
/// never_meet, duplicate slot ids without a place, and whole numbers written as `N.0`.
@Suite struct EventInputCheckTests {
    static let participants = """
    {"id": "a", "side": "demand", "profile": "储能", "never_meet": ["b"]}
    {"id": "b", "side": "supply", "profile": "电池"}
    {"id": "c", "side": "supply", "profile": "膜材料"}
    """

    /// The error lines of loading an event of these files, or the event.
    private func load(slots: String, participants: String = Self.participants, locked: String? = nil) -> Result<Event, DuijieError> {
        let directory = TemporaryDirectory()
        directory.write("slots.jsonl", slots)
        directory.write("participants.jsonl", participants)
        if let locked { directory.write("locked.jsonl", locked) }
        return Result { () throws(DuijieError) in try EventLoader.load(directory.path) }
    }

    private func errors(_ result: Result<Event, DuijieError>) -> String {
        if case .failure(let error) = result { return error.description }
        return ""
    }

    @Test func overlappingSlotsAreRefusedWithBothPlaces() {
        // S2 starts at 09:10, inside S1 (09:00–09:20); S3 starts at S2's end: no overlap.
        let text = errors(load(slots: """
        {"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 2}
        {"id": "S2", "start": "2026-12-08T09:10", "end": "2026-12-08T09:30", "tables": 2}
        {"id": "S3", "start": "2026-12-08T09:30", "end": "2026-12-08T09:50", "tables": 2}
        """))
        #expect(text.contains("slots.jsonl:2: start: slot S2 (2026-12-08T09:10–2026-12-08T09:30) overlaps slot S1 (2026-12-08T09:00–2026-12-08T09:20) at slots.jsonl:1; slots must not overlap"), "\(text)")
        #expect(!text.contains("slot S3"))
        // Slots that only touch load.
        if case .failure(let error) = load(slots: """
        {"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 2}
        {"id": "S3", "start": "2026-12-08T09:20", "end": "2026-12-08T09:40", "tables": 2}
        """) { Issue.record("\(error)") }
    }

    @Test func impossibleDatesAndTimesAreRefusedWithTheirField() {
        let text = errors(load(slots: """
        {"id": "S1", "start": "2026-02-30T08:00", "end": "2026-02-28T08:61", "tables": 2}
        {"id": "S2", "start": "2026-13-01T08:00", "end": "2026-12-01T24:00", "tables": 2}
        {"id": "S3", "start": "2028-02-29T08:00", "end": "2028-02-29T08:20", "tables": 2}
        """))
        // 2026 is not a leap year (February has 28 days); 2028 is, so S3 is valid.
        #expect(text.contains(#"slots.jsonl:1: start: "2026-02-30T08:00" has no day 30: 2026-02 has 28 days"#), "\(text)")
        #expect(text.contains(#"slots.jsonl:1: end: "2026-02-28T08:61" has no minute 61 (00–59)"#))
        #expect(text.contains(#"slots.jsonl:2: start: "2026-13-01T08:00" has no month 13 (01–12)"#))
        #expect(text.contains(#"slots.jsonl:2: end: "2026-12-01T24:00" has no hour 24 (00–23)"#))
        #expect(!text.contains("slots.jsonl:3"))
    }

    @Test func aLockAgainstNeverMeetIsAnInputError() {
        let text = errors(load(slots: #"{"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 2}"#,
                               locked: #"{"demand": "a", "supply": "b", "slot": "S1", "table": 1}"#))
        #expect(text.contains("locked.jsonl:1: supply: a and b are never to meet (neverMeet), but this lock makes them meet"), "\(text)")
    }

    @Test func aDuplicateSlotIdNamesBothLines() {
        let text = errors(load(slots: """
        {"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 2}
        {"id": "S1", "start": "2026-12-08T10:00", "end": "2026-12-08T10:20", "tables": 2}
        """))
        #expect(text.contains("slots.jsonl:2: id: slot S1 is already defined at slots.jsonl:1"), "\(text)")
    }

    @Test func wholeNumbersWrittenWithAFractionAreWholeNumbers() throws {
        let loaded = try load(slots: #"{"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 3.0}"#).get()
        #expect(loaded.slots.first?.tables == 3)
        // 10^12 is whole but beyond the largest count: said so, not "not a whole number".
        let text = errors(load(slots: #"{"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 1000000000000.0}"#))
        #expect(text.contains("slots.jsonl:1: tables: 1000000000000 is too large (at most 999999999)"), "\(text)")
        let fraction = errors(load(slots: #"{"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 2.5}"#))
        #expect(fraction.contains("slots.jsonl:1: tables: 2.5 is not a whole number"), "\(fraction)")
    }
}
