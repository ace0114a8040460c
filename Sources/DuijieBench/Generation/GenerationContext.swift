import DuijieCorpus
import Foundation

/// Everything a generation run reads but never changes: the template, the source documents and
/// their field groups, and look-ups by field and region. Shared by the threads that compose
/// records.
struct GenerationContext: Sendable {
    let seed: UInt64
    let profile: TemplateProfile
    let documents: [SourceDocument]
    let groups: SourceGroups
    /// Every document, for records without fields.
    let allDocuments: [UInt32]
    /// For each document and each of its neighbours (in `groups.neighbors` order), the
    /// neighbour's keywords that the document's title and keywords lack: what a text mixing the
    /// two can borrow. Worked out once, not per generated record.
    let borrowable: [[[String]]]
    /// For each document, the pieces an abstract may borrow from it (`TextComposer.borrowablePieces`).
    let pieces: [[String]]

    /// Template fields by index, and a short Chinese word for each (储能, 芯片) to build names.
    let fieldIDs: [String]
    let fieldWords: [String]
    /// The field indices of each template achievement and demand.
    let achievementFields: [[Int]]
    let demandFields: [[Int]]

    /// For each template region: the short name of its city (大连) and of its province (辽宁).
    let regionPlace: [String: String]
    let regionProvince: [String: String]

    init(seed: UInt64, profile: TemplateProfile, documents: [SourceDocument]) {
        self.seed = seed
        self.profile = profile
        self.documents = documents
        let corpus = profile.corpus
        // Template documents are few; a small minimum keeps their groups on topic.
        let minimumGroup = documents.first?.origin == .template ? 3 : 30
        groups = SourceGroups(documents: documents, template: corpus, minimumGroupSize: minimumGroup)
        allDocuments = (0..<documents.count).map(UInt32.init)
        let groups = self.groups
        pieces = documents.map(TextComposer.borrowablePieces)
        borrowable = documents.indices.map { index in
            groups.neighbors[index].map { Self.borrowable(from: documents[Int($0)], into: documents[index]) }
        }
        fieldIDs = groups.fieldIDs
        var fieldIndex: [String: Int] = [:]
        for (index, id) in fieldIDs.enumerated() { fieldIndex[id] = index }
        fieldWords = corpus.fields.map { Self.shortWord(name: $0.name, alternatives: $0.synonyms, strip: []) }
        achievementFields = corpus.achievements.map { $0.fields.compactMap { fieldIndex[$0] } }
        demandFields = corpus.demands.map { $0.fields.compactMap { fieldIndex[$0] } }
        var place: [String: String] = [:]
        var province: [String: String] = [:]
        let suffixes = ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"]
        for region in corpus.regions {
            var city = region
            var steps = 0
            while (city.level == .district || city.level == .park), let parent = city.parent.flatMap(corpus.region), steps < 8 {
                city = parent
                steps += 1
            }
            place[region.id] = Self.shortWord(name: city.name, alternatives: city.aliases, strip: suffixes)
            let top = corpus.region(corpus.topRegion(of: region.id)) ?? region
            province[region.id] = Self.shortWord(name: top.name, alternatives: top.aliases, strip: suffixes)
        }
        regionPlace = place
        regionProvince = province
    }

    /// The shortest Chinese name of two or more characters among a name (less a suffix such as
    /// 市 or 省) and its alternatives; the name itself when there is none.
    static func shortWord(name: String, alternatives: [String], strip suffixes: [String]) -> String {
        var base = name
        if let suffix = suffixes.first(where: { name.hasSuffix($0) && name.count > $0.count + 1 }) { base = String(name.dropLast(suffix.count)) }
        let candidates = ([base] + alternatives).filter { text in
            text.count >= 2 && text.unicodeScalars.allSatisfy { SentenceSplitter.isHan($0) }
        }
        return candidates.min { $0.count < $1.count || ($0.count == $1.count && $0 < $1) } ?? base
    }

    /// The keywords of `secondary` that `primary`'s title and keywords lack.
    static func borrowable(from secondary: SourceDocument, into primary: SourceDocument) -> [String] {
        let own = Set(primary.keywords)
        let title = Array(primary.title.utf8)
        return secondary.keywords.filter { !own.contains($0) && !contains(title, Array($0.utf8)) }
    }

    /// Whether `needle` occurs in `haystack` (UTF-8 bytes: a match is a match of characters).
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// What a text with `primary` and `secondary` may borrow (see `borrowable`).
    func borrowable(primary: UInt32, secondary: UInt32) -> [String] {
        if let position = groups.neighbors[Int(primary)].firstIndex(of: secondary) { return borrowable[Int(primary)][position] }
        return Self.borrowable(from: documents[Int(secondary)], into: documents[Int(primary)])
    }

    /// The pieces an abstract with `primary` and `secondary` may borrow: the secondary's and
    /// those of the primary's other neighbours.
    func donors(primary: UInt32, secondary: UInt32) -> [[String]] {
        var donors = [pieces[Int(secondary)]]
        for neighbor in groups.neighbors[Int(primary)] where neighbor != secondary { donors.append(pieces[Int(neighbor)]) }
        return donors
    }

    /// The documents of a field index, or all documents.
    func documents(ofField field: Int?) -> [UInt32] {
        guard let field, let members = groups.documents(of: fieldIDs[field]), !members.isEmpty else { return allDocuments }
        return members
    }

    /// A primary document from the first field's group and a secondary among the primary's
    /// nearest documents (or, for a document without neighbours, another of the group).
    func documentPair(fields: [Int], random: inout GeneratorRandom) -> (primary: UInt32, secondary: UInt32) {
        let group = documents(ofField: fields.first)
        let primary = random.element(of: group)
        let near = groups.neighbors[Int(primary)]
        if !near.isEmpty { return (primary, random.element(of: near)) }
        var secondary = random.element(of: group)
        if secondary == primary && group.count > 1 { secondary = random.element(of: group) }
        return (primary, secondary)
    }

    /// A date near `date`: its year, and a random month and day (1–28) where it has them.
    static func jittered(_ date: CorpusDate?, random: inout GeneratorRandom) -> CorpusDate? {
        guard let date, date.month != nil else { return date }
        let month = 1 + random.below(12)
        let day = date.day == nil ? nil : 1 + random.below(28)
        return CorpusDate(year: date.year, month: month, day: day)
    }

    /// An amount of money near `amount` (log-normal, σ = 0.35), rounded as people round prices:
    /// to 1 below 20, to 5 below 100, to 10 below 1,000, to 50 above.
    static func jittered(money amount: Double?, random: inout GeneratorRandom) -> Double? {
        guard let amount, amount > 0 else { return amount }
        let value = amount * random.logNormal(sigma: 0.35)
        let step: Double = value < 20 ? 1 : value < 100 ? 5 : value < 1000 ? 10 : 50
        return max(step, (value / step).rounded() * step)
    }
}
