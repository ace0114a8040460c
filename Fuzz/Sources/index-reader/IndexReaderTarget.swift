import DuijieRanking
import Glibc
import FuzzSupport

/// Runs libFuzzer on `fuzz`, with the dictionaries an index in dictionary mode is made with.
///
/// The jieba dictionary and the domain lexicon are the small ones in Fuzz/Dictionaries rather
/// than the system's and Corpus/lexicon's: loading 350,000 words for each input would take
/// seconds under the fuzzer's instrumentation, and the seed in dictionary mode was built with
/// these (docs/fuzzing.md), so its lexicon's fingerprint matches and the fuzzer reaches past
/// that check.
@main
enum IndexReaderTarget {
    static func main() {
        // #filePath is Fuzz/Sources/index-reader/IndexReaderTarget.swift in this clone.
        let dictionaries = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/") + "/Dictionaries/"
        setenv("DUIJIE_JIEBA_DICT", dictionaries + "jieba-small.txt", 1)
        setenv("DUIJIE_LEXICON", dictionaries + "lexicon-small.txt", 1)
        FuzzerDriver.run(fuzz)
    }
}

/// Fuzzes the saved index's reader: the container (magic, version, section table and its
/// checksums, zero gaps), every section's contents, the text index's postings and weights, the
/// embedded corpus and the recommender's parts.
///
/// The input is an index file. It is loaded as a text index (`TextIndex.load`, what
/// `duijie match --index` reads) and as a recommender (`RecommenderIndex.load`, what
/// `duijie recommend --index` reads): once as it is, and once more with its checksums
/// recomputed (`IndexChecksums`), so that a change inside a section reaches the section's
/// parser. Any thrown error is an answer; only a crash, a hang or running out of memory is a
/// finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(FuzzerDriver.bytes(data, size))
    load(bytes)
    var resigned = bytes
    if IndexChecksums.resign(&resigned), resigned != bytes { load(resigned) }
    return 0
}

/// Loads `bytes` as a text index and as a recommender.
func load(_ bytes: [UInt8]) {
    let path = Scratch.write(bytes, to: "fuzz.index")
    _ = try? TextIndex.load(path)
    _ = try? RecommenderIndex.load(path)
}
