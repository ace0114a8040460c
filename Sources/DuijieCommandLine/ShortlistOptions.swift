import ArgumentParser
import DuijieCorpus
import DuijieRanking

/// The recommender's shortlist options (target, filters, diversity, explanations, batch), shared
/// by `duijie recommend` and by `duijie match`, which gives the recommender's shortlist when any
/// of them is used.
package struct ShortlistOptions: ParsableArguments {
    /// Options with their defaults, as the argument parser needs them.
    package init() {}

    @Option(help: "What to recommend: achievement (default), expert, institution, demand or enterprise.") package var target: RecommendationTarget?
    @Option(help: "Keep results in this region or below (id or name; repeatable).") package var region: [String] = []
    @Flag(help: "With --region, also keep the paired (对口合作) regions.") package var includePaired = false
    @Option(help: "Keep results in this field or a sub-field (id, name or synonym; repeatable).") package var field: [String] = []
    @Option(help: "Keep achievements at least this mature (lab, pilot, maturation, industrialization, or TRL).") package var minMaturity: String?
    @Option(help: "Keep achievements offering this transfer mode (repeatable).") package var mode: [String] = []
    @Option(help: "Keep achievements of this kind (repeatable).") package var kind: [String] = []
    @Option(help: "Keep only dual-use (yes) or only civil (no) achievements.") package var dualUse: YesNo?
    @Option(help: "At most this many results per institution.") package var maxPerInstitution: Int?
    @Option(help: "Diversify by maximal marginal relevance: λ in 0…1 (1 = none; 0.7 is a usual start).") package var diversity: Float?
    @Option(help: "Drop results scoring below this (0–1 with the shipped weights; see docs/cli.md on reading scores).") package var minScore: Float?
    @Flag(help: "Show each result's feature scores, reasons, matched terms and graph path.") package var explain = false
    @Option(help: "Language of labels: zh (default) or en.") package var language: Language?
    @Option(help: "A query file, one JSON object per line: {\"id\",\"text\"} ranks the text, {\"id\"} alone the corpus record with that id.") package var batch: String?
    @Flag(help: "The shortlist of every demand of the corpus.") package var allDemands = false
    @Option(name: [.short, .customLong("output")], help: "Write the shortlists to this file for a client: .xlsx (a sheet per shortlist), .csv (with a BOM for Excel), .md or .json.") package var output: String?

    package enum Language: String, ExpressibleByArgument, CaseIterable { case zh, en }
    package enum YesNo: String, ExpressibleByArgument, CaseIterable { case yes, no }

    package func validate() throws {
        try CountLimits.check(maxPerInstitution, "--max-per-institution", in: CountLimits.results)
        if let diversity, !(0...1).contains(diversity) { throw ValidationError("--diversity must be between 0 and 1") }
        if let minScore, !minScore.isFinite || minScore < 0 { throw ValidationError("--min-score must be a number, at least 0") }
    }

    /// Whether any option was given (so `match` ranks with the recommender).
    package var isUsed: Bool {
        target != nil || !region.isEmpty || includePaired || !field.isEmpty || minMaturity != nil || !mode.isEmpty || !kind.isEmpty
            || dualUse != nil || maxPerInstitution != nil || diversity != nil || minScore != nil || explain || language != nil || batch != nil
            || allDemands || output != nil
    }

    /// The filters, with region and field names resolved in `corpus`.
    ///
    /// - Throws: `ValidationError` naming an option whose value the corpus does not know.
    package func makeFilters(_ corpus: Corpus) throws -> RecommendationFilters {
        var values = FilterValues()
        values.regions = region
        values.includePairedRegions = includePaired
        values.fields = field
        values.minMaturity = minMaturity
        values.modes = mode
        values.kinds = kind
        values.dualUse = dualUse.map { $0 == .yes }
        values.maxPerInstitution = maxPerInstitution
        values.diversity = diversity
        values.minScore = minScore
        do {
            return try values.resolve(in: corpus)
        } catch {
            let option = switch error.value {
            case .region: "--region"
            case .field: "--field"
            case .minMaturity: "--min-maturity"
            case .mode: "--mode"
            case .kind: "--kind"
            }
            throw ValidationError("\(option) \(error.given): \(error.problem)")
        }
    }
}

extension RecommendationTarget: ExpressibleByArgument {}
