import DuijieCorpus
import DuijieEvents
import FuzzSupport

/// Runs libFuzzer on `fuzz`, after making what every input shares.
@main
enum EventLoaderTarget {
    static func main() {
        _ = corpus
        FuzzerDriver.run(fuzz)
    }
}

/// Fuzzes the matchmaking-event loader (`duijie pair`'s input): `event.json`, participants,
/// slots, locks and requests as JSON Lines or CSV (in any encoding the importer reads), their values,
/// times and cross-checks.
///
/// The input is an event folder, its files split by `@FILE` lines (`@slots.jsonl`,
/// `@participants.csv`, `@event.json` …); lines before the first go to `participants.jsonl`.
/// A table the input does not give comes from a small valid event (`baseline`); one it gives,
/// in either form, replaces the baseline's. A `@corpus` line also checks the participants'
/// records against a small corpus. A thrown `DuijieError` is an answer; only a crash, a hang or
/// running out of memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = NamedParts(FuzzerDriver.bytes(data, size), defaultName: "participants.jsonl") { fileNames.contains($0) }
    let folder = Scratch.emptyFolder("event")
    let given = Set(input.parts.map { stem($0.name) })
    for (name, text) in baseline where !given.contains(stem(name)) {
        Scratch.write(Array(text.utf8), to: "event/" + name)
    }
    for (name, bytes) in input.parts { Scratch.write(bytes, to: "event/" + name) }
    _ = try? EventLoader.load(folder, corpus: input.flags.contains("corpus") ? corpus : nil)
    return 0
}

/// The files an event folder may hold.
let fileNames = Set(["event.json"] + ["participants", "slots", "locked", "requests"].flatMap { [$0 + ".jsonl", $0 + ".csv"] })

/// A file's name without its extension: the table it holds.
func stem(_ name: String) -> Substring {
    name.prefix { $0 != "." }
}

/// A small valid event: two slots, two participants per side, one lock.
let baseline: [(String, String)] = [
    ("event.json", #"{"name": "fuzz", "venue": "大连", "min_meetings": 1, "max_meetings": 2}"# + "\n"),
    ("slots.jsonl", """
    {"id": "AM1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 2}
    {"id": "AM2", "start": "2026-12-08T09:20", "end": "2026-12-08T09:40", "tables": 2}

    """),
    ("participants.jsonl", """
    {"id": "某储能", "side": "demand", "records": ["D-1"], "must_meet": ["张三"]}
    {"id": "Aurora", "side": "demand", "profile": "锂电池回收", "never_meet": ["某所"]}
    {"id": "张三", "side": "supply", "records": ["E-1"], "availability": ["AM1"]}
    {"id": "某所", "side": "supply", "records": ["A-1", "I-1"], "min": 1, "max": 2}

    """),
    ("locked.jsonl", #"{"demand": "Aurora", "supply": "张三", "slot": "AM1", "table": 1}"# + "\n"),
]

/// The corpus a `@corpus` line checks records against.
let corpus: Corpus = {
    let files: [String: String] = [
        RecordKind.institution.fileName: #"{"id":"I-1","name":"大连某研究所","kind":"institute"}"#,
        RecordKind.enterprise.fileName: #"{"id":"C-1","name":"大连某储能公司","region":"大连"}"#,
        RecordKind.expert.fileName: #"{"id":"E-1","name":"张三","institution":"I-1"}"#,
        RecordKind.achievement.fileName: #"{"id":"A-1","title":"液流电池离子传导膜","abstract":"非氟多孔膜，钒离子渗透率低。","owner":"I-1","inventors":["E-1"]}"#,
        RecordKind.demand.fileName: #"{"id":"D-1","enterprise":"C-1","title":"液流电池隔膜国产化","description":"替代进口全氟磺酸膜。"}"#,
    ]
    do {
        return try CorpusLoader.loadValidated(files: files.mapValues { Array(($0 + "\n").utf8) }, name: "event-corpus").corpus
    } catch {
        fatalError("the event target's corpus does not load: \(error)")
    }
}()
