import DuijieCorpus
import FuzzSupport

/// Runs libFuzzer on `fuzz`.
@main
enum CorpusLoaderTarget {
    static func main() {
        FuzzerDriver.run(fuzz)
    }
}

/// Fuzzes the corpus loader: JSON Lines → records → references → `CorpusLoadResult`.
///
/// The input is a corpus, its files split by `@kind` lines (`@field`, `@institution`,
/// `@relation` …, `RecordKind`'s names); lines before the first go to the achievements. The
/// corpus is loaded from memory, as a saved index's embedded files are. A `@skip-bad` line also
/// loads it from a folder with bad records skipped (the passes that leave records out), and a
/// `@plain` line loads the achievements' part as a plain document file (`{"id","title","text"}`
/// lines). A thrown `DuijieError` is an answer; only a crash, a hang or running out of memory
/// is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = NamedParts(FuzzerDriver.bytes(data, size), defaultName: RecordKind.achievement.rawValue) {
        RecordKind(rawValue: $0) != nil
    }
    var files: [String: [UInt8]] = [:]
    for (name, bytes) in input.parts {
        files[RecordKind(rawValue: name)!.fileName] = bytes
    }
    _ = try? CorpusLoader.loadValidated(files: files, name: "fuzz")
    if input.flags.contains("skip-bad") {
        let folder = Scratch.emptyFolder("corpus")
        for (name, bytes) in files { Scratch.write(bytes, to: "corpus/" + name) }
        _ = try? CorpusLoader.loadValidated(folder, options: CorpusLoadOptions(skipBadRecords: true))
    }
    if input.flags.contains("plain") {
        let path = Scratch.write(files[RecordKind.achievement.fileName] ?? [], to: "documents.jsonl")
        _ = try? CorpusLoader.load(path)
    }
    return 0
}
