import Duijie
import DuijieTestSupport
import Foundation
import Testing

/// The examples of docs/library.md, compiled through the umbrella module and run. Each test's
/// body between its `example` markers must equal a Swift block of the page, line for line
/// (indentation aside), so the page cannot drift from code that builds.
@Suite struct LibraryExampleTests {
    @Test func theExamplesRunAndGiveWhatThePageSays() throws {
        // example: load
        let result = try CorpusLoader.load("Corpus/demo")
        for issue in result.issues { print(issue) }          // file:line: field: message
        let corpus = result.corpus
        let demand = corpus.demand("D-1012")!
        print(demand.title, corpus.enterprise(demand.enterprise)?.name ?? "")
        // end
        #expect(!result.hasErrors && demand.id == "D-1012")

        // example: shortlist
        let bigrams = try TextResources.makeAnalyzer()
        // Explanations in words (动力电池梯次利用, not 力电 梯次 梯) need the jieba dictionary.
        let recommender = try Recommender(corpus: corpus, analyzer: bigrams, sharedWords: try TextResources.sharedWords(for: bigrams))
        for result in recommender.recommend(demand: "D-1012", target: .achievement, top: 5) ?? [] {
            let terms = result.explanation.matchedTerms.map(\.term).joined(separator: " ")
            let reasons = result.explanation.reasons.map { $0.sentence(chinese: true) }
            print(result.id, result.score, terms, reasons, result.explanation.path ?? [])
        }
        let experts = recommender.recommend(text: "废旧锂电池回收", target: .expert, top: 3)
        // end
        #expect(experts.count == 3 && experts.allSatisfy { corpus.expert($0.id) != nil })

        // example: workbook
        let sheets = ["D-1012", "D-1001"].map { id in
            let demand = corpus.demand(id)!
            let shortlist = recommender.recommend(demand: id, target: .achievement, top: 10) ?? []
            let rows: [[Worksheet.Cell]] = shortlist.enumerated().map { rank, result in
                let reasons = ["匹配词：" + result.explanation.matchedTerms.map(\.term).joined(separator: "、"),
                               "地域：" + result.explanation.regionRelation.name(chinese: true)]
                return [.number(Double(rank + 1)), .text(corpus.displayName(of: result.id)), Worksheet.Cell(result.score),
                        .text(reasons.joined(separator: "\n"))]
            }
            return Worksheet(name: demand.title, title: "\(demand.id)：\(demand.title)",
                             header: ["排名", "成果", "得分", "推荐理由"], rows: rows)
        }
        try Workbook(sheets).write(to: NSTemporaryDirectory() + "shortlists.xlsx")
        // end
        #expect(sheets.count == 2 && sheets.allSatisfy { !$0.rows.isEmpty && $0.rows.count <= 10 })
        #expect(FileManager.default.fileExists(atPath: NSTemporaryDirectory() + "shortlists.xlsx"))
        try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "shortlists.xlsx")

        // example: live
        let indexPath = NSTemporaryDirectory() + "demo.index"
        try RecommenderIndex.write(recommender, corpusDirectory: "Corpus/demo",
                                   corpusFingerprint: TextIndex.fingerprint(ofCorpus: "Corpus/demo"), to: indexPath)
        let live = try LiveRecommender(path: indexPath)     // a server keeps one open
        var changes = RecordChanges()
        changes.additions = [.init(kind: .demand, json: #"{"id":"D-2001","enterprise":"C-1001","title":"海上风电基础防腐与腐蚀监测"}"#)]
        changes.removals = ["A-1038"]
        try live.update(changes)                            // commits generation 1, then serves it
        let snapshot = live.snapshot                        // one generation, whole, for one query
        let shortlist = snapshot.recommender.recommend(demand: "D-2001", target: .achievement, top: 5) ?? []
        // end
        #expect(snapshot.generation == 1 && shortlist.count == 5 && !shortlist.contains { $0.id == "A-1038" })
        for suffix in ["", ".live", ".lock", ".seg-1"] { try? FileManager.default.removeItem(atPath: indexPath + suffix) }

        // example: text
        let analyzer = try TextResources.makeAnalyzer(options: AnalyzerOptions(mode: .dictionary))
        let terms = analyzer.terms("退役鋰電池梯次利用")        // ["退役", "锂电池", "梯次利用"]
        let matcher = try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: .bm25(BM25Options()))
        for hit in matcher.match(text: "废旧锂电池回收", top: 5) {
            print(hit.documentID, hit.score, hit.matchedTerms.map(\.term))
        }
        // end
        #expect(terms == ["退役", "锂电池", "梯次利用"])  // the comment on the page says so

        // example: vectors
        let a = DenseMatrix([[1, 2, 3], [4, 5, 6]])
        let gram = BLAS.product(a, transposeA: true, a)       // cblas_sgemm: 3 × 3
        let svd = try SingularValueDecomposition(a)           // LAPACKE_sgesdd: u, singularValues, vt
        // end
        // AᵀA[0][0] = 1·1 + 4·4 = 17 (by hand); the singular values of A are √(σ² of AᵀA).
        #expect(gram.rows == 3 && gram.columns == 3 && gram[0, 0] == 17)
        #expect(svd.singularValues.count == 2)
    }

    @Test func thePageShowsExactlyTheCodeTheTestRuns() throws {
        func lines(_ text: Substring) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        let page = try String(contentsOfFile: RepositoryFiles.path("docs/library.md"), encoding: .utf8)
        let blocks = page.components(separatedBy: "```swift\n").dropFirst().map { Substring($0.components(separatedBy: "```")[0]) }
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let examples = source.components(separatedBy: "// " + "example: ").dropFirst().map {
            Substring($0.components(separatedBy: "// end")[0]).drop { $0 != "\n" }
        }
        #expect(blocks.count == 6 && examples.count == blocks.count)
        for (block, example) in zip(blocks, examples) {
            #expect(lines(block) == lines(example))
        }
    }
}
