import DuijieBase
import DuijieCorpus
import DuijieEvaluation
import DuijieVectors
import Foundation

extension QualitySuite {
    /// A paper of CSL's `csl_sample.tsv`: title, abstract, keywords (joined by `_`), discipline, category.
    struct Paper {
        let title: String
        let abstract: String
        let keywords: [String]
        let discipline: String
        let category: String
    }

    static func cslPapers(datasets: String) throws(DuijieError) -> [Paper] {
        let path = datasets + "/csl/csl_sample.tsv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DuijieError(.io, "\(path): cannot read the CSL sample (is ../shared/datasets beside the repository?)")
        }
        var papers: [Paper] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 5 else {
                throw DuijieError(.invalidInput, "\(path):\(index + 1): expected 5 tab-separated columns, found \(columns.count)")
            }
            papers.append(Paper(title: columns[0], abstract: columns[1], keywords: columns[2].split(separator: "_").map(String.init),
                                discipline: columns[3], category: columns[4]))
        }
        return papers
    }

    /// A seeded sample of `count` indices out of `0..<total`, sorted.
    static func sample(_ total: Int, count: Int, seed: UInt64) -> [Int] {
        var generator = SplitMix64(seed: seed)
        var order = Array(0..<total)
        order.seededShuffle(using: &generator)
        return order.prefix(min(count, total)).sorted()
    }

    /// Removes every occurrence of a set of phrases from texts (for suites whose query phrase
    /// must not be found verbatim), in one pass per text: at each character, the longest phrase
    /// starting there is replaced by a space.
    struct PhraseHider {
        private let phrasesByFirstCharacter: [Character: [[Character]]]

        init(_ phrases: [String]) {
            var grouped: [Character: [[Character]]] = [:]
            for phrase in Set(phrases) where !phrase.isEmpty { grouped[phrase.first!, default: []].append(Array(phrase)) }
            phrasesByFirstCharacter = grouped.mapValues { $0.sorted { $0.count > $1.count } }
        }

        func hide(in text: String) -> String {
            let characters = Array(text)
            var output = ""
            output.reserveCapacity(text.utf8.count)
            var index = 0
            while index < characters.count {
                if let candidates = phrasesByFirstCharacter[characters[index]],
                   let match = candidates.first(where: { index + $0.count <= characters.count && Array(characters[index..<(index + $0.count)]) == $0 }) {
                    output.append(" ")
                    index += match.count
                } else {
                    output.append(characters[index])
                    index += 1
                }
            }
            return output
        }
    }

    /// CSL papers. Documents are the abstracts alone. Known-item: a paper's title must find its
    /// own abstract. Topical: a title against the other papers, same discipline grade 2, same
    /// category only grade 1.
    static func csl(topical: Bool, datasets: String, queryCount: Int, seed: UInt64) throws(DuijieError) -> QualitySuite {
        let papers = try cslPapers(datasets: datasets)
        let achievements = papers.enumerated().map { Achievement(id: "csl-\($0.offset)", title: "", abstract: $0.element.abstract) }
        var qrels = Qrels()
        var queries: [Query] = []
        for index in sample(papers.count, count: queryCount, seed: seed) {
            let queryID = "q-\(index)"
            queries.append(Query(id: queryID, text: papers[index].title, excludedDocument: topical ? "csl-\(index)" : nil))
            if topical {
                for (other, paper) in papers.enumerated() where other != index {
                    if paper.discipline == papers[index].discipline {
                        qrels.setGrade(2, query: queryID, document: "csl-\(other)")
                    } else if paper.category == papers[index].category {
                        qrels.setGrade(1, query: queryID, document: "csl-\(other)")
                    }
                }
            } else {
                qrels.setGrade(1, query: queryID, document: "csl-\(index)")
            }
        }
        return QualitySuite(name: topical ? "csl-topical" : "csl-known-item", corpus: Corpus(achievements: achievements), queries: queries, qrels: qrels)
    }

    /// CSL keywords: an author keyword carried by 5–50 papers is the query; the papers carrying it
    /// are relevant. Every query keyword is removed from all titles and abstracts, so a paper must
    /// be found by what it is about, not by the keyword's string.
    static func cslKeyword(datasets: String, queryCount: Int, seed: UInt64) throws(DuijieError) -> QualitySuite {
        let papers = try cslPapers(datasets: datasets)
        var carriers: [String: [Int]] = [:]
        for (index, paper) in papers.enumerated() {
            for keyword in Set(paper.keywords) where keyword.count >= 2 { carriers[keyword, default: []].append(index) }
        }
        let eligible = carriers.filter { (5...50).contains($0.value.count) }.keys.sorted()
        let chosen = sample(eligible.count, count: queryCount, seed: seed).map { eligible[$0] }
        let hider = PhraseHider(chosen)
        let achievements = papers.enumerated().map { index, paper in
            Achievement(id: "csl-\(index)", title: hider.hide(in: paper.title), abstract: hider.hide(in: paper.abstract))
        }
        var qrels = Qrels()
        var queries: [Query] = []
        for (number, keyword) in chosen.enumerated() {
            let queryID = "k-\(number)"
            queries.append(Query(id: queryID, text: keyword))
            for index in carriers[keyword]! { qrels.setGrade(1, query: queryID, document: "csl-\(index)") }
        }
        return QualitySuite(name: "csl-keyword", corpus: Corpus(achievements: achievements), queries: queries, qrels: qrels)
    }
}

extension QualitySuite {
    /// CSL problem statements: a paper's abstract (what was studied, how and what for: the shape
    /// of a demand's description, a paragraph rather than a title) against the other papers'
    /// titles and abstracts; a paper is relevant when it carries an author keyword of the query
    /// paper, graded by how many it shares (at most 3). Author keywords are not indexed, so they
    /// count only where the authors also wrote them in a title or abstract. Queries are sampled
    /// from the papers that share a keyword with another, so every query is answerable.
    static func cslProblem(datasets: String, queryCount: Int, seed: UInt64) throws(DuijieError) -> QualitySuite {
        let papers = try cslPapers(datasets: datasets)
        var carriers: [String: [Int]] = [:]
        for (index, paper) in papers.enumerated() {
            for keyword in Set(paper.keywords) where keyword.count >= 2 { carriers[keyword, default: []].append(index) }
        }
        func shared(_ index: Int) -> [Int: Int] {
            var counts: [Int: Int] = [:]
            for keyword in Set(papers[index].keywords) where keyword.count >= 2 {
                for other in carriers[keyword]! where other != index { counts[other, default: 0] += 1 }
            }
            return counts
        }
        let answerable = papers.indices.filter { !shared($0).isEmpty }
        let achievements = papers.enumerated().map { Achievement(id: "csl-\($0.offset)", title: $0.element.title, abstract: $0.element.abstract) }
        var qrels = Qrels()
        var queries: [Query] = []
        for position in sample(answerable.count, count: queryCount, seed: seed) {
            let index = answerable[position]
            let queryID = "p-\(index)"
            queries.append(Query(id: queryID, text: papers[index].abstract, excludedDocument: "csl-\(index)"))
            for (other, count) in shared(index) { qrels.setGrade(min(3, count), query: queryID, document: "csl-\(other)") }
        }
        return QualitySuite(name: "csl-problem", corpus: Corpus(achievements: achievements), queries: queries, qrels: qrels)
    }
}
