import DuijieCorpus
import Foundation

/// Lists of field indices, one list per record, stored flat.
struct FieldLists: Sendable {
    private var offsets: [UInt32] = [0]
    private var values: [UInt16] = []

    mutating func append<Fields: Sequence>(_ fields: Fields) where Fields.Element == Int {
        for field in fields { values.append(UInt16(field)) }
        offsets.append(UInt32(values.count))
    }

    subscript(record: Int) -> [Int] {
        values[Int(offsets[record])..<Int(offsets[record + 1])].map(Int.init)
    }

    /// The first field of a record, or `nil`.
    func first(_ record: Int) -> Int? {
        offsets[record] < offsets[record + 1] ? Int(values[Int(offsets[record])]) : nil
    }
}

/// Who is linked to whom, decided before any text is written: the template record each
/// generated record imitates, owners and inventors of achievements, the enterprise of each
/// demand, experts' employers, source documents, and the fields organizations and experts get
/// from the achievements and demands they hold. Compact arrays: a few tens of bytes per record.
struct GenerationPlan: Sendable {
    static let none = UInt32.max

    let counts: GenerationCounts
    let institutionTemplate: [Int]
    let enterpriseTemplate: [Int]
    /// The template expert of each expert, and its employer (experts come grouped by employer).
    let expertTemplate: [Int]
    let expertInstitution: [UInt32]

    let achievementTemplate: [UInt32]
    let achievementPrimary: [UInt32]
    let achievementSecondary: [UInt32]
    /// An institution index, or `institutions + enterprise index`, or `none`.
    let achievementOwner: [UInt32]
    let inventorOffsets: [UInt32]
    let inventors: [UInt32]

    let demandTemplate: [UInt32]
    let demandSource: [UInt32]
    let demandEnterprise: [UInt32]

    let institutionFields: FieldLists
    let expertFields: FieldLists
    let enterpriseFields: FieldLists
    /// A document of each organization's or expert's own work (`none` when it has none).
    let institutionSource: [UInt32]
    let expertSource: [UInt32]
    let enterpriseSource: [UInt32]

