import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieEvaluation
import DuijieRanking
import DuijieText
import Foundation
import SystemPackage

/// `DuijieBench explanations --corpus DIR`: how readable the matched terms of explanations are.
struct ExplanationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explanations",
        abstract: "Measure the share of explanations' matched terms that read as words, with shared words and with scoring terms.",
        discussion: """
        Every demand of the corpus gets its shortlists of achievements and experts (top 10). A shown \
        term reads as words when the dictionary tokenizer (jieba dictionary and the domain lexicon) \
        cuts it into dictionary words of two or more characters only, or it is one word of another \
        script; a lone character, or a pair like 力电 that straddles two words, does not. Printed for \
        the explanations Duijie shows (shared words) and for the scoring terms of the bigram \
        tokenizer, which explanations showed before.
        """
    )

    @Option(help: "The corpus directory.") var corpus = "Corpus/demo"
    @Option(help: "Shortlist length per demand and target.") var top = 10
    @Flag(help: "Print every term that does not read as words.") var listMisses = false

    func validate() throws {
        try CountLimits.check(top, "--top", in: CountLimits.results)
    }

    func run() throws {
        let loaded = try CorpusLoader.loadValidated(corpus).corpus
        let analyzer = try TextResources.makeAnalyzer()
        let dictionary = try TextResources.makeAnalyzer(options: AnalyzerOptions(mode: .dictionary))
        let lexicon = try TextResources.loadLexicon(normalizer: dictionary.textNormalizer)
        let words = try Recommender(corpus: loaded, analyzer: analyzer, sharedWords: try TextResources.sharedWords(for: analyzer))
        func readsAsWords(_ term: String) -> Bool {
            let pieces = dictionary.terms(term)
            return !pieces.isEmpty && pieces.allSatisfy { piece in
                piece.unicodeScalars.count >= 2 && (lexicon.contains(Array(piece.unicodeScalars)) || !piece.unicodeScalars.contains { $0.value >= 0x3400 })
            }
        }
        var rows = [["explanations", "terms shown", "read as words", "share", "single characters"]]
        for (name, showsWords) in [("shared words (now)", true), ("bigram scoring terms (before)", false)] {
            var total = 0, readable = 0, single = 0
            var misses: [String: Int] = [:]
            for demand in loaded.demands {
                for target in [RecommendationTarget.achievement, .expert] {
                    for result in words.recommend(demand: demand.id, target: target, top: top) ?? [] {
                        let terms = showsWords
                            ? result.explanation.matchedTerms
                            : words.scoringTerms(forRecord: demand.id, id: result.id, target: target, limit: MatchedWords.shown)
                        for term in terms.map(\.term) {
                            total += 1
                            if term.count == 1 { single += 1 }
                            if readsAsWords(term) { readable += 1 } else { misses[term, default: 0] += 1 }
                        }
                    }
                }
            }
            rows.append([name, String(total), String(readable), String(format: "%.1f%%", 100 * Double(readable) / Double(max(total, 1))), String(single)])
            if listMisses {
                print("\(name): " + misses.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
            }
        }
        print(TextTable.render(rows, rightAligned: [1, 2, 3, 4]))
        try reportPaths(words, loaded)
        try reportWeakMatches(words, loaded)
    }

    /// Paths shown now against the strongest unrestricted paths shown before: how many, and
    /// how many of them pass through a region.
    private func reportPaths(_ recommender: Recommender, _ corpus: Corpus) throws {
        let graph = recommender.corpusGraph
        var before = 0, beforeThroughRegions = 0, now = 0, nowThroughRegions = 0, results = 0
        for demand in corpus.demands {
            for target in [RecommendationTarget.achievement, .expert] {
                for result in recommender.recommend(demand: demand.id, target: target, top: top) ?? [] {
                    results += 1
                    if let path = graph.path(from: demand.id, to: result.id, maximumHops: 4) {
                        before += 1
                        if path.dropFirst().dropLast().contains(where: { corpus.kind(of: $0) == .region }) { beforeThroughRegions += 1 }
                    }
                    if let path = result.explanation.path {
                        now += 1
                        if path.contains(where: { corpus.kind(of: $0) == .region }) { nowThroughRegions += 1 }
                    }
                }
            }
        }
        print(TextTable.render([
            ["paths", "results", "with a path", "through a region"],
            ["strongest path (before)", String(results), String(before), String(beforeThroughRegions)],
            ["through content, strength ≥ \(CorpusGraph.minimumPathStrength) (now)", String(results), String(now), String(nowThroughRegions)],
        ], rightAligned: [1, 2, 3]))
    }

    /// How the weak-match flag falls on the demo's judged demand → achievement shortlists.
    private func reportWeakMatches(_ recommender: Recommender, _ corpus: Corpus) throws {
        let path = FilePath(self.corpus).appending("qrels/demand-achievement.qrels").string
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let qrels = try Qrels(parsing: text, fileName: path)
        var flagged: [Int: Int] = [:], all: [Int: Int] = [:]
        for demand in qrels.queryIDs {
            for result in recommender.recommend(demand: demand, target: .achievement, top: top) ?? [] {
                let grade = qrels.grade(query: demand, document: result.id) ?? 0
                all[grade, default: 0] += 1
                if result.explanation.reasons.contains(.weakMatch) { flagged[grade, default: 0] += 1 }
            }
        }
        var rows = [["judged grade (demand → achievement, top \(top))", "results", "flagged weak"]]
        for grade in all.keys.sorted() { rows.append([String(grade), String(all[grade]!), String(flagged[grade] ?? 0)]) }
        print(TextTable.render(rows, rightAligned: [1, 2]))
    }
}
