import DuijieBase
import DuijieCorpus
import DuijieVectors
import Foundation

/// Puts each source document under the template fields its text is closest to, so that a
/// generated achievement in 水产养殖 gets a text about fish rather than about chips.
///
/// Nearest centroid over TF-IDF vectors of Chinese character bigrams and Latin words: a field's
/// centroid is the sum of the normalized vectors of the template achievements and demands that
/// carry it, plus its name and synonyms. A document joins the group of its best field (and, for
/// template documents, of the fields the template gave it); a group smaller than a minimum, or
/// than the field's share of all documents, is topped up with the documents that score highest
/// for that field, so every field can be drawn and no document is drawn far more than others.
struct SourceGroups: Sendable {
    /// For each template field (by index into `fieldIDs`), the indices of its documents.
    let members: [[UInt32]]
    let fieldIDs: [String]
    /// For each document, up to eight others closest to it in wording, best first: a text's
    /// borrowed sentences and keywords come from these, so a mixed abstract stays on topic.
    let neighbors: [[UInt32]]
    private let indexByField: [String: Int]

    /// The documents of `field`, or `nil` for a field the template does not know.
    func documents(of field: String) -> [UInt32]? {
        indexByField[field].map { members[$0] }
    }

    init(documents: [SourceDocument], template: Corpus, minimumGroupSize: Int) {
        fieldIDs = template.fields.map(\.id)
        var indexByField: [String: Int] = [:]
        for (index, id) in fieldIDs.enumerated() { indexByField[id] = index }
        self.indexByField = indexByField
        let scores = Self.scores(documents: documents, template: template, indexByField: indexByField)
        let fieldCount = fieldIDs.count
        var members = [[UInt32]](repeating: [], count: fieldCount)
        var isMember = [Set<UInt32>](repeating: [], count: fieldCount)
        for (document, row) in scores.enumerated() {
            var chosen: [Int] = documents[document].templateFields.compactMap { indexByField[$0] }
            if let best = row.indices.max(by: { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) }), row[best] > 0 {
                chosen.append(best)
            }
            for field in chosen where isMember[field].insert(UInt32(document)).inserted {
                members[field].append(UInt32(document))
            }
        }
        // How often each field is drawn as a record's first field (which picks its document).
        var firstFieldCounts = [Int](repeating: 0, count: fieldCount)
        for fields in template.achievements.map(\.fields) + template.demands.map(\.fields) {
            if let first = fields.first, let index = indexByField[first] { firstFieldCounts[index] += 1 }
        }
        let draws = max(1, firstFieldCounts.reduce(0, +))
        for field in 0..<fieldCount {
            // At least the minimum, and at least the field's share of all documents, so that no
            // document is drawn much more often than the average.
            let share = Double(firstFieldCounts[field]) / Double(draws)
            let minimum = min(documents.count, max(minimumGroupSize, Int((share * Double(documents.count)).rounded(.up))))
            guard members[field].count < minimum else { continue }
            let ranked = documents.indices.sorted { scores[$0][field] > scores[$1][field] || (scores[$0][field] == scores[$1][field] && $0 < $1) }
            for document in ranked where members[field].count < minimum && isMember[field].insert(UInt32(document)).inserted {
                members[field].append(UInt32(document))
            }
        }
        self.members = members
        neighbors = Self.neighbors(of: documents, count: 8)
    }

    /// Nearest documents by cosine of TF-IDF vectors over the pool's own statistics. Terms in
    /// more than 2% of the documents are left out: they say little about the topic and make the
    /// inverted lists long. Neighbours are of the same origin (paper or patent), so a mixed
    /// abstract keeps one style; near-copies (cosine 0.8 or more) are not neighbours. Ties go to
    /// the earlier document.
    static func neighbors(of documents: [SourceDocument], count: Int) -> [[UInt32]] {
        let bags = documents.map { TermBag.weighted(title: $0.title, keywords: $0.keywords, body: $0.abstract) }
        var documentFrequency: [UInt64: Int] = [:]
        for bag in bags { for (term, _) in bag { documentFrequency[term, default: 0] += 1 } }
        let total = Double(documents.count)
        let maximum = max(10, Int(0.02 * total))
        var termIDs: [UInt64: Int] = [:]
        var postings: [[(document: UInt32, weight: Float)]] = []
        var vectors: [[(term: Int, weight: Float)]] = []
        for (document, bag) in bags.enumerated() {
            var vector: [(term: Int, weight: Float)] = []
            var norm: Float = 0
            for (term, count) in bag {
                let frequency = documentFrequency[term]!
                guard frequency >= 2 && frequency <= maximum else { continue }
                let id: Int
                if let known = termIDs[term] { id = known } else {
                    id = postings.count
                    termIDs[term] = id
                    postings.append([])
                }
                let weight = count.squareRoot() * Float(log(total / Double(frequency)))
                vector.append((id, weight))
                norm += weight * weight
            }
            if norm > 0 {
                norm = norm.squareRoot()
                vector = vector.map { ($0.term, $0.weight / norm) }
            }
            for entry in vector { postings[entry.term].append((UInt32(document), entry.weight)) }
            vectors.append(vector)
        }
        // Near-copies (patent families: one text under several titles) lend nothing new.
        let nearCopy: Float = 0.8
        var scores = [Float](repeating: 0, count: documents.count)
        var touched: [Int] = []
        return vectors.enumerated().map { document, vector in
            let origin = documents[document].origin
            for entry in vector {
                for posting in postings[entry.term] where Int(posting.document) != document && documents[Int(posting.document)].origin == origin {
                    let other = Int(posting.document)
                    if scores[other] == 0 { touched.append(other) }
                    scores[other] += entry.weight * posting.weight
                }
            }
            // The best `count`, kept sorted by insertion (lists are short, candidates many).
            var best: [Int] = []
            func better(_ a: Int, _ b: Int) -> Bool { scores[a] > scores[b] || (scores[a] == scores[b] && a < b) }
            for other in touched where scores[other] < nearCopy && (best.count < count || better(other, best[best.count - 1])) {
                if best.count == count { best.removeLast() }
                let position = best.firstIndex { better(other, $0) } ?? best.count
                best.insert(other, at: position)
            }
            for other in touched { scores[other] = 0 }
            touched.removeAll(keepingCapacity: true)
            return best.map(UInt32.init)
        }
    }

    /// Cosine scores, documents × fields. Every sum runs in a fixed order (terms sorted, texts
    /// and fields in file order), never in a dictionary's order, which changes from run to run:
    /// the scores, and so the groups, are the same bits every time.
    private static func scores(documents: [SourceDocument], template: Corpus, indexByField: [String: Int]) -> [[Float]] {
        let fieldCount = indexByField.count
        guard fieldCount > 0 else { return documents.map { _ in [] } }
        var texts: [(terms: [(UInt64, Float)], fields: [String])] = []
        for achievement in template.achievements {
            texts.append((TermBag.weighted(title: achievement.title, keywords: achievement.keywords, body: achievement.abstract ?? ""), achievement.fields))
        }
        for demand in template.demands {
            texts.append((TermBag.weighted(title: demand.title, keywords: demand.keywords, body: demand.description ?? ""), demand.fields))
        }
        var documentFrequency: [UInt64: Int] = [:]
        for text in texts { for (term, _) in text.terms { documentFrequency[term, default: 0] += 1 } }
        let total = Double(texts.count)
        /// TF-IDF weights of the known terms, normalized to unit length.
        func normalized(_ terms: [(UInt64, Float)]) -> [(UInt64, Float)] {
            var vector: [(UInt64, Float)] = []
            var norm: Float = 0
            for (term, count) in terms {
                guard let frequency = documentFrequency[term] else { continue }
                let weight = count * Float(log((1 + total) / (1 + Double(frequency))) + 1)
                vector.append((term, weight))
                norm += weight * weight
            }
            guard norm > 0 else { return [] }
            norm = norm.squareRoot()
            return vector.map { ($0.0, $0.1 / norm) }
        }
        var centroids = [[UInt64: Float]](repeating: [:], count: fieldCount)
        func add(_ terms: [(UInt64, Float)], to field: Int) {
            for (term, weight) in normalized(terms) { centroids[field][term, default: 0] += weight }
        }
        for text in texts { for field in text.fields { if let index = indexByField[field] { add(text.terms, to: index) } } }
        for field in template.fields {
            guard let index = indexByField[field.id] else { continue }
            add(TermBag.weighted(title: field.name, keywords: field.synonyms, body: ""), to: index)
        }
        // Inverted centroids: term → (field, weight of the unit-length centroid).
        var postings: [UInt64: [(field: Int, weight: Float)]] = [:]
        for (field, centroid) in centroids.enumerated() {
            let entries = centroid.sorted { $0.key < $1.key }
            let norm = entries.reduce(Float(0)) { $0 + $1.value * $1.value }.squareRoot()
            guard norm > 0 else { continue }
            for (term, weight) in entries { postings[term, default: []].append((field, weight / norm)) }
        }
        return documents.map { document in
            var row = [Float](repeating: 0, count: fieldCount)
            for (term, weight) in normalized(TermBag.weighted(title: document.title, keywords: document.keywords, body: document.abstract)) {
                for posting in postings[term] ?? [] { row[posting.field] += weight * posting.weight }
            }
            return row
        }
    }
}

