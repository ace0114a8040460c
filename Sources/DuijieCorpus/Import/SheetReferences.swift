import DuijieBase
import Foundation
import SystemPackage

/// A sheet's references checked against a corpus directory, as loading the corpus with the
/// converted file in it would check them. An organisation the corpus has no record of is an
/// error that says how to fix it, or, with `createMissing`, becomes a stub record.
struct SheetReferences {
    let corpusDirectory: String
    let createMissing: Bool
    private var resolver: ReferenceResolver
    private(set) var stubs: [StubRecord] = []

    /// Loads the corpus's records (its own errors are not the sheet's, and are not reported).
    ///
    /// - Parameter kind: The kind of the sheet's records; a taxonomy sheet is its own taxonomy.
    /// - Throws: `DuijieError` when the directory is missing or cannot be read.
    init(corpusDirectory: String, kind: RecordKind, createMissing: Bool) throws(DuijieError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpusDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DuijieError(.invalidInput, "\(corpusDirectory): not a corpus directory (--corpus names the directory whose records the sheet refers to)")
        }
        let corpus = try CorpusLoader.load(corpusDirectory).corpus
        func hasFile(_ fileKind: RecordKind) -> Bool {
            kind == fileKind || FileManager.default.fileExists(atPath: FilePath(corpusDirectory).appending(fileKind.fileName).string)
        }
        var resolver = ReferenceResolver(hasRegionTaxonomy: hasFile(.region), hasFieldTaxonomy: hasFile(.field))
        for record in corpus.regions { resolver.register(id: record.id, kind: .region, names: [record.name] + record.aliases) }
        for record in corpus.fields { resolver.register(id: record.id, kind: .field, names: [record.name] + record.synonyms) }
        for record in corpus.institutions { resolver.register(id: record.id, kind: .institution, names: [record.name] + record.aliases) }
        for record in corpus.experts { resolver.register(id: record.id, kind: .expert, names: []) }
        for record in corpus.enterprises { resolver.register(id: record.id, kind: .enterprise, names: [record.name] + record.aliases) }
        for record in corpus.achievements { resolver.register(id: record.id, kind: .achievement, names: []) }
        for record in corpus.demands { resolver.register(id: record.id, kind: .demand, names: []) }
        self.resolver = resolver
        self.corpusDirectory = corpusDirectory
        self.createMissing = createMissing
    }

    /// Makes a record of the sheet itself resolvable, as it will be once the sheet is part of
    /// the corpus (a region's parent may be a later row of the same sheet).
    mutating func registerSheetRecord<Record: CorpusRecord>(_ record: Record) {
        guard let id = record.recordID, !id.isEmpty else { return }
        resolver.register(id: id, kind: Record.recordKind, names: Self.referenceNames(of: record))
    }

    /// The problems with `record`'s references, and the stub it needs, if any, to be added
    /// with `addStub` once the row is imported.
    func check<Record: CorpusRecord>(_ record: Record, at location: SourceLocation) -> (issues: [CorpusIssue], stub: StubPlan?) {
        var resolved = record
        var resolution = ReferenceResolution(resolver: resolver, location: location)
        resolved.resolveReferences(&resolution)
        var issues = resolution.issues
        guard let organisation = Self.organisationReference(of: record),
              let index = issues.firstIndex(where: { $0.field == organisation.field && $0.code == .danglingReference }) else {
            return (issues, nil)
        }
        if createMissing {
            if let plan = StubPlan(field: organisation.field, name: organisation.name, accepted: organisation.accepted, region: organisation.region) {
                issues.remove(at: index)
                return (issues, plan)
            }
            issues[index].message = "\"\(organisation.name)\" names no enterprise in \(corpusDirectory), and no stub can be made: "
                + "an enterprise needs a region, and this row gives none (add a region column, or add the record to \(file(.enterprise)))"
        } else {
            issues[index].message = missingMessage(organisation.name, accepted: organisation.accepted)
        }
        return (issues, nil)
    }

    /// Adds the stub a row needed, with a fresh id, and makes its name resolvable for later rows.
    mutating func addStub(_ plan: StubPlan, location: SourceLocation, column: String) {
        var id = plan.idStem
        var suffix = 1
        while resolver.kind(of: id) != nil {
            suffix += 1
            id = plan.idStem + "-\(suffix)"
        }
        resolver.register(id: id, kind: plan.kind, names: [plan.name])
        stubs.append(StubRecord(kind: plan.kind, id: id, name: plan.name, record: plan.record(id: id), location: location, column: column))
    }

    private func file(_ kind: RecordKind) -> String {
        FilePath(corpusDirectory).appending(kind.fileName).string
    }

    private func missingMessage(_ name: String, accepted: ReferenceKind) -> String {
        let (noun, sheet, files): (String, String, String)
        switch accepted {
        case .enterprise: (noun, sheet, files) = ("enterprise", "the enterprises sheet", file(.enterprise))
        case .institution: (noun, sheet, files) = ("institution", "the institutions sheet", file(.institution))
        default: (noun, sheet, files) = ("institution or enterprise", "that sheet", "\(file(.institution)) or \(file(.enterprise))")
        }
        return "\"\(name)\" names no \(noun) in \(corpusDirectory): "
            + "import \(sheet) into it first, add the record to \(files), or pass --create-missing to add a stub"
    }

    /// The reference a stub can stand in for: an achievement's owner, a demand's enterprise,
    /// an expert's institution; with the row's region, which a stub takes.
    private static func organisationReference(of record: some CorpusRecord) -> (field: String, name: String, accepted: ReferenceKind, region: String?)? {
        switch record {
        case let achievement as Achievement: return achievement.owner.map { ("owner", $0, .owner, achievement.region) }
        case let demand as Demand: return ("enterprise", demand.enterprise, .enterprise, demand.region)
        case let expert as Expert: return ("institution", expert.institution, .institution, expert.region)
        default: return nil
        }
    }

    /// The names a reference may use for a record besides its id, as the loader registers them.
    private static func referenceNames(of record: some CorpusRecord) -> [String] {
        switch record {
        case let region as Region: return [region.name] + region.aliases
        case let field as Field: return [field.name] + field.synonyms
        case let institution as Institution: return [institution.name] + institution.aliases
        case let enterprise as Enterprise: return [enterprise.name] + enterprise.aliases
        default: return []
        }
    }
}
