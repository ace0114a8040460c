import DuijieBase
import DuijieCorpus
import DuijieJSON
import Foundation

/// A real text the generator draws titles, abstracts and keywords from: a CSL paper, a patent,
/// or (without the datasets) an achievement of the template corpus.
struct SourceDocument: Sendable {
    /// Where a source document comes from.
    enum Origin: Sendable { case paper, patent, template }

    let title: String
    /// The abstract split into sentences, each with its closing punctuation.
    let sentences: [String]
    let keywords: [String]
    let origin: Origin
    /// Mostly Latin script: English templates suit it better than Chinese ones.
    let isEnglish: Bool
    /// The fields the template gave it (template documents only).
    let templateFields: [String]

    init(title: String, abstract: String, keywords: [String], origin: Origin, templateFields: [String] = []) {
        self.title = SentenceSplitter.trimmed(title)
        self.sentences = SentenceSplitter.split(abstract)
        var seen = Set<String>()
        self.keywords = keywords.map(SentenceSplitter.trimmed).filter { !$0.isEmpty && seen.insert($0).inserted }
        self.origin = origin
        self.templateFields = templateFields
        var latin = 0
        var chinese = 0
        for scalar in (title + abstract).unicodeScalars {
            if scalar.isASCII && scalar.properties.isAlphabetic { latin += 1 } else if SentenceSplitter.isHan(scalar) { chinese += 1 }
        }
        isEnglish = latin > 3 * chinese
    }

    /// The abstract as written (its sentences joined).
    var abstract: String { sentences.joined(separator: isEnglish ? " " : "") }
}

/// Splits abstracts into sentences. Chinese papers in CSL close sentences with a half-width
/// `.` (`……遗传多样性分析.结果表明,……`), so a `.` ends a sentence too unless a digit or a
/// lower-case letter follows (`7.0`, `e.g.`).
enum SentenceSplitter {
    static func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var sentences: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            let sentence = trimmed(String(current))
            if !sentence.isEmpty { sentences.append(sentence) }
            current = String.UnicodeScalarView()
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" || scalar == "\r" {
                flush()
                continue
            }
            current.append(scalar)
            switch scalar {
            case "。", "！", "？", "；", "!", "?":
                flush()
            case ".":
                // Not inside a number (7.0) or an abbreviation (e.g.).
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if !(next.isASCII && (next.properties.numericType != nil || next.properties.isLowercase)) { flush() }
            default:
                break
            }
        }
        flush()
        // A text cut off without a full stop would run into the next sentence when mixed.
        if let last = sentences.last, let end = last.unicodeScalars.last, !"。！？；.!?;…）)」”\"".unicodeScalars.contains(end) {
            sentences[sentences.count - 1] = last + (last.unicodeScalars.contains(where: isHan) ? "。" : ".")
        }
        return sentences
    }

    /// `text` without white space at either end (Foundation's trimming is slow for this).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// A CJK ideograph (the unified blocks and their extensions).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }
}

/// Reads the source documents: the real datasets (CSL papers, KPPatent-ZH patents) or the
/// template's achievements. Nothing is copied anywhere; the texts live only in memory.
enum SourceLibrary {
    /// CSL categories kept: the sciences, engineering, agriculture, medicine and military
    /// science, where technology achievements come from. Law, literature, history and the like
    /// are left out.
    static let technicalCategories: Set<String> = ["工学", "理学", "农学", "医学", "军事学"]

    /// What was found in a datasets folder.
    struct DatasetDocuments {
        var papers: [SourceDocument] = []
        var patents: [SourceDocument] = []
        var all: [SourceDocument] { papers + patents }
    }

    /// The CSL papers and patents under `directory`, or `nil` when it holds neither.
    ///
    /// - Throws: `DuijieError` when a dataset file is there but cannot be read or parsed.
    static func datasets(at directory: String) throws(DuijieError) -> DatasetDocuments? {
        var found = DatasetDocuments()
        // The datasets repeat some records (KPPatent-ZH has 51 abstracts more than once, and
        // near-copies under one title); a repeated document would be its own nearest neighbour
        // and leave its texts unmixed. The first of each abstract and each title is kept.
        var abstracts = Set<String>()
        var titles = Set<String>()
        func isNew(_ document: SourceDocument) -> Bool {
            abstracts.insert(document.abstract).inserted && titles.insert(document.title).inserted
        }
        found.papers = try cslPapers(directory + "/csl").filter(isNew)
        found.patents = try patents(directory + "/kppatent-zh/data_A.json").filter(isNew)
        return found.papers.isEmpty && found.patents.isEmpty ? nil : found
    }

    /// The template's achievements as source documents, keeping their fields.
    static func template(_ corpus: Corpus) -> [SourceDocument] {
        corpus.achievements.map {
            SourceDocument(title: $0.title, abstract: $0.abstract ?? "", keywords: $0.keywords, origin: .template, templateFields: $0.fields)
        }.filter { !$0.title.isEmpty && !$0.sentences.isEmpty }
    }

