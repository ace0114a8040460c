import DuijieBase
import DuijieCorpus
import DuijieJSON
import DuijieVectors
import Foundation

/// Builds the generated records from the plan and writes them, one file per kind, in the
/// loader's canonical JSON form (each record's own `jsonValue`). Achievements and demands, the
/// bulk, are composed in parallel chunks and written in order; every record draws from its own
/// random stream, so the bytes do not depend on the thread count.
struct RecordWriter {
    let context: GenerationContext
    let plan: GenerationPlan
    let parallelism: Parallelism
    private var names = NameMaker()

    init(context: GenerationContext, plan: GenerationPlan, parallelism: Parallelism) {
        self.context = context
        self.plan = plan
        self.parallelism = parallelism
    }

    private var template: Corpus { context.profile.corpus }

    func writeTaxonomy(to writer: CorpusDirectoryWriter) throws(DuijieError) {
        let regions = try writer.open(RecordKind.region.fileName)
        for region in template.regions { try regions.writeLine(region.jsonValue) }
        try regions.close()
        let fields = try writer.open(RecordKind.field.fileName)
        for field in template.fields { try fields.writeLine(field.jsonValue) }
        try fields.close()
    }

    private func fieldIDs(_ indices: [Int]) -> [String] { indices.map { context.fieldIDs[$0] } }
    private func fieldWord(_ indices: [Int]) -> String { indices.first.map { context.fieldWords[$0] } ?? "科技" }
    private func document(_ index: UInt32) -> SourceDocument? { index == GenerationPlan.none ? nil : context.documents[Int(index)] }

    /// A document for a record without one of its own: one of its field's.
    private func document(forField field: Int?, random: inout GeneratorRandom) -> SourceDocument {
        context.documents[Int(random.element(of: context.documents(ofField: field)))]
    }

    private func institutionRegion(_ index: Int) -> String? { template.institutions[plan.institutionTemplate[index]].region }
    private func enterpriseRegion(_ index: Int) -> String { template.enterprises[plan.enterpriseTemplate[index]].region }

    mutating func writeInstitutions(to writer: CorpusDirectoryWriter) throws(DuijieError) {
        let file = try writer.open(RecordKind.institution.fileName)
        for index in 0..<plan.counts.institutions {
            var random = GeneratorRandom(seed: context.seed, .names, index)
            let model = template.institutions[plan.institutionTemplate[index]]
            let fields = plan.institutionFields[index]
            let place = model.region.flatMap { context.regionPlace[$0] } ?? "中国"
            let province = model.region.flatMap { context.regionProvince[$0] } ?? "中国"
            let name = names.institution(kind: model.kind, system: model.system, place: place, province: province,
                                         field: fieldWord(fields), random: &random)
            let source = document(plan.institutionSource[index]) ?? document(forField: fields.first, random: &random)
            let record = Institution(
                id: RecordIDs.institution(index), name: name.name, aliases: model.aliases.isEmpty ? [] : [name.alias],
                kind: model.kind, system: model.system, region: model.region, fields: fieldIDs(fields),
                description: TextComposer.institutionDescription(place: place, kind: model.kind, fields: fields.map { context.fieldWords[$0] },
                                                                 source: source, random: &random))
            try file.writeLine(record.jsonValue)
        }
        try file.close()
    }

    func writeExperts(to writer: CorpusDirectoryWriter) throws(DuijieError) {
        let file = try writer.open(RecordKind.expert.fileName)
        for index in 0..<plan.counts.experts {
            var random = GeneratorRandom(seed: context.seed, .names, plan.counts.institutions + index)
            let model = template.experts[plan.expertTemplate[index]]
            let institution = Int(plan.expertInstitution[index])
            let fields = plan.expertFields[index]
            let person = NameMaker.person(&random)
            let source = document(plan.expertSource[index]) ?? document(forField: fields.first, random: &random)
            let modelEmployer = template.institution(model.institution)
            let region: String? = model.region == nil ? nil : model.region == modelEmployer?.region ? institutionRegion(institution) : model.region
            let record = Expert(
                id: RecordIDs.expert(index), name: person.name, aliases: model.aliases.isEmpty ? [] : [person.pinyin],
                institution: RecordIDs.institution(institution), title: model.title, region: region, fields: fieldIDs(fields),
                bio: TextComposer.biography(source: source, field: fieldWord(fields), random: &random))
            try file.writeLine(record.jsonValue)
        }
        try file.close()
    }

