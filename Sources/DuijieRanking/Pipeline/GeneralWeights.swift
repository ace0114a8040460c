extension DocumentWeights {
    /// The weighting of plain-document ranking fitted across every quality suite at once
    /// (`DuijieBench transfer -o Corpus/weights/general.json`), what `duijie match` and `duijie
    /// run` rank by with `--ranking learned`: compiled in from `Corpus/weights/general.json`
    /// (`generalFileText`, the same bytes; a test keeps the two equal), so an installed `duijie`
    /// needs no file beside it.
    public static let general: DocumentWeights = {
        do { return try DocumentWeights(parsing: generalFileText, fileName: "general.json (compiled in)") } catch {
            preconditionFailure("the compiled-in general weights do not parse: \(error)")
        }
    }()
}
