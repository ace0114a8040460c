import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus

/// Options that choose and build a quality suite (`bench quality`, `tune`).
struct SuiteOptions: ParsableArguments {
    @Option(help: "The suite: demo, csl-known-item, csl-topical, csl-keyword, csl-problem, patent-keyphrase, patent-related or nsfc-expert.")
    var suite: String

    @Option(help: "The shared datasets folder.")
    var datasets = "../shared/datasets"

    @Option(help: "The demo corpus folder.")
    var demoCorpus = "Corpus/demo"

    @Option(help: "Queries sampled from the data set (not for demo).")
    var queries = 500

    @Option(help: "Seed of the query sample.")
    var seed: UInt64 = 2026

    /// Checks the counts before any work.
    func validate() throws {
        try CountLimits.check(queries, "--queries", in: CountLimits.items)
    }

    /// Builds the suite; a `DuijieError` says why it cannot.
    func load() throws -> QualitySuite {
        try QualitySuite.load(suite, datasets: datasets, demoCorpus: demoCorpus, queryCount: queries, seed: seed)
    }
}