/// Term counts for classification: Chinese character bigrams (two scalars packed exactly into
/// one key, no hashing) and lower-cased Latin words (hashed, with the top bit set so they
/// cannot meet a bigram key).
enum TermBag {
    /// Title and keywords count twice, the body once. Sorted by term, so sums over it run in
    /// the same order on every run.
    static func weighted(title: String, keywords: [String], body: String) -> [(UInt64, Float)] {
        var bag: [UInt64: Float] = [:]
        add(title, weight: 2, to: &bag)
        for keyword in keywords { add(keyword, weight: 2, to: &bag) }
        add(body, weight: 1, to: &bag)
        return bag.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private static func add(_ text: String, weight: Float, to bag: inout [UInt64: Float]) {
        var previousHan: UInt32? = nil
        var word = FNV1a.offsetBasis
        var wordLength = 0
        func endWord() {
            if wordLength >= 2 { bag[word | (1 << 63), default: 0] += weight }
            word = FNV1a.offsetBasis
            wordLength = 0
        }
        for scalar in text.unicodeScalars {
            if SentenceSplitter.isHan(scalar) {
                endWord()
                if let previous = previousHan { bag[UInt64(previous) << 21 | UInt64(scalar.value), default: 0] += weight }
                previousHan = scalar.value
            } else if scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                previousHan = nil
                let lowered = UInt64(scalar.value | (scalar.properties.isUppercase ? 0x20 : 0))
                word = FNV1a.combine(word, lowered)
                wordLength += 1
            } else {
                previousHan = nil
                endWord()
            }
        }
        endWord()
    }
}
