import DuijieCorpus
import Foundation

/// The relations of a generated corpus: for each template relation type (say expert →
/// enterprise), as many relations as `GenerationCounts` says, their ends drawn so that:
/// - of each kind, as many records take part (an active set) as give the template's relations
///   per participant of that kind; every active record has at least one relation and the rest
///   follow heavy-tailed weights;
/// - the two ends share a field where the ends available allow it (ends are paired within
///   their first field, the leftovers at random), as cooperation usually does;
/// - kind, weight and date come from a template relation of the same type.
struct RelationPlan: Sendable {
    /// One generated relation: its type, its template relation, and its two ends (record
    /// indices of generated kinds; for taxonomy kinds the template relation's id is kept).
    struct Entry: Sendable {
        let type: Int
        let template: Int
        let from: Int
        let to: Int
    }

    let entries: [Entry]

    init(counts: GenerationCounts, plan: GenerationPlan, context: GenerationContext) {
        let profile = context.profile
        let seed = context.seed
        let generatedKinds: [RecordKind] = [.institution, .expert, .enterprise, .achievement, .demand]

        // Ends per kind, and each kind's slots: active records at least once, then by weight.
        var endCount: [RecordKind: Int] = [:]
        for (type, count) in zip(profile.relationTypes, counts.relationsByType) {
            endCount[type.from, default: 0] += count
            endCount[type.to, default: 0] += count
        }
        var slots: [RecordKind: [UInt32]] = [:]
        for (offset, kind) in generatedKinds.enumerated() {
            let total = endCount[kind] ?? 0
            let population = counts.count(of: kind, template: profile)
            guard total > 0, population > 0 else { continue }
            var random = GeneratorRandom(seed: seed, .relationSlots, offset)
            let activeCount = DegreeAssignment.activeCount(items: total, mean: profile.relationDegree[kind] ?? 1, population: population)
            var candidates = Array(0..<population)
            for position in 0..<activeCount {  // a partial Fisher–Yates: the first activeCount are a random subset
                candidates.swapAt(position, position + random.below(population - position))
            }
            let active = Array(candidates.prefix(activeCount))
            slots[kind] = DegreeAssignment.hosts(forItems: total, among: active,
                                                 weights: DegreeAssignment.weights(count: activeCount, random: &random), random: &random)
        }

        func firstField(_ kind: RecordKind, _ index: Int) -> Int {
            let field: Int?
            switch kind {
            case .institution: field = plan.institutionFields.first(index)
            case .expert: field = plan.expertFields.first(index)
            case .enterprise: field = plan.enterpriseFields.first(index)
            case .achievement: field = context.achievementFields[Int(plan.achievementTemplate[index])].first
            case .demand: field = context.demandFields[Int(plan.demandTemplate[index])].first
            case .region, .field, .relation: field = nil
            }
            return field ?? -1
        }

        var used: [RecordKind: Int] = [:]
        func take(_ kind: RecordKind, _ count: Int) -> [Int] {
            guard let list = slots[kind] else { return [Int](repeating: -1, count: count) }
            let start = used[kind, default: 0]
            used[kind] = start + count
            return list[start..<(start + count)].map(Int.init)
        }

        var entries: [Entry] = []
        entries.reserveCapacity(counts.relations)
        for (typeIndex, type) in profile.relationTypes.enumerated() {
            let count = counts.relationsByType[typeIndex]
            guard count > 0 else { continue }
            var random = GeneratorRandom(seed: seed, .relationPlan, typeIndex)
            let fromEnds = take(type.from, count)
            let toEnds = take(type.to, count)
            let pairs = Self.pairByField(fromEnds, toEnds, fromField: { firstField(type.from, $0) }, toField: { firstField(type.to, $0) },
                                         random: &random)
            for (from, to) in pairs {
                entries.append(Entry(type: typeIndex, template: random.below(type.relations.count), from: from, to: to))
            }
        }
        var random = GeneratorRandom(seed: seed, .relationPlan, -1)
        random.shuffle(&entries)
        // A relation must join two different records (possible only when both ends are of one kind).
        var kept: [Entry] = []
        kept.reserveCapacity(entries.count)
        for entry in entries {
            let type = profile.relationTypes[entry.type]
            if type.from == type.to && entry.from == entry.to && entry.from >= 0 { continue }
            kept.append(entry)
        }
        self.entries = kept
    }

    /// Pairs ends with the same first field first (in field order, each side in its random slot
    /// order), then the remaining ends at random. Ends of kinds that are not generated (-1)
    /// have no field and are paired as they come.
    private static func pairByField(_ from: [Int], _ to: [Int], fromField: (Int) -> Int, toField: (Int) -> Int,
                                    random: inout GeneratorRandom) -> [(Int, Int)] {
        var fromByField: [Int: [Int]] = [:]
        var toByField: [Int: [Int]] = [:]
        for end in from { fromByField[end < 0 ? -1 : fromField(end), default: []].append(end) }
        for end in to { toByField[end < 0 ? -1 : toField(end), default: []].append(end) }
        var pairs: [(Int, Int)] = []
        pairs.reserveCapacity(from.count)
        var restFrom: [Int] = []
        var restTo: [Int] = []
        for field in fromByField.keys.sorted() {
            let fromList = fromByField[field]!
            let toList = field < 0 ? [] : toByField[field] ?? []
            let matched = min(fromList.count, toList.count)
            for position in 0..<matched { pairs.append((fromList[position], toList[position])) }
            restFrom += fromList[matched...]
        }
        for field in toByField.keys.sorted() {
            let toList = toByField[field]!
            let fromCount = field < 0 ? 0 : fromByField[field]?.count ?? 0
            restTo += toList[min(fromCount, toList.count)...]
        }
        random.shuffle(&restTo)
        for (end, other) in zip(restFrom, restTo) { pairs.append((end, other)) }
        return pairs
    }
}
