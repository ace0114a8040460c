import ArgumentParser
import Duijie
import DuijieText
import DuijieVectors

/// Options shared by the commands that rank achievements (`match`, `run`).
struct RankingOptions: ParsableArguments {
    @Option(help: "Term weighting: tfidf (sublinear tf, smooth idf, l2) or bm25.")
    var weighting: WeightingChoice = .tfidf

    @Option(help: "Ranking: lexical (TF-IDF/BM25), semantic (LSA) or fused.")
    var ranking: RankingChoice = .lexical

    @Option(help: "LSA dimensions for semantic and fused ranking.")
    var dimensions = 256

    @Option(help: "Weight of the lexical score in fused ranking (0–1).")
    var lexicalWeight: Float = 0.5

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(help: "A weights file from `duijie tune`: rank by its weighted TF-IDF, BM25 and LSA scores (overrides --ranking).")
    var weights: String?

    enum WeightingChoice: String, ExpressibleByArgument, CaseIterable { case tfidf, bm25 }
    enum RankingChoice: String, ExpressibleByArgument, CaseIterable { case lexical, semantic, fused }

    func validate() throws {
        if dimensions < 1 { throw ValidationError("--dimensions must be at least 1") }
        if !(0...1).contains(lexicalWeight) { throw ValidationError("--lexical-weight must be between 0 and 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// The ranking mode these options select.
    var mode: TextRanking {
        switch ranking {
        case .lexical: return .lexical
        case .semantic: return .semantic
        case .fused: return .fused(lexicalWeight: lexicalWeight)
        }
    }

    /// Ranks free text with these options: a fused matcher when `--weights` is given, else a
    /// text matcher in the chosen mode.
    func makeRanker(corpus: Corpus, analyzer: Analyzer) throws -> (String, Int) -> [TextMatch] {
        guard let weights else {
            let matcher = try makeMatcher(corpus: corpus, analyzer: analyzer)
            let mode = self.mode
            return { text, top in matcher.match(text: text, top: top, ranking: mode) }
        }
        let fitted: FusionWeights
        do { fitted = try FusionWeights.load(weights) } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let fused = try FusedMatcher(corpus: corpus, analyzer: analyzer, lsaDimensions: fitted.lsaDimensions, includesGraph: fitted.graph > 0,
                                     parallelism: threads.map(Parallelism.init(threads:)) ?? .automatic)
        return { text, top in
            fused.match(text: text, top: top, weights: fitted).map {
                TextMatch(achievementID: $0.achievementID, score: $0.score, matchedTerms: fused.tfidf.explain(text: text, achievementID: $0.achievementID))
            }
        }
    }

    /// Builds a matcher over `corpus` with these options.
    func makeMatcher(corpus: Corpus, analyzer: Analyzer) throws -> TextMatcher {
        let scheme: TermWeighting = weighting == .bm25 ? .bm25(BM25Options()) : .tfidf(TFIDFOptions(sublinearTF: true))
        let semantic = ranking == .lexical ? nil : RandomizedSVD.Options(rank: dimensions)
        return try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: scheme, semantic: semantic,
                               parallelism: threads.map(Parallelism.init(threads:)) ?? .automatic)
    }
}
