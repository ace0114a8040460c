@testable import DuijieCorpus
import DuijieEvaluation
import DuijieTestSupport
import Foundation
import Testing

/// The bundled demo corpus meets what the foundation issue asks of it.
@Suite struct DemoCorpusTests {
    let result: CorpusLoadResult
    init() throws {
        result = try CorpusLoader.load(RepositoryFiles.demoCorpus)
    }

    @Test func loadsWithoutErrorsOrWarnings() {
        #expect(result.issues.isEmpty, "\(result.issues.prefix(10))")
    }

    @Test func hasTheRequiredNumberOfRecords() {
        let corpus = result.corpus
        #expect(corpus.achievements.count >= 200)
        #expect(corpus.demands.count >= 120)
        #expect(corpus.experts.count >= 150)
        #expect(corpus.institutions.count >= 40)
        #expect(corpus.enterprises.count >= 80)
        #expect(corpus.relations.count >= 300)
    }

    @Test func taxonomiesHavePairingsAndSynonyms() {
        let corpus = result.corpus
        #expect(corpus.regions.contains { $0.id == "R-LN-DL" && $0.paired == ["R-SH"] })
        #expect(corpus.fields.first { $0.id == "F-IC" }?.synonyms.contains("芯片") == true)
        // Every park and district sits below a city, every city below a province.
        for region in corpus.regions where region.level == .district || region.level == .park || region.level == .city {
            #expect(region.parent != nil, "\(region.id) has no parent")
        }
    }

    @Test func aboutOneRecordInTenIsEnglishAndSomeAreTraditional() {
        let texts = result.corpus.achievements.map { $0.title + ($0.abstract ?? "") }
            + result.corpus.demands.map { $0.title + ($0.description ?? "") }
        let english = texts.filter { !$0.unicodeScalars.contains(where: Self.isHan) }.count
        let share = Double(english) / Double(texts.count)
        #expect(share >= 0.05 && share <= 0.2, "English share \(share)")
        // Characters written only in traditional Chinese (their simplified forms differ).
        let traditional: Set<Character> = ["與", "體", "電", "車", "術", "機", "點", "發", "們", "產", "業", "應", "檢", "測", "統", "質", "變", "當", "網", "為"]
        let traditionalCount = texts.filter { $0.contains(where: traditional.contains) }.count
        #expect(traditionalCount >= 3)
    }

    @Test func judgmentsCoverAtLeastSixtyDemandsWithValidIDsAndGrades() throws {
        for (file, candidateKind) in [("demand-achievement.qrels", RecordKind.achievement), ("demand-expert.qrels", .expert)] {
            let text = try String(contentsOfFile: RepositoryFiles.demoCorpus + "/qrels/" + file, encoding: .utf8)
            let qrels = try Qrels(parsing: text, fileName: file)
            #expect(qrels.queryIDs.count >= 60, "\(file)")
            for query in qrels.queryIDs {
                #expect(result.corpus.kind(of: query) == .demand, "\(file): \(query)")
                for (candidate, grade) in qrels.judgments[query]! {
                    #expect(result.corpus.kind(of: candidate) == candidateKind, "\(file): \(candidate)")
                    #expect((0...3).contains(grade))
                }
            }
            // Most judged demands have a relevant answer; a few are left without one on purpose.
            let answered = qrels.queryIDs.filter { query in qrels.judgments[query]!.values.contains { $0 >= 2 } }
            #expect(Double(answered.count) >= 0.8 * Double(qrels.queryIDs.count))
        }
    }

    private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
