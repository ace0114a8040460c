import DuijieBase
import DuijieCorpus
import DuijieVectors
import Foundation
import SystemPackage

/// Generates a realistic corpus of any size for scale benchmarks (`DuijieBench generate`).
///
/// The template corpus (the demo by default) sets the shape: its taxonomy is copied, so field and
/// region ids are real; metadata are bootstrapped from its records, so fields, regions, kinds,
/// maturities, transfer modes, prices and budgets follow its frequencies; the numbers of experts,
/// institutions, enterprises and relations keep its ratios to achievements and demands; and
/// degrees (inventors per achievement, achievements per owner, demands per enterprise, experts
/// per institution, relations per participant) keep its means with heavy tails. Texts come
/// from the real datasets (CSL papers, Chinese patents) when they are there, else from the
/// template's own achievements — see `TextComposer` for how reused texts are varied.
///
/// Output is deterministic: the same options and seed give byte-identical files, on any number
/// of threads. The corpus is written into a temporary directory beside the destination and
/// renamed into place when complete.
///
/// ```swift
/// var options = CorpusGenerator.Options(achievements: 10_000, demands: 1_000, seed: 7)
/// options.template = "Corpus/demo"
/// let report = try CorpusGenerator(options: options).generate(into: "/tmp/corpus-10k")
/// print(report.counts)
/// ```
public struct CorpusGenerator: Sendable {
    /// Where texts come from.
    public enum TextSource: String, Sendable, CaseIterable {
        /// The datasets when the folder holds them, else the template.
        case automatic = "auto"
        /// The datasets; an error when they are missing.
        case datasets
        /// The template's achievements, even when datasets are there.
        case template
    }

    /// What to generate.
    public struct Options: Sendable {
        /// Achievements, at least 1.
        public var achievements: Int
        /// Demands, at least 1.
        public var demands: Int
        /// The seed: equal seeds give equal corpora.
        public var seed: UInt64
        /// The corpus to imitate; its taxonomy is copied.
        public var template: String = "Corpus/demo"
        /// The folder of the real datasets (`csl/`, `kppatent-zh/`).
        public var datasets: String = "../shared/datasets"
        /// Where texts come from.
        public var textSource: TextSource = .automatic
        /// Experts instead of the template's ratio (0 or more).
        public var experts: Int? = nil
        /// Institutions instead of the template's ratio (1 or more).
        public var institutions: Int? = nil
        /// Enterprises instead of the template's ratio (1 or more).
        public var enterprises: Int? = nil
        /// Threads that compose texts; the output does not depend on it.
        public var parallelism: Parallelism = .automatic

        /// Options with the defaults above.
        public init(achievements: Int, demands: Int, seed: UInt64 = 1) {
            self.achievements = achievements
            self.demands = demands
            self.seed = seed
        }
    }

    /// What a run produced.
    public struct Report: Sendable {
        /// Records written, per kind.
        public let counts: GenerationCounts
        /// Whether the texts came from the datasets (else from the template).
        public let usedDatasets: Bool
        /// Where the texts came from, in words: "1,234 CSL papers and 3,024 patents from …".
        public let textSource: String
        /// Source documents the texts were drawn from.
        public let sourceDocuments: Int
    }

    /// The options.
    public let options: Options

    /// Checks the options.
    ///
    /// - Throws: `DuijieError` for counts out of range.
    public init(options: Options) throws(DuijieError) {
        if options.achievements < 1 { throw DuijieError(.invalidInput, "--achievements must be at least 1 (got \(options.achievements))") }
        if options.demands < 1 { throw DuijieError(.invalidInput, "--demands must be at least 1 (got \(options.demands))") }
        if let experts = options.experts, experts < 0 { throw DuijieError(.invalidInput, "--experts must be 0 or more (got \(experts))") }
        if let institutions = options.institutions, institutions < 1 { throw DuijieError(.invalidInput, "--institutions must be at least 1 (got \(institutions))") }
        if let enterprises = options.enterprises, enterprises < 1 { throw DuijieError(.invalidInput, "--enterprises must be at least 1 (got \(enterprises))") }
        let limit = Int(UInt32.max - 1)
        for (name, value) in [("achievements", options.achievements), ("demands", options.demands), ("experts", options.experts ?? 0),
                              ("institutions", options.institutions ?? 0), ("enterprises", options.enterprises ?? 0)] where value >= limit {
            throw DuijieError(.invalidInput, "--\(name) must be below \(limit)")
        }
        self.options = options
    }

