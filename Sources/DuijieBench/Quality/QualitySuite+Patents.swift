import DuijieBase
import DuijieCorpus
import DuijieEvaluation
import DuijieJSON
import Foundation

extension QualitySuite {
    /// KPPatent-ZH (`data_A.json`: `input` = "摘要：" + abstract, `output` = comma-separated
    /// keyphrases). Keyphrase suite: a keyphrase of 2+ characters carried by 5–50 patents is the
    /// query, the patents carrying it are relevant, and every query keyphrase is hidden from the
    /// indexed abstracts. Related suite: a patent's abstract is the query; the other patents
    /// sharing keyphrases with it are relevant, graded by how many they share (at most 3).
    static func patents(related: Bool, datasets: String, queryCount: Int, seed: UInt64) throws(DuijieError) -> QualitySuite {
        let path = datasets + "/kppatent-zh/data_A.json"
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        let parsed: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) { return .success(try JSONParser.parse(buffer)) } catch { return .failure(error) }
        }
        let value: JSONValue
        switch parsed {
        case .success(let parsedValue): value = parsedValue
        case .failure(let error): throw DuijieError(.invalidInput, "\(path): malformed JSON at byte \(error.column): \(error.message)")
        }
        guard case .array(let records) = value else { throw DuijieError(.invalidInput, "\(path): expected a JSON array of records") }
        var abstracts: [String] = []
        var phrases: [[String]] = []
        for (index, record) in records.enumerated() {
            guard case .string(let input)? = record["input"], case .string(let output)? = record["output"] else {
                throw DuijieError(.invalidInput, "\(path): record \(index + 1) lacks an \"input\" or \"output\" string")
            }
            abstracts.append(input.hasPrefix("摘要：") ? String(input.dropFirst(3)) : input)
            phrases.append(Array(Set(output.split(whereSeparator: { $0 == "," || $0 == "，" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 2 })).sorted())
        }
        var carriers: [String: [Int]] = [:]
        for (index, list) in phrases.enumerated() { for phrase in list { carriers[phrase, default: []].append(index) } }
        var qrels = Qrels()
        var queries: [Query] = []
        if related {
            let achievements = abstracts.enumerated().map { Achievement(id: "pat-\($0.offset)", title: "", abstract: $0.element) }
            for index in sample(abstracts.count, count: queryCount, seed: seed) {
                var shared: [Int: Int] = [:]
                for phrase in phrases[index] { for other in carriers[phrase]! where other != index { shared[other, default: 0] += 1 } }
                guard !shared.isEmpty else { continue }
                let queryID = "p-\(index)"
                queries.append(Query(id: queryID, text: abstracts[index], excludedDocument: "pat-\(index)"))
                for (other, count) in shared { qrels.setGrade(min(count, 3), query: queryID, document: "pat-\(other)") }
            }
            return QualitySuite(name: "patent-related", corpus: Corpus(achievements: achievements), queries: queries, qrels: qrels)
        }
        let eligible = carriers.filter { (5...50).contains($0.value.count) }.keys.sorted()
        let chosen = sample(eligible.count, count: queryCount, seed: seed).map { eligible[$0] }
        let hider = PhraseHider(chosen)
        let achievements = abstracts.enumerated().map { Achievement(id: "pat-\($0.offset)", title: "", abstract: hider.hide(in: $0.element)) }
        for (number, phrase) in chosen.enumerated() {
            let queryID = "kp-\(number)"
            queries.append(Query(id: queryID, text: phrase))
            for index in carriers[phrase]! { qrels.setGrade(1, query: queryID, document: "pat-\(index)") }
        }
        return QualitySuite(name: "patent-keyphrase", corpus: Corpus(achievements: achievements), queries: queries, qrels: qrels)
    }
}