    init(counts: GenerationCounts, context: GenerationContext) {
        self.counts = counts
        let profile = context.profile
        let template = profile.corpus
        let seed = context.seed

        let institutionTemplate = (0..<counts.institutions).map { index in
            var random = GeneratorRandom(seed: seed, .institutions, index)
            return random.below(template.institutions.count)
        }
        let enterpriseTemplate = (0..<counts.enterprises).map { index in
            var random = GeneratorRandom(seed: seed, .enterprises, index)
            return random.below(template.enterprises.count)
        }
        let expertTemplate: [Int] = template.experts.isEmpty ? [] : (0..<counts.experts).map { index in
            var random = GeneratorRandom(seed: seed, .experts, index)
            return random.below(template.experts.count)
        }
        self.institutionTemplate = institutionTemplate
        self.enterpriseTemplate = enterpriseTemplate
        self.expertTemplate = expertTemplate

        // Experts over the institutions that employ experts in the template.
        var slotRandom = GeneratorRandom(seed: seed, .expertSlots)
        let employers = DegreeAssignment.activeHosts(
            target: DegreeAssignment.activeCount(items: counts.experts, mean: profile.expertsPerEmployer, population: counts.institutions),
            preferred: institutionTemplate.indices.filter { profile.institutionHostsExperts[institutionTemplate[$0]] },
            others: institutionTemplate.indices.filter { !profile.institutionHostsExperts[institutionTemplate[$0]] }, random: &slotRandom)
        let employerOf = DegreeAssignment.hosts(forItems: counts.experts, among: employers,
                                                weights: DegreeAssignment.weights(count: employers.count, random: &slotRandom), random: &slotRandom)
        var perInstitution = [Int](repeating: 0, count: counts.institutions)
        for institution in employerOf { perInstitution[Int(institution)] += 1 }
        var expertInstitution: [UInt32] = []
        expertInstitution.reserveCapacity(counts.experts)
        var expertStart = [Int](repeating: 0, count: counts.institutions + 1)
        for (institution, count) in perInstitution.enumerated() {
            expertStart[institution] = expertInstitution.count
            expertInstitution.append(contentsOf: repeatElement(UInt32(institution), count: count))
        }
        expertStart[counts.institutions] = expertInstitution.count
        self.expertInstitution = expertInstitution
        let anyExpert = counts.experts > 0
            ? AliasTable(weights: DegreeAssignment.weights(count: counts.experts, random: &slotRandom)) : nil

        // Owners: the institutions and enterprises whose template owns achievements.
        var ownerRandom = GeneratorRandom(seed: seed, .ownerSlots)
        let owned = Int((profile.ownedShare * Double(counts.achievements)).rounded())
        let ownerCodes = Array(0..<(counts.institutions + counts.enterprises))
        func templateOwns(_ code: Int) -> Bool {
            code < counts.institutions ? profile.institutionOwns[institutionTemplate[code]]
                : profile.enterpriseOwns[enterpriseTemplate[code - counts.institutions]]
        }
        let owners = DegreeAssignment.activeHosts(
            target: DegreeAssignment.activeCount(items: owned, mean: profile.achievementsPerOwner, population: ownerCodes.count),
            preferred: ownerCodes.filter(templateOwns), others: ownerCodes.filter { !templateOwns($0) }, random: &ownerRandom)
        var ownerOf = DegreeAssignment.hosts(forItems: owned, among: owners,
                                             weights: DegreeAssignment.weights(count: owners.count, random: &ownerRandom), random: &ownerRandom)
        if owned < counts.achievements {
            ownerOf.append(contentsOf: repeatElement(Self.none, count: counts.achievements - owned))
            ownerRandom.shuffle(&ownerOf)
        }
        achievementOwner = ownerOf

        var achievementTemplate: [UInt32] = []
        var primary: [UInt32] = []
        var secondary: [UInt32] = []
        var inventorOffsets: [UInt32] = [0]
        var inventors: [UInt32] = []
        achievementTemplate.reserveCapacity(counts.achievements)
        primary.reserveCapacity(counts.achievements)
        secondary.reserveCapacity(counts.achievements)
        inventorOffsets.reserveCapacity(counts.achievements + 1)
        for index in 0..<counts.achievements {
            var random = GeneratorRandom(seed: seed, .achievementPlan, index)
            let templateIndex = random.below(template.achievements.count)
            let pair = context.documentPair(fields: context.achievementFields[templateIndex], random: &random)
            achievementTemplate.append(UInt32(templateIndex))
            primary.append(pair.primary)
            secondary.append(pair.secondary)
            if let anyExpert {
                let owner = Int(ownerOf[index])
                let range = owner < counts.institutions ? expertStart[owner]..<expertStart[owner + 1] : 0..<0
                let start = inventors.count
                for _ in 0..<profile.inventorCounts.draw(&random) {
                    for attempt in 0..<8 {  // tries to avoid naming one inventor twice; a small staff runs out
                        let expert = attempt < 2 && !range.isEmpty && random.chance(profile.internalInventorShare)
                            ? range.lowerBound + random.skewedIndex(range.count, power: 2.5)
                            : anyExpert.draw(&random)
                        if !inventors[start...].contains(UInt32(expert)) {
                            inventors.append(UInt32(expert))
                            break
                        }
                    }
                }
            }
            inventorOffsets.append(UInt32(inventors.count))
        }
        self.achievementTemplate = achievementTemplate
        achievementPrimary = primary
        achievementSecondary = secondary
        self.inventorOffsets = inventorOffsets
        self.inventors = inventors

        var demandRandom = GeneratorRandom(seed: seed, .enterpriseSlots)
        let posters = DegreeAssignment.activeHosts(
            target: DegreeAssignment.activeCount(items: counts.demands, mean: profile.demandsPerPoster, population: counts.enterprises),
            preferred: enterpriseTemplate.indices.filter { profile.enterprisePosts[enterpriseTemplate[$0]] },
            others: enterpriseTemplate.indices.filter { !profile.enterprisePosts[enterpriseTemplate[$0]] }, random: &demandRandom)
        demandEnterprise = DegreeAssignment.hosts(forItems: counts.demands, among: posters,
                                                  weights: DegreeAssignment.weights(count: posters.count, random: &demandRandom), random: &demandRandom)
        var demandTemplate: [UInt32] = []
        var demandSource: [UInt32] = []
        for index in 0..<counts.demands {
            var random = GeneratorRandom(seed: seed, .demandPlan, index)
            let templateIndex = random.below(template.demands.count)
            demandTemplate.append(UInt32(templateIndex))
            demandSource.append(random.element(of: context.documents(ofField: context.demandFields[templateIndex].first)))
        }
        self.demandTemplate = demandTemplate
        self.demandSource = demandSource

        // Fields and documents of organizations and experts, from what they hold.
        var fieldIndex: [String: Int] = [:]
        for (index, id) in context.fieldIDs.enumerated() { fieldIndex[id] = index }
        func templateFields(_ ids: [String]) -> [Int] { ids.compactMap { fieldIndex[$0] } }

        var institutionPairs: [UInt64] = []
        var enterprisePairs: [UInt64] = []
        var expertPairs: [UInt64] = []
        var institutionSource = [UInt32](repeating: Self.none, count: counts.institutions)
        var enterpriseSource = [UInt32](repeating: Self.none, count: counts.enterprises)
        var expertSource = [UInt32](repeating: Self.none, count: counts.experts)
        for index in 0..<counts.achievements {
            let fields = context.achievementFields[Int(achievementTemplate[index])]
            let owner = ownerOf[index]
            if owner != Self.none {
                if Int(owner) < counts.institutions {
                    for field in fields { institutionPairs.append(UInt64(owner) << 20 | UInt64(field)) }
                    if institutionSource[Int(owner)] == Self.none { institutionSource[Int(owner)] = primary[index] }
                } else {
                    let enterprise = Int(owner) - counts.institutions
                    for field in fields { enterprisePairs.append(UInt64(enterprise) << 20 | UInt64(field)) }
                    if enterpriseSource[enterprise] == Self.none { enterpriseSource[enterprise] = primary[index] }
                }
            }
            for inventor in inventors[Int(inventorOffsets[index])..<Int(inventorOffsets[index + 1])] {
                for field in fields { expertPairs.append(UInt64(inventor) << 20 | UInt64(field)) }
                if expertSource[Int(inventor)] == Self.none { expertSource[Int(inventor)] = primary[index] }
            }
        }
        for index in 0..<counts.demands {
            let enterprise = Int(demandEnterprise[index])
            for field in context.demandFields[Int(demandTemplate[index])] { enterprisePairs.append(UInt64(enterprise) << 20 | UInt64(field)) }
            if enterpriseSource[enterprise] == Self.none { enterpriseSource[enterprise] = demandSource[index] }
        }
        let institutionFields = Self.topFields(hosts: counts.institutions, pairs: institutionPairs,
                                           limit: { max(1, template.institutions[institutionTemplate[$0]].fields.count) },
                                           fallback: { templateFields(template.institutions[institutionTemplate[$0]].fields) })
        enterpriseFields = Self.topFields(hosts: counts.enterprises, pairs: enterprisePairs,
                                          limit: { max(1, template.enterprises[enterpriseTemplate[$0]].fields.count) },
                                          fallback: { templateFields(template.enterprises[enterpriseTemplate[$0]].fields) })
        self.institutionFields = institutionFields
        expertFields = Self.topFields(hosts: counts.experts, pairs: expertPairs,
                                      limit: { max(1, template.experts[expertTemplate[$0]].fields.count) },
                                      fallback: { Array(institutionFields[Int(expertInstitution[$0])].prefix(max(1, template.experts[expertTemplate[$0]].fields.count))) })
        self.institutionSource = institutionSource
        self.enterpriseSource = enterpriseSource
        self.expertSource = expertSource
    }

