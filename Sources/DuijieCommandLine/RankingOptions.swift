import ArgumentParser
import DuijieCorpus
import DuijieRanking
import DuijieText
import DuijieVectors
import Foundation
import SystemPackage

/// Options shared by the commands that rank achievements (`match`, `run`).
package struct RankingOptions: ParsableArguments {
    /// Options with their defaults, as the argument parser needs them.
    package init() {}

    @Option(help: "Term weighting: tfidf (sublinear tf, smooth idf, l2) or bm25.")
    package var weighting: WeightingChoice = .tfidf

    @Option(help: "Ranking: lexical (TF-IDF/BM25), semantic (LSA), fused, or learned (the weighting of TF-IDF, BM25, LSA, graph, expanded query and word BM25 fitted across every quality suite).")
    package var ranking: RankingChoice = .lexical

    @Option(help: "LSA dimensions for semantic and fused ranking (default 256; the recommender's default is 64).")
    package var dimensions: Int?

    /// The LSA dimensions of text matching: `--dimensions`, else 256.
    package var textDimensions: Int { dimensions ?? 256 }

    @Option(help: "Weight of the lexical score in fused ranking (0–1).")
    package var lexicalWeight: Float = 0.5

    @Option(help: "Worker threads (default: all cores).")
    package var threads: Int?

    @Option(help: "A weights file from `duijie tune` or `DuijieBench tune` (as in Corpus/weights/): rank by its weighted scores (TF-IDF, BM25, LSA, graph; expanded query and word BM25 when it weighs them; overrides --ranking).")
    package var weights: String?

    package enum WeightingChoice: String, ExpressibleByArgument, CaseIterable { case tfidf, bm25 }
    package enum RankingChoice: String, ExpressibleByArgument, CaseIterable { case lexical, semantic, fused, learned }

    /// Whether the ranking pipeline ranks (a weights file, or the learned weighting) rather than
    /// one text matcher.
    package var usesPipeline: Bool { weights != nil || ranking == .learned }

    /// The weights the pipeline ranks by: the `--weights` file's, else with `--ranking learned`
    /// the compiled-in weighting fitted across every suite (`DocumentWeights.general`).
    package func documentWeights() throws -> DocumentWeights? {
        if let weights { return try DocumentWeights.load(weights) }
        return ranking == .learned ? DocumentWeights.general : nil
    }

    package func validate() throws {
        try CountLimits.check(dimensions, "--dimensions", in: CountLimits.dimensions)
        if !(0...1).contains(lexicalWeight) { throw ValidationError("--lexical-weight must be between 0 and 1") }
        try CountLimits.check(threads, "--threads", in: CountLimits.threads)
    }

    /// Options given that these settings leave without effect, one sentence each (for standard
    /// error): with `fromIndex` (ranking from a saved index), the options the index fixed; with
    /// `--weights`, the options whose part the weights file plays; else `--dimensions` with
    /// lexical ranking; and `--lexical-weight` with any ranking but fused.
    package func ignoredOptionWarnings(fromIndex: Bool = false) -> [String] {
        var warnings: [String] = []
        func given(_ options: [(String, Bool)], _ reason: String) {
            let names = options.filter(\.1).map(\.0)
            if !names.isEmpty { warnings.append("\(names.joined(separator: ", ")) \(names.count == 1 ? "has" : "have") no effect \(reason)") }
        }
        if fromIndex {
            given([("--weighting", weighting != .tfidf), ("--dimensions", dimensions != nil), ("--weights", weights != nil)],
                  "with --index: the index's own weighting and LSA dimensions apply")
        } else if usesPipeline {
            given([("--weighting", weighting != .tfidf), ("--dimensions", dimensions != nil), ("--lexical-weight", lexicalWeight != 0.5)],
                  weights != nil ? "with --weights: the weights file sets the features, their weights and the LSA dimensions"
                      : "with --ranking learned: its weights set the features and the LSA dimensions")
            return warnings
        } else if let dimensions, ranking == .lexical {
            warnings.append("--dimensions \(dimensions) has no effect with lexical ranking (no LSA is built); use --ranking semantic or fused")
        }
        if lexicalWeight != 0.5 && ranking != .fused {
            warnings.append("--lexical-weight \(lexicalWeight) has no effect with --ranking \(ranking.rawValue); it weighs fused ranking only")
        }
        return warnings
    }

    /// A warning when the LSA model of `matcher` keeps every dimension its documents span
    /// (`--dimensions`, or the default 256, at or above the number of documents or distinct
    /// terms): the semantic scores are then the cosines of the weighted term vectors themselves,
    /// so with TF-IDF semantic and fused ranking order documents as TF-IDF does, only slower.
    package func fullRankWarning(for matcher: TextMatcher) -> String? {
        guard ranking != .lexical, !usesPipeline, let model = matcher.semanticModel else { return nil }
        let documents = matcher.documentIDs.count
        let terms = matcher.terms.statistics.terms.count
        guard min(documents, terms) > 0, textDimensions >= min(documents, terms) else { return nil }
        let option = "--dimensions \(textDimensions)" + (dimensions == nil ? " (the default)" : "")
        let bound = documents <= terms ? "\(documents) documents" : "\(terms) distinct terms"
        let effect = weighting == .tfidf
            ? "\(ranking.rawValue) ranking equals TF-IDF"
            : "its \(ranking.rawValue) scores are plain cosines of the BM25 vectors (only shared terms count)"
        return "\(option) ≥ \(bound): LSA keeps all \(model.dimensions) and \(effect); choose fewer dimensions"
    }

    /// The ranking mode these options select.
    package var mode: TextRanking {
        switch ranking {
        case .lexical: return .lexical
        case .semantic: return .semantic
        case .fused: return .fused(lexicalWeight: lexicalWeight)
        case .learned: return .lexical  // the pipeline ranks; a text matcher alone falls back to its lexical scores
        }
    }

    /// Ranks free text with these options: by the ranking pipeline in the plain-document
    /// configuration the weights need (`documentWeights()`), else by a text matcher in the
    /// chosen mode.
    ///
    /// - Parameter explains: Whether results carry their matched terms (a TREC run needs none,
    ///   and finding them costs the pipeline more than ranking does).
    package func makeRanker(corpus: Corpus, analyzer: Analyzer, explains: Bool = true) throws -> (String, Int) -> [TextMatch] {
        guard let fitted = try documentWeights() else {
            let matcher = try makeMatcher(corpus: corpus, analyzer: analyzer)
            if let warning = fullRankWarning(for: matcher) { printError("warning: " + warning) }
            let mode = self.mode
            return { text, top in matcher.match(text: text, top: top, ranking: mode, explainedTerms: explains ? 5 : 0) }
        }
        let pipeline = try Recommender(corpus: corpus, analyzer: analyzer, lsaDimensions: fitted.lsaDimensions, configuration: fitted.configuration,
                                       parallelism: threads.map(Parallelism.init(threads:)) ?? .automatic)
        guard explains else {
            return { text, top in
                pipeline.shortlist(QueryContext(text: text), target: .achievement, top: top, weights: fitted.weights, filters: .init())
                    .map { TextMatch(documentID: $0.id, score: $0.score, matchedTerms: []) }
            }
        }
        return { text, top in
            pipeline.recommend(text: text, target: .achievement, top: top, weights: fitted.weights).map {
                TextMatch(documentID: $0.id, score: $0.score, matchedTerms: $0.explanation.matchedTerms)
            }
        }
    }

    /// A matcher for the corpus at `path`, loaded from the cache in `path/.duijie/` when one was
    /// built from the same corpus with the same options and analyzer, else built (and cached,
    /// if possible). `fingerprint` must be the corpus's fingerprint taken *before* `corpus` was
    /// loaded: a corpus replaced during the load then stamps the cache with the old contents'
    /// fingerprint, which the next run does not match, so stale results are never served.
    /// Prints `fullRankWarning(for:)` when there is one.
    package func cachedMatcher(corpusPath: String, corpus: Corpus, fingerprint: String, analyzer: Analyzer, useCache: Bool) throws -> TextMatcher {
        let matcher = try loadOrBuildMatcher(corpusPath: corpusPath, corpus: corpus, fingerprint: fingerprint, analyzer: analyzer, useCache: useCache)
        if let warning = fullRankWarning(for: matcher) { printError("warning: " + warning) }
        return matcher
    }

    private func loadOrBuildMatcher(corpusPath: String, corpus: Corpus, fingerprint: String, analyzer: Analyzer, useCache: Bool) throws -> TextMatcher {
        var isDirectory: ObjCBool = false
        guard useCache, !usesPipeline, FileManager.default.fileExists(atPath: corpusPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            return try makeMatcher(corpus: corpus, analyzer: analyzer)
        }
        let options = analyzer.options
        let key = [weighting.rawValue, String(ranking == .lexical ? 0 : textDimensions), options.mode.rawValue,
                   options.includesUnigrams ? "u" : "", options.stemsEnglish ? "s" : "", options.simplifiesChinese ? "t" : "",
                   analyzer.fingerprint].joined(separator: "-")
        let directory = FilePath(corpusPath).appending(".duijie").string
        let path = FilePath(directory).appending("match-\(key).index").string
        if FileManager.default.fileExists(atPath: path), let cached = try? TextIndex.load(path),
           cached.metadata.corpusFingerprint == fingerprint, cached.matcher.documentIDs == corpus.achievements.map(\.id) {
            return cached.matcher
        }
        let matcher = try makeMatcher(corpus: corpus, analyzer: analyzer)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try TextIndex.write(matcher, titles: corpus.achievements.map(\.title), corpusFingerprint: fingerprint, to: path)
        } catch {
            printError("warning: cannot cache the index in \(directory) (\(error)); continuing without")
        }
        return matcher
    }

    /// Builds a matcher over `corpus` with these options.
    package func makeMatcher(corpus: Corpus, analyzer: Analyzer) throws -> TextMatcher {
        let scheme: TermWeighting = weighting == .bm25 ? .bm25(BM25Options()) : .tfidf(TFIDFOptions(sublinearTF: true))
        let semantic = ranking == .lexical ? nil : RandomizedSVD.Options(rank: textDimensions)
        return try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: scheme, semantic: semantic,
                               parallelism: threads.map(Parallelism.init(threads:)) ?? .automatic)
    }
}