    /// Generates the corpus into `directory`.
    ///
    /// - Parameters:
    ///   - directory: The corpus directory to write; created if absent.
    ///   - replaceExisting: Replace a non-empty `directory` (otherwise that is an error).
    /// - Returns: What was written.
    /// - Throws: `DuijieError` for an unusable template, missing datasets (with `.datasets`),
    ///   an occupied destination, or a failed write; nothing is left at `directory` then.
    public func generate(into directory: String, replaceExisting: Bool = false) throws(DuijieError) -> Report {
        let target = FilePath(directory).lexicallyNormalized().string
        if target == FilePath(options.template).lexicallyNormalized().string {
            throw DuijieError(.invalidInput, "\(directory): is the template itself; choose another output directory")
        }
        try CorpusDirectoryWriter.checkDestination(target, replaceExisting: replaceExisting)
        let profile = try TemplateProfile(directory: options.template)
        if profile.corpus.experts.isEmpty, let experts = options.experts, experts > 0 {
            throw DuijieError(.invalidInput, "--experts: the template \(options.template) has no experts to imitate")
        }
        for id in profile.corpus.regions.map(\.id) + profile.corpus.fields.map(\.id) where Self.looksGenerated(id) {
            throw DuijieError(.invalidInput, "template \(options.template): taxonomy id \(id) would clash with generated ids (I-1, E-1, C-1, A-1, D-1 …)")
        }
        let (documents, usedDatasets, description) = try sourceDocuments(profile: profile)
        let counts = GenerationCounts(template: profile, achievements: options.achievements, demands: options.demands,
                                      experts: options.experts, institutions: options.institutions, enterprises: options.enterprises)
        let context = GenerationContext(seed: options.seed, profile: profile, documents: documents)
        let plan = GenerationPlan(counts: counts, context: context)
        let relations = RelationPlan(counts: counts, plan: plan, context: context)

        let writer = try CorpusDirectoryWriter(destination: target, replaceExisting: replaceExisting)
        var recordWriter = RecordWriter(context: context, plan: plan, parallelism: options.parallelism)
        try recordWriter.writeTaxonomy(to: writer)
        try recordWriter.writeInstitutions(to: writer)
        try recordWriter.writeExperts(to: writer)
        try recordWriter.writeEnterprises(to: writer)
        try recordWriter.writeAchievements(to: writer)
        try recordWriter.writeDemands(to: writer)
        let relationCount = try recordWriter.writeRelations(relations, to: writer)
        try writer.commit()
        var written = counts
        if relationCount != counts.relations {  // only when same-kind relations lost a self-loop
            written.relationsByType = profile.relationTypes.indices.map { type in relations.entries.filter { $0.type == type }.count }
        }
        return Report(counts: written, usedDatasets: usedDatasets, textSource: description, sourceDocuments: documents.count)
    }

    private static func looksGenerated(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && ["I", "E", "C", "A", "D"].contains(parts[0]) && !parts[1].isEmpty && parts[1].allSatisfy(\.isASCII) && Int(parts[1]) != nil
    }

    private func sourceDocuments(profile: TemplateProfile) throws(DuijieError) -> ([SourceDocument], Bool, String) {
        if options.textSource != .template {
            var isDirectory: ObjCBool = false
            let present = FileManager.default.fileExists(atPath: options.datasets, isDirectory: &isDirectory) && isDirectory.boolValue
            if present, let found = try SourceLibrary.datasets(at: options.datasets) {
                return (found.all, true, "\(found.papers.count) CSL papers and \(found.patents.count) patents from \(options.datasets)")
            }
            if options.textSource == .datasets {
                throw DuijieError(.invalidInput, "\(options.datasets): no datasets there (csl/csl_sample.tsv, csl/benchmark/*/dev.tsv or kppatent-zh/data_A.json)")
            }
        }
        let documents = SourceLibrary.template(profile.corpus)
        guard !documents.isEmpty else {
            throw DuijieError(.invalidInput, "template \(options.template): its achievements have no titles and abstracts to draw texts from")
        }
        let reason = options.textSource == .template ? "" : " (no datasets at \(options.datasets))"
        return (documents, false, "the \(documents.count) achievements of the template \(options.template)\(reason)")
    }
}