    /// For each host, its `limit` most frequent fields among `pairs` (host << 20 | field), ties
    /// to the earlier field; `fallback` for a host without pairs.
    private static func topFields(hosts: Int, pairs: [UInt64], limit: (Int) -> Int, fallback: (Int) -> [Int]) -> FieldLists {
        let sorted = pairs.sorted()
        var lists = FieldLists()
        var position = 0
        for host in 0..<hosts {
            var tally: [(field: Int, count: Int)] = []
            while position < sorted.count && Int(sorted[position] >> 20) == host {
                let field = Int(sorted[position] & 0xFFFFF)
                if tally.last?.field == field { tally[tally.count - 1].count += 1 } else { tally.append((field, 1)) }
                position += 1
            }
            if tally.isEmpty {
                lists.append(fallback(host))
            } else {
                tally.sort { $0.count > $1.count || ($0.count == $1.count && $0.field < $1.field) }
                lists.append(tally.prefix(limit(host)).map(\.field))
            }
        }
        return lists
    }

    /// The id of an achievement's owner, or `nil`.
    func ownerID(ofAchievement index: Int) -> String? {
        let owner = achievementOwner[index]
        guard owner != Self.none else { return nil }
        return Int(owner) < counts.institutions ? RecordIDs.institution(Int(owner)) : RecordIDs.enterprise(Int(owner) - counts.institutions)
    }
}

/// The ids of generated records: a kind prefix as in the demo corpus and a 1-based number.
enum RecordIDs {
    static func institution(_ index: Int) -> String { "I-" + String(index + 1) }
    static func expert(_ index: Int) -> String { "E-" + String(index + 1) }
    static func enterprise(_ index: Int) -> String { "C-" + String(index + 1) }
    static func achievement(_ index: Int) -> String { "A-" + String(index + 1) }
    static func demand(_ index: Int) -> String { "D-" + String(index + 1) }

    /// The id of record `index` of a generated kind.
    static func id(_ kind: RecordKind, _ index: Int) -> String {
        switch kind {
        case .institution: return institution(index)
        case .expert: return expert(index)
        case .enterprise: return enterprise(index)
        case .achievement: return achievement(index)
        case .demand: return demand(index)
        case .region, .field, .relation: preconditionFailure("\(kind) records are not generated")
        }
    }
}
