import ArgumentParser

/// `duijie corpus …`: check corpora and convert spreadsheets into them.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Check a corpus, or convert a spreadsheet into corpus records.",
        subcommands: [CorpusCheckCommand.self, CorpusImportCSVCommand.self]
    )
}