    private static func readLines(_ path: String) throws(DuijieError) -> [Substring]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw DuijieError(.io, "\(path): cannot read the file") }
        guard let text = String(validating: data, as: UTF8.self) else { throw DuijieError(.invalidInput, "\(path): not valid UTF-8") }
        return text.split(whereSeparator: \.isNewline)
    }

    private static func columns(_ line: Substring) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }

    /// `csl_sample.tsv` (title, abstract, keywords joined by `_`, discipline, category) and the
    /// benchmark's four `dev.tsv` files joined line by line; papers seen twice are kept once.
    static func cslPapers(_ directory: String) throws(DuijieError) -> [SourceDocument] {
        var papers: [SourceDocument] = []
        var titles = Set<String>()
        func add(title: String, abstract: String, keywords: String, category: String) {
            guard technicalCategories.contains(SentenceSplitter.trimmed(category)),
                  !title.isEmpty, !abstract.isEmpty, titles.insert(title).inserted else { return }
            let list = keywords.split(separator: "_").map(String.init)
            papers.append(SourceDocument(title: title, abstract: abstract, keywords: list, origin: .paper))
        }
        let samplePath = directory + "/csl_sample.tsv"
        if let lines = try readLines(samplePath) {
            for (number, line) in lines.enumerated() {
                let fields = columns(line)
                guard fields.count == 5 else {
                    throw DuijieError(.invalidInput, "\(samplePath):\(number + 1): expected 5 tab-separated columns, found \(fields.count)")
                }
                add(title: fields[0], abstract: fields[1], keywords: fields[2], category: fields[4])
            }
        }
        let benchmark = directory + "/benchmark"
        guard let titleLines = try readLines(benchmark + "/ts/dev.tsv"),
              let keywordLines = try readLines(benchmark + "/kg/dev.tsv"),
              let categoryLines = try readLines(benchmark + "/cls_ctg/dev.tsv") else { return papers }
        guard titleLines.count == keywordLines.count && titleLines.count == categoryLines.count else {
            throw DuijieError(.invalidInput, "\(benchmark): ts, kg and cls_ctg dev.tsv differ in length; they must be the same papers line by line")
        }
        for index in titleLines.indices {
            let ts = columns(titleLines[index])
            let kg = columns(keywordLines[index])
            let ctg = columns(categoryLines[index])
            guard ts.count == 3, kg.count == 3, ctg.count == 3 else {
                throw DuijieError(.invalidInput, "\(benchmark)/*/dev.tsv:\(index + 1): expected 3 tab-separated columns")
            }
            add(title: ts[2], abstract: ts[1], keywords: kg[2], category: ctg[2])
        }
        return papers
    }

    /// KPPatent-ZH `data_A.json`: `input` = "摘要：" + abstract, `output` = comma-separated
    /// keyphrases. Patents have no title there, so one is taken from the abstract's opening
    /// clause; patents whose opening is not title-like are left out.
    static func patents(_ path: String) throws(DuijieError) -> [SourceDocument] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        let parsed: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) { return .success(try JSONParser.parse(buffer)) } catch { return .failure(error) }
        }
        guard case .success(let value) = parsed else {
            if case .failure(let error) = parsed { throw DuijieError(.invalidInput, "\(path): malformed JSON at byte \(error.column): \(error.message)") }
            return []
        }
        guard case .array(let records) = value else { throw DuijieError(.invalidInput, "\(path): expected a JSON array of records") }
        var patents: [SourceDocument] = []
        for (index, record) in records.enumerated() {
            guard case .string(let input)? = record["input"], case .string(let output)? = record["output"] else {
                throw DuijieError(.invalidInput, "\(path): record \(index + 1) lacks an \"input\" or \"output\" string")
            }
            let abstract = SentenceSplitter.trimmed(input.hasPrefix("摘要：") ? String(input.dropFirst(3)) : input)
            let phrases = output.split(whereSeparator: { $0 == "," || $0 == "，" })
                .map { SentenceSplitter.trimmed(String($0)) }.filter { $0.count >= 2 }
            guard !abstract.isEmpty, let title = patentTitle(abstract: abstract) else { continue }
            patents.append(SourceDocument(title: title, abstract: abstract, keywords: phrases, origin: .patent))
        }
        return patents
    }

    private static let patentOpenings = ["本发明实施例", "本实用新型", "本发明", "本申请", "本公开", "发明"]
    private static let patentVerbs = ["公开了", "公开", "涉及", "提供了", "提供", "提出了", "提出", "属于", "的课题在于提供", "是"]

    /// The opening clause of a patent abstract as a title (`本发明公开了一种X，…` → `一种X`), or
    /// `nil` when it is not title-like; such patents are left out. An "一种…" clause in the first
    /// sentence wins (`本发明涉及防盗锁技术领域，特别为一种多功能智能报警防盗锁。` → `一种多功能智能报警防盗锁`).
    static func patentTitle(abstract: String) -> String? {
        let stops: Set<Character> = ["，", ",", "。", "；", ";", "：", ":"]
        let firstSentence = abstract.prefix { $0 != "。" }
        var text: Substring
        if let range = firstSentence.range(of: "一种") {
            text = abstract[range.lowerBound...]
        } else {
            text = Substring(abstract)
            if let opening = patentOpenings.first(where: { text.hasPrefix($0) }) { text = text.dropFirst(opening.count) }
            if let verb = patentVerbs.first(where: { text.hasPrefix($0) }) { text = text.dropFirst(verb.count) }
        }
        var clause = String(text.prefix { !stops.contains($0) })
        if let range = clause.range(of: "包括") { clause = String(clause[..<range.lowerBound]) }
        for suffix in ["以及", "及", "和", "与", "的"] where clause.hasSuffix(suffix) {
            clause.removeLast(suffix.count)
            break
        }
        if clause.hasSuffix("领域") || clause.contains("涉及") { return nil }
        // "一种…" names the invention; other openings are titles only when short, not sentences.
        let limit = clause.hasPrefix("一种") ? 40 : 20
        guard (4...limit).contains(clause.count), !clause.hasPrefix("所述"), !clause.contains("(") else { return nil }
        return clause
    }
}
