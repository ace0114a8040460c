import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import Foundation

/// `duijie corpus import-csv FILE --kind KIND -o OUT`: convert a spreadsheet to JSON Lines.
struct CorpusImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-csv",
        abstract: "Convert a CSV/TSV spreadsheet (UTF-8, GBK or GB18030) into corpus records.",
        discussion: """
        The first row names the columns, in Chinese or English (the mapping is in
        docs/corpus-format.md). Bad rows are listed as FILE:row N: FIELD: MESSAGE and nothing is
        written, unless --skip-bad is given. The output replaces OUT only once it is complete.
        """
    )

    @Argument(help: "The spreadsheet file (.csv, .tsv or .txt).")
    var file: String

    @Option(help: "What each row is: achievement, demand, expert, enterprise, institution, relation, region or field.")
    var kind: RecordKind

    @Option(name: [.short, .customLong("output")], help: "The JSON Lines file to write; standard output when omitted.")
    var output: String?

    @Option(help: "The file's encoding: auto, utf-8, gbk or gb18030.")
    var encoding: TextEncoding = .auto

    @Option(help: "The cell delimiter; by default tab for .tsv/.txt and comma otherwise.")
    var delimiter: String?

    @Flag(help: "Ignore columns whose names map to no field instead of failing.")
    var ignoreUnknownColumns = false

    @Flag(name: .customLong("skip-bad"), help: "Leave out bad rows, convert the rest, and list what was left out.")
    var skipBad = false

    func validate() throws {
        if let delimiter, delimiter.count != 1 {
            throw ValidationError("--delimiter must be one character, got \"\(delimiter)\"")
        }
    }

    func run() throws {
        let options = CSVImportOptions(
            kind: kind, encoding: encoding, delimiter: delimiter?.first,
            ignoreUnknownColumns: ignoreUnknownColumns, skipBadRecords: skipBad)
        let result = try CSVImporter.importFile(file, options: options)
        result.issues.forEach { printError($0.description) }
        if result.hasErrors && !skipBad {
            throw DuijieError(.invalidInput, "\(file): \(result.issues.filter { $0.severity == .error }.count) error(s); nothing written")
        }
        if let output {
            try AtomicFile.write(result.jsonLines, to: output)
            printError("wrote \(result.records.count) \(kind.pluralName) to \(output) (read as \(result.encoding.rawValue)\(result.skippedRows.isEmpty ? "" : ", skipped \(result.skippedRows.count) row(s)"))")
        } else {
            FileHandle.standardOutput.write(Data(result.jsonLines.utf8))
        }
        for location in result.skippedRows { printError("skipped \(location)") }
    }
}

extension RecordKind: ExpressibleByArgument {
    public init?(argument: String) {
        let lowered = argument.lowercased()
        guard let kind = RecordKind.allCases.first(where: { $0.rawValue == lowered || $0.pluralName == lowered }) else { return nil }
        self = kind
    }
}

extension TextEncoding: ExpressibleByArgument {}