    mutating func writeEnterprises(to writer: CorpusDirectoryWriter) throws(DuijieError) {
        let file = try writer.open(RecordKind.enterprise.fileName)
        for index in 0..<plan.counts.enterprises {
            var random = GeneratorRandom(seed: context.seed, .names, plan.counts.institutions + plan.counts.experts + index)
            let model = template.enterprises[plan.enterpriseTemplate[index]]
            let fields = plan.enterpriseFields[index]
            let place = context.regionPlace[model.region] ?? "中国"
            let name = names.enterprise(place: place, field: fieldWord(fields), random: &random)
            let source = document(plan.enterpriseSource[index]) ?? document(forField: fields.first, random: &random)
            let record = Enterprise(
                id: RecordIDs.enterprise(index), name: name.name, aliases: model.aliases.isEmpty ? [] : [name.alias],
                region: model.region, fields: fieldIDs(fields), tags: model.tags,
                description: TextComposer.enterpriseDescription(place: place, field: fieldWord(fields), source: source, random: &random))
            try file.writeLine(record.jsonValue)
        }
        try file.close()
    }

    func writeAchievements(to writer: CorpusDirectoryWriter) throws(DuijieError) {
        let file = try writer.open(RecordKind.achievement.fileName)
        let context = self.context
        let plan = self.plan
        try writeInParallel(count: plan.counts.achievements, to: file) { index, bytes in
            JSONWriter.append(Self.achievement(index, context: context, plan: plan).jsonValue, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        try file.close()
    }

    func writeDemands(to writer: CorpusDirectoryWriter) throws(DuijieError) {
        let file = try writer.open(RecordKind.demand.fileName)
        let context = self.context
        let plan = self.plan
        try writeInParallel(count: plan.counts.demands, to: file) { index, bytes in
            JSONWriter.append(Self.demand(index, context: context, plan: plan).jsonValue, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        try file.close()
    }

    /// Composes records in windows of chunks on `parallelism` threads and writes the chunks in order.
    private func writeInParallel(count: Int, to file: BufferedFile, _ encode: @escaping @Sendable (Int, inout [UInt8]) -> Void) throws(DuijieError) {
        let window = 8192 * parallelism.threads
        var start = 0
        while start < count {
            let base = start
            let end = min(count, start + window)
            let chunks = parallelism.mapChunks(count: end - base, minimumChunk: 512) { range -> [UInt8] in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(range.count * 1024)
                for offset in range { encode(base + offset, &bytes) }
                return bytes
            }
            for chunk in chunks { try file.write(chunk) }
            start = end
        }
    }

    private static func ownerRegion(ofAchievement index: Int, context: GenerationContext, plan: GenerationPlan) -> String? {
        let owner = plan.achievementOwner[index]
        guard owner != GenerationPlan.none else { return nil }
        let template = context.profile.corpus
        return Int(owner) < plan.counts.institutions
            ? template.institutions[plan.institutionTemplate[Int(owner)]].region
            : template.enterprises[plan.enterpriseTemplate[Int(owner) - plan.counts.institutions]].region
    }

    static func achievement(_ index: Int, context: GenerationContext, plan: GenerationPlan) -> Achievement {
        var random = GeneratorRandom(seed: context.seed, .achievementText, index)
        let template = context.profile.corpus
        let model = template.achievements[Int(plan.achievementTemplate[index])]
        let primary = context.documents[Int(plan.achievementPrimary[index])]
        let (primaryIndex, secondaryIndex) = (plan.achievementPrimary[index], plan.achievementSecondary[index])
        let text = TextComposer.achievement(primary: primary, borrowed: context.borrowable(primary: primaryIndex, secondary: secondaryIndex),
                                            alsoBorrowable: context.borrowable[Int(primaryIndex)],
                                            donors: context.donors(primary: primaryIndex, secondary: secondaryIndex),
                                            keywordCount: model.keywords.count, random: &random)
        var record = Achievement(id: RecordIDs.achievement(index), title: text.title, abstract: text.abstract)
        record.keywords = text.keywords
        record.fields = model.fields
        record.kind = model.kind
        record.ipType = model.ipType
        record.maturity = model.maturity
        record.transferModes = model.transferModes
        record.price = GenerationContext.jittered(money: model.price, random: &random)
        record.owner = plan.ownerID(ofAchievement: index)
        record.inventors = plan.inventors[Int(plan.inventorOffsets[index])..<Int(plan.inventorOffsets[index + 1])].map { RecordIDs.expert(Int($0)) }
        if let region = model.region {
            // The demo writes an achievement's region only where it is its owner's: keep that
            // (with the generated owner's region), and keep a region unlike the owner's as it is.
            let modelOwnerRegion = model.owner.flatMap { template.institution($0)?.region ?? template.enterprise($0)?.region }
            record.region = region == modelOwnerRegion ? ownerRegion(ofAchievement: index, context: context, plan: plan) : region
        }
        record.dualUse = model.dualUse
        record.dualUseDirection = model.dualUseDirection
        record.date = GenerationContext.jittered(model.date, random: &random)
        return record
    }

    static func demand(_ index: Int, context: GenerationContext, plan: GenerationPlan) -> Demand {
        var random = GeneratorRandom(seed: context.seed, .demandText, index)
        let template = context.profile.corpus
        let model = template.demands[Int(plan.demandTemplate[index])]
        let source = context.documents[Int(plan.demandSource[index])]
        let text = TextComposer.demand(source: source, keywordCount: model.keywords.count, random: &random)
        let enterprise = Int(plan.demandEnterprise[index])
        let enterpriseRegion = template.enterprises[plan.enterpriseTemplate[enterprise]].region
        let region: String? = model.region == nil ? nil
            : model.region == template.enterprise(model.enterprise)?.region ? enterpriseRegion : model.region
        return Demand(
            id: RecordIDs.demand(index), enterprise: RecordIDs.enterprise(enterprise), title: text.title, description: text.description,
            keywords: text.keywords, fields: model.fields, budget: GenerationContext.jittered(money: model.budget, random: &random),
            deadline: GenerationContext.jittered(model.deadline, random: &random), transferModes: model.transferModes,
            minMaturity: model.minMaturity, region: region, confidential: model.confidential)
    }

    /// Writes the relations; returns how many.
    func writeRelations(_ relations: RelationPlan, to writer: CorpusDirectoryWriter) throws(DuijieError) -> Int {
        let file = try writer.open(RecordKind.relation.fileName)
        let types = context.profile.relationTypes
        for (position, entry) in relations.entries.enumerated() {
            var random = GeneratorRandom(seed: context.seed, .relationText, position)
            let type = types[entry.type]
            let model = type.relations[entry.template]
            let from = entry.from < 0 ? model.from : RecordIDs.id(type.from, entry.from)
            let to = entry.to < 0 ? model.to : RecordIDs.id(type.to, entry.to)
            var note: String? = nil
            if model.note != nil {
                let field = firstField(type.from, entry.from) ?? firstField(type.to, entry.to)
                let place = placeName(type.from, entry.from) ?? placeName(type.to, entry.to) ?? ""
                note = TextComposer.relationNote(kind: model.kind, topic: field.map { context.fieldWords[$0] } ?? "科技", place: place)
            }
            let record = Relation(from: from, to: to, kind: model.kind, weight: model.weight,
                                  date: GenerationContext.jittered(model.date, random: &random), note: note)
            try file.writeLine(record.jsonValue)
        }
        try file.close()
        return relations.entries.count
    }

    private func firstField(_ kind: RecordKind, _ index: Int) -> Int? {
        guard index >= 0 else { return nil }
        switch kind {
        case .institution: return plan.institutionFields.first(index)
        case .expert: return plan.expertFields.first(index)
        case .enterprise: return plan.enterpriseFields.first(index)
        case .achievement: return context.achievementFields[Int(plan.achievementTemplate[index])].first
        case .demand: return context.demandFields[Int(plan.demandTemplate[index])].first
        case .region, .field, .relation: return nil
        }
    }

    private func placeName(_ kind: RecordKind, _ index: Int) -> String? {
        guard index >= 0 else { return nil }
        switch kind {
        case .institution: return institutionRegion(index).flatMap { context.regionPlace[$0] }
        case .enterprise: return context.regionPlace[enterpriseRegion(index)]
        default: return nil
        }
    }
}
