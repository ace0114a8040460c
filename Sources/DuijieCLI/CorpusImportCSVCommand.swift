import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import Foundation
import SystemPackage

/// `duijie corpus import-csv FILE --kind KIND -o OUT`: convert a spreadsheet to JSON Lines.
struct CorpusImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-csv",
        abstract: "Convert a CSV/TSV spreadsheet (UTF-8, GBK or GB18030) into corpus records.",
        discussion: """
        The first row names the columns, in Chinese or English (the mapping is in \
        docs/corpus-format.md). Every column that is not imported is listed with the reason. \
        Problems are listed as FILE:row N: COLUMN: MESSAGE, and nothing is written while there is \
        an error, unless --skip-bad leaves the bad cells or rows out. With --corpus, references \
        are checked against that corpus, and --create-missing adds a stub record to it for each \
        organisation it lacks. The output replaces OUT only once it is complete.
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

    @Flag(help: "Leave out columns whose names map to no field, with a warning, instead of failing.")
    var ignoreUnknownColumns = false

    @Flag(name: .customLong("skip-bad"), help: "Leave out a bad cell of an optional field (keeping the row), or a row whose required field is bad, with a warning each.")
    var skipBad = false

    @Option(name: .customLong("id-prefix"), help: ArgumentHelp("Put PREFIX before every id of the sheet (or number the rows PREFIX2, PREFIX3 … when no column gives ids).", valueName: "PREFIX"))
    var idPrefix: String?

    @Option(help: ArgumentHelp("Check the sheet's references against the corpus in DIR.", valueName: "DIR"))
    var corpus: String?

    @Flag(name: .customLong("create-missing"), help: "Add a stub institution or enterprise to the --corpus for each organisation the sheet names that it has no record of.")
    var createMissing = false

    func validate() throws {
        if let delimiter, delimiter.count != 1 {
            throw ValidationError("--delimiter must be one character, got \"\(delimiter)\"")
        }
        if createMissing && corpus == nil {
            throw ValidationError("--create-missing needs --corpus DIR, the corpus the stub records are added to")
        }
    }

    func run() throws {
        if let output { try OutputPath.checkFile(output, inputs: [file]) }
        let options = CSVImportOptions(
            kind: kind, encoding: encoding, delimiter: delimiter?.first,
            ignoreUnknownColumns: ignoreUnknownColumns, skipBadRecords: skipBad,
            idPrefix: idPrefix, corpusDirectory: corpus, createMissing: createMissing)
        let result = try CSVImporter.importFile(file, options: options)
        result.issues.forEach { printError($0.description) }
        if result.hasErrors {
            throw DuijieError(.invalidInput, "\(file): \(result.issues.filter { $0.severity == .error }.count) error(s); nothing written")
        }
        if let corpus, !result.stubs.isEmpty {
            try refuseToOverwriteStubs(in: corpus, stubs: result.stubs)
            try StubRecord.append(result.stubs, toCorpus: corpus)
            for stub in result.stubs {
                printError("\(stub.location): \(stub.column): added \(stub.kind.rawValue) \(stub.id) \"\(stub.name)\" to \(FilePath(corpus).appending(stub.kind.fileName))")
            }
        }
        if let output {
            try AtomicFile.write(result.jsonLines, to: output)
        } else {
            FileHandle.standardOutput.write(Data(result.jsonLines.utf8))
        }
        printError(summary(result))
    }

    /// `wrote 12 achievements to OUT (read as gb18030, …)`, with what was left out.
    private func summary(_ result: CSVImportResult) -> String {
        var notes = ["read as \(result.encoding.rawValue)"]
        let unusedColumns = result.issues.filter { $0.location?.line == 1 && ($0.code == .unusedColumn || $0.code == .unknownKey) }.count
        if unusedColumns > 0 { notes.append("\(unusedColumns) column(s) not imported") }
        if !result.skippedRows.isEmpty { notes.append("skipped \(result.skippedRows.count) row(s)") }
        if !result.skippedCells.isEmpty { notes.append("left out \(result.skippedCells.count) cell(s)") }
        if !result.stubs.isEmpty { notes.append("added \(result.stubs.count) stub record(s) to \(corpus ?? "")") }
        let warnings = result.issues.filter { $0.severity == .warning }.count
        if warnings > 0 { notes.append("\(warnings) warning(s)") }
        return "wrote \(result.records.count) \(kind.pluralName) to \(output ?? "standard output") (\(notes.joined(separator: ", ")))"
    }

    /// Stubs go into the corpus's institution and enterprise files; the output must not be one of them.
    private func refuseToOverwriteStubs(in corpus: String, stubs: [StubRecord]) throws {
        guard let output else { return }
        let outputPath = URL(fileURLWithPath: output).standardizedFileURL.path
        for kind in Set(stubs.map(\.kind)) where URL(fileURLWithPath: FilePath(corpus).appending(kind.fileName).string).standardizedFileURL.path == outputPath {
            throw DuijieError(.invalidInput, "\(output) is where the stub \(kind.pluralName) go; write the \(self.kind.pluralName) elsewhere")
        }
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
