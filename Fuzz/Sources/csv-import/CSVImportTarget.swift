import DuijieCorpus
import FuzzSupport

/// Runs libFuzzer on `fuzz`, after making what every input shares.
@main
enum CSVImportTarget {
    static func main() {
        _ = referenceCorpus
        FuzzerDriver.run(fuzz)
    }
}

/// Fuzzes the spreadsheet importer behind `duijie corpus import-csv`: encoding detection
/// (byte-order marks, UTF-8, GB18030, UTF-16), strict CSV reading, column mapping and the
/// records' decoders, through `CSVImporter.importFile`, the command's own entry point.
///
/// The input is the file's bytes. When it starts with `#`, its first line chooses the options,
/// as words separated by spaces, and the rest is the file: a record kind (`expert`, `demand` …;
/// achievements otherwise), an encoding (`utf-8`, `gbk`, `gb18030`, `utf-16le`, `utf-16be`;
/// `auto` otherwise), `tsv` (a `.tsv` file, read with tabs), `delimiter=C`, `skip-bad`,
/// `ignore-unknown`, `prefix` (ids prefixed with `X-`), `corpus` (references checked against a
/// small corpus) and `create-missing`. Unknown words are ignored. A thrown `DuijieError` is an
/// answer; only a crash, a hang or running out of memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzerDriver.bytes(data, size)
    var words: [Substring] = []
    var file = bytes[...]
    if bytes.first == UInt8(ascii: "#") {
        let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        words = String(decoding: bytes[1..<end], as: UTF8.self).split(separator: " ")
        file = bytes[min(end + 1, bytes.endIndex)...]
    }
    var options = CSVImportOptions(kind: words.lazy.compactMap { RecordKind(rawValue: String($0)) }.first ?? .achievement)
    options.encoding = words.lazy.compactMap { TextEncoding(rawValue: String($0)) }.first ?? .auto
    options.delimiter = words.first { $0.hasPrefix("delimiter=") }.map { $0.dropFirst("delimiter=".count).first ?? "," }
    options.skipBadRecords = words.contains("skip-bad")
    options.ignoreUnknownColumns = words.contains("ignore-unknown")
    options.idPrefix = words.contains("prefix") ? "X-" : nil
    options.corpusDirectory = words.contains("corpus") ? referenceCorpus : nil
    options.createMissing = words.contains("create-missing")
    let path = Scratch.write(file, to: words.contains("tsv") ? "sheet.tsv" : "sheet.csv")
    _ = try? CSVImporter.importFile(path, options: options)
    return 0
}

/// A small corpus for `corpus`: the regions, fields, organisations and people a sheet's
/// references resolve against. The importer only reads it (stubs are returned, not written).
let referenceCorpus: String = {
    let files: [(String, String)] = [
        ("taxonomy/regions.jsonl", """
        {"id":"R-LN","name":"辽宁省","level":"province","aliases":["辽宁"]}
        {"id":"R-LN-DL","name":"大连市","level":"city","parent":"R-LN","aliases":["大连","Dalian"]}
        """),
        ("taxonomy/fields.jsonl", """
        {"id":"F-EN","name":"新能源","synonyms":["清洁能源","new energy"]}
        {"id":"F-STOR","name":"储能","parent":"F-EN","synonyms":["电化学储能"]}
        """),
        ("institutions.jsonl", """
        {"id":"I-1","name":"大连某研究所","aliases":["某所"],"kind":"institute","region":"R-LN-DL","fields":["F-STOR"]}
        """),
        ("enterprises.jsonl", """
        {"id":"C-1","name":"大连某储能公司","aliases":["某储能"],"region":"大连","fields":["储能"]}
        """),
        ("experts.jsonl", """
        {"id":"E-1","name":"张三","institution":"I-1","fields":["F-STOR"]}
        """),
    ]
    for (name, text) in files { Scratch.write(Array((text + "\n").utf8), to: "reference-corpus/" + name) }
    return Scratch.directory + "/reference-corpus"
}()
