import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieVectors
import Foundation

/// `DuijieBench generate --achievements N --demands M --seed S -o DIR`: a realistic corpus of any size.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a realistic corpus of any size for scale benchmarks.",
        discussion: """
        The template corpus (default Corpus/demo) sets the shape: its taxonomy is copied; fields, \
        regions, kinds, maturities, prices and budgets follow its frequencies; experts, \
        institutions, enterprises and relations keep its ratios; degrees keep its means with \
        heavy tails. Texts come from the real datasets (CSL papers, Chinese patents) under \
        --datasets when they are there, otherwise from the template's achievements. \
        The same options and seed give byte-identical files. The corpus is written beside DIR \
        and renamed into place when complete; a non-empty DIR is replaced only with --force.
        """
    )

    @Option(help: "Achievements to generate (at least 1).") var achievements: Int
    @Option(help: "Demands to generate (at least 1).") var demands: Int
    @Option(help: "The random seed; the same seed gives the same corpus.") var seed: UInt64 = 1
    @Option(name: [.short, .customLong("output")], help: "The corpus directory to write.") var output: String
    @Flag(help: "Replace DIR when it is not empty.") var force = false
    @Option(help: "The corpus to imitate (its taxonomy is copied).") var template = "Corpus/demo"
    @Option(help: "The folder of the real datasets (csl/, kppatent-zh/).") var datasets = "../shared/datasets"
    @Option(help: "Where texts come from: auto (datasets when present, else the template), datasets, or template.")
    var texts: CorpusGenerator.TextSource = .automatic
    @Option(help: "Experts (default: the template's ratio to achievements).") var experts: Int?
    @Option(help: "Institutions (default: the template's ratio to achievements).") var institutions: Int?
    @Option(help: "Enterprises (default: the template's ratio to demands).") var enterprises: Int?
    @Option(help: "Threads composing texts (default: all processors); the output does not depend on it.") var threads: Int?

    func validate() throws {
        try CountLimits.check(threads, "--threads", in: CountLimits.threads)
    }

    func run() throws {
        var options = CorpusGenerator.Options(achievements: achievements, demands: demands, seed: seed)
        options.template = template
        options.datasets = datasets
        options.textSource = texts
        options.experts = experts
        options.institutions = institutions
        options.enterprises = enterprises
        if let threads { options.parallelism = Parallelism(threads: threads) }
        try OutputPath.checkDirectory(output, force: force, inputs: [template, datasets])
        let started = Date()
        let report: CorpusGenerator.Report = try CorpusGenerator(options: options).generate(into: output, replaceExisting: force)
        if !report.usedDatasets && texts == .automatic {
            printError("note: texts drawn from the template; no datasets at \(datasets)")
        }
        let seconds = Date().timeIntervalSince(started)
        print("generated \(output): \(report.counts)")
        print("texts: \(report.textSource)")
        print(String(format: "in %.1f s", seconds))
    }
}

extension CorpusGenerator.TextSource: ExpressibleByArgument {}
