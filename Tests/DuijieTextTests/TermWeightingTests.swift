import DuijieBase
@testable import DuijieText
import DuijieVectors
import Foundation
import Testing

@Suite struct TermWeightingTests {
    /// scikit-learn's output for the same token lists; made by
    /// Benchmarks/reference/tfidf_reference.py (its docstring gives the commands).
    struct Reference: Decodable {
        struct Config: Decodable {
            let name: String
            let smooth_idf: Bool
            let sublinear_tf: Bool
            let norm: String?
            let min_df: Double
            let max_df: Double
            let vocabulary: [String]
            let idf: [Double]
            let rows: [[[Entry]]]
        }
        enum Entry: Decodable {
            case term(String)
            case value(Double)
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) { self = .term(text) } else { self = .value(try container.decode(Double.self)) }
            }
        }
        let documents: [[String]]
        let configs: [Config]
    }

    static func loadReference() throws -> Reference {
        let url = try #require(Bundle.module.url(forResource: "tfidf-sklearn", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    @Test func tfidfEqualsScikitLearnToOneMillionth() throws {
        let reference = try Self.loadReference()
        let documents = reference.documents.map(AnalyzedDocument.init(terms:))
        #expect(reference.configs.count == 4)
        for config in reference.configs {
            let maxDF: DocumentFrequencyBound = config.max_df == 1 ? .proportion(1) : .proportion(config.max_df)
            let counts = TermCounts(documents: documents, minimumDocumentFrequency: .count(Int(config.min_df)),
                                    maximumDocumentFrequency: maxDF, parallelism: Parallelism(threads: 2))
            let weighted = WeightedTerms(statistics: counts, weighting: .tfidf(TFIDFOptions(
                smoothIDF: config.smooth_idf, sublinearTF: config.sublinear_tf, normalizes: config.norm == "l2")))
            #expect(counts.terms == config.vocabulary, "\(config.name): vocabulary")
            for (ours, theirs) in zip(weighted.inverseDocumentFrequencies, config.idf) {
                #expect(abs(Double(ours) - theirs) < 1e-6, "\(config.name): idf")
            }
            var compared = 0
            for (row, entries) in config.rows.enumerated() {
                let ours = weighted.documents!.row(row)
                #expect(ours.count == entries.count, "\(config.name): row \(row) size")
                for (entry, mine) in zip(entries, ours) {
                    guard case .term(let term) = entry[0], case .value(let value) = entry[1] else { continue }
                    #expect(counts.terms[Int(mine.column)] == term)
                    #expect(abs(Double(mine.value) - value) < 1e-6 * max(1, abs(value)), "\(config.name): row \(row) \(term)")
                    compared += 1
                }
            }
            #expect(compared > 500, "\(config.name): compared \(compared) values")
        }
    }

    @Test func queryVectorsAreWeightedLikeDocuments() throws {
        let reference = try Self.loadReference()
        let documents = reference.documents.map(AnalyzedDocument.init(terms:))
        let weighted = WeightedTerms(statistics: TermCounts(documents: documents), weighting: .tfidf(TFIDFOptions()))
        // A document given again as a query gets exactly its own row.
        let query = weighted.queryVector(documents[3])
        let row = weighted.documents!.row(3)
        #expect(query.map(\.term) == row.map(\.column))
        for (q, d) in zip(query, row) { #expect(abs(q.weight - d.value) < 1e-6) }
        #expect(weighted.queryVector(AnalyzedDocument(terms: ["不在词表里的词"])).isEmpty)
    }

    @Test func bm25MatchesAHandComputation() {
        // Three documents; term "a" is in documents 0 and 1. n = 3, df = 2:
        // idf = ln(1 + (3 − 2 + 0.5) / (2 + 0.5)) = ln 1.6 = 0.470004.
        // Lengths 3, 1, 2 → avgdl = 2. Document 0 has tf("a") = 2, dl = 3:
        // weight = 0.470004 · 2 · 2.2 / (2 + 1.2 · (0.25 + 0.75 · 1.5)) = 0.470004 · 4.4 / 3.65 = 0.566580.
        let documents = [["a", "a", "b"], ["a"], ["c", "d"]].map(AnalyzedDocument.init(terms:))
        let weighted = WeightedTerms(statistics: TermCounts(documents: documents), weighting: .bm25(BM25Options()))
        let a = try! #require(weighted.statistics.id(of: "a"))
        #expect(abs(weighted.inverseDocumentFrequencies[Int(a)] - 0.470_004) < 1e-6)
        #expect(abs(weighted.documents![0, Int(a)] - 0.566_580) < 1e-5)
        #expect(weighted.queryVector(AnalyzedDocument(terms: ["a", "a", "zzz"])).map(\.weight) == [2])
    }

    @Test func fieldWeightsMultiplyCounts() {
        let document = AnalyzedDocument(fields: [["电池"], ["电池", "回收"]])
        let counts = TermCounts(documents: [document], fieldWeights: [3, 1])
        #expect(counts.counts?.row(0).map(\.value) == [1, 4])  // 回收 once in the body; 电池 3 + 1
        #expect(counts.terms == ["回收", "电池"])
    }

    @Test func countsAreIdenticalForAnyThreadCount() throws {
        let reference = try Self.loadReference()
        let documents = Array(repeating: reference.documents, count: 20).flatMap { $0 }.map(AnalyzedDocument.init(terms:))
        let serial = TermCounts(documents: documents, parallelism: .serial)
        let parallel = TermCounts(documents: documents, parallelism: Parallelism(threads: 4))
        #expect(serial.counts == parallel.counts && serial.terms == parallel.terms)
    }

    @Test func countsAcrossManyChunksEqualADirectTally() {
        // 12,000 documents (six chunks of the streaming count, merged in two groups of four on two
        // threads) of random terms; every row and document frequency is compared with a plain
        // dictionary tally of the same documents.
        var random = SplitMix64(seed: 9)
        let documents = (0..<12_000).map { _ in (0..<Int.random(in: 0...12, using: &random)).map { _ in "t\(Int.random(in: 0..<3_000, using: &random))" } }
        let counts = TermCounts(count: documents.count, document: { AnalyzedDocument(terms: documents[$0]) }, parallelism: Parallelism(threads: 2))
        var frequency: [String: Int32] = [:]
        for (row, terms) in documents.enumerated() {
            let tally = Dictionary(terms.map { ($0, Float(1)) }, uniquingKeysWith: +)
            for term in tally.keys { frequency[term, default: 0] += 1 }
            let stored = Dictionary(uniqueKeysWithValues: counts.counts!.row(row).map { (counts.terms[Int($0.column)], $0.value) })
            #expect(stored == tally)
        }
        #expect(counts.terms.count == frequency.count && Set(counts.terms) == Set(frequency.keys))
        for (index, term) in counts.terms.enumerated() { #expect(counts.documentFrequencies[index] == frequency[term]) }
        // Weighting keeps the vocabulary and lets the raw counts go.
        let weighted = WeightedTerms(statistics: counts, weighting: .tfidf(TFIDFOptions()))
        #expect(weighted.statistics.counts == nil && weighted.statistics.terms == counts.terms && weighted.statistics.documentCount == 12_000)
        #expect(weighted.documents!.rowOffsets == counts.counts!.rowOffsets)
    }

    @Test func emptyCollectionsAndEmptyDocuments() {
        let empty = TermCounts(documents: [])
        #expect(empty.terms.isEmpty && empty.counts?.rows == 0)
        let withBlank = WeightedTerms(statistics: TermCounts(documents: [AnalyzedDocument(terms: []), AnalyzedDocument(terms: ["x1"])]),
                                      weighting: .tfidf(TFIDFOptions()))
        #expect(withBlank.documents!.row(0).isEmpty)
        #expect(withBlank.documents!.values.allSatisfy { $0.isFinite })
    }
}
