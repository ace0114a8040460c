import DuijieBase
import Foundation
import SystemPackage

/// How a corpus is loaded.
public struct CorpusLoadOptions: Sendable {
    /// Leave out records with errors (and records that depend on them) instead of failing.
    public var skipBadRecords: Bool

    /// Creates options.
    ///
    /// - Parameter skipBadRecords: Leave out bad records and load the rest; `false` by default.
    public init(skipBadRecords: Bool = false) {
        self.skipBadRecords = skipBadRecords
    }
}

/// What loading a corpus produced: the records, and every problem found on the way.
public struct CorpusLoadResult: Sendable {
    /// The records. With errors and without `skipBadRecords`, this holds what could be read and
    /// must not be trusted; check `hasErrors` first.
    public let corpus: Corpus
    /// All errors and warnings, in file order.
    public let issues: [CorpusIssue]
    /// The locations of records left out under `skipBadRecords`.
    public let skippedRecords: [SourceLocation]

    /// Whether any issue is an error.
    public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    /// The errors.
    public var errors: [CorpusIssue] { issues.filter { $0.severity == .error } }
    /// The warnings.
    public var warnings: [CorpusIssue] { issues.filter { $0.severity == .warning } }
}

extension DuijieError {
    /// An error listing the problems of a corpus's records, one per line after the message.
    public init(_ code: Code, _ message: String, issues: [CorpusIssue]) {
        self.init(code, message, details: issues.map(\.description))
    }
}

/// Reads corpus directories and plain document files.
public enum CorpusLoader {
    /// Loads a corpus directory, or a plain document file when `path` is a file.
    ///
    /// - Parameters:
    ///   - path: A corpus directory (see docs/corpus-format.md) or a `.jsonl` document file.
    ///   - options: Load options.
    /// - Returns: The records and every problem found.
    /// - Throws: `DuijieError` when the path cannot be read at all.
    /// - Complexity: O(n) in the size of the files, plus O(r) per pass of skipping bad records.
    public static func load(_ path: String, options: CorpusLoadOptions = .init()) throws(DuijieError) -> CorpusLoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DuijieError(.invalidInput, "\(path): no such file or directory")
        }
        if !isDirectory.boolValue {
            return try PlainDocumentLoader.load(file: path, options: options)
        }
        var session = LoadSession(directory: path, options: options)
        try session.readAll()
        let result = session.finish()
        FreedMemory.release()
        return result
    }

    /// Loads a corpus from the contents of its files (relative path, as `RecordKind.fileName`,
    /// → bytes), as a saved recommender index holds them; `name` stands for the directory in
    /// messages. Missing files are empty kinds, as in a directory.
    ///
    /// - Throws: `DuijieError` listing every error.
    public static func loadValidated(files: [String: [UInt8]], name: String) throws(DuijieError) -> CorpusLoadResult {
        let result = try load(files: files, name: name)
        if result.hasErrors { throw DuijieError(.invalidInput, "\(name): the corpus has \(result.errors.count) error(s)", issues: result.errors) }
        return result
    }

    /// Loads a corpus from the contents of its files, as `loadValidated(files:name:)` does, but
    /// returns its errors instead of throwing them (a live index places them in the user's file).
    package static func load(files: [String: [UInt8]], name: String) throws(DuijieError) -> CorpusLoadResult {
        var session = LoadSession(directory: name, options: .init())
        session.embeddedFiles = files
        try session.readAll()
        let result = session.finish()
        FreedMemory.release()
        return result
    }

    /// Loads a corpus and throws when it has errors (unless bad records are skipped).
    ///
    /// - Throws: `DuijieError` listing every error.
    public static func loadValidated(_ path: String, options: CorpusLoadOptions = .init()) throws(DuijieError) -> CorpusLoadResult {
        let result = try load(path, options: options)
        if result.hasErrors && !options.skipBadRecords {
            throw DuijieError(.invalidInput, "\(path): the corpus has \(result.errors.count) error(s)", issues: result.errors)
        }
        return result
    }

    /// Reads a whole regular file, or throws a `DuijieError` naming it (a FIFO or a device is
    /// refused, never read: `RegularFile`).
    package static func readBytes(_ path: String, displayName: String) throws(DuijieError) -> [UInt8] {
        try RegularFile.readAll(path, displayName: displayName)
    }
}

/// A record as loaded, with where it came from and whether it is usable.
struct LoadedRecord<Record: CorpusRecord> {
    var record: Record
    let location: SourceLocation
    var isBad: Bool
}

/// The state of one directory load: the records of every kind and the issues found so far.
struct LoadSession {
    let directory: String
    let options: CorpusLoadOptions
    var issues: [CorpusIssue] = []
    var skipped: [SourceLocation] = []
    var hasRegionTaxonomy = false
    var hasFieldTaxonomy = false
    /// When set, files are read from here (relative path → bytes) instead of the directory.
    var embeddedFiles: [String: [UInt8]]?

    var regions: [LoadedRecord<Region>] = []
    var fields: [LoadedRecord<Field>] = []
    var institutions: [LoadedRecord<Institution>] = []
    var experts: [LoadedRecord<Expert>] = []
    var enterprises: [LoadedRecord<Enterprise>] = []
    var achievements: [LoadedRecord<Achievement>] = []
    var demands: [LoadedRecord<Demand>] = []
    var relations: [LoadedRecord<Relation>] = []

    init(directory: String, options: CorpusLoadOptions) {
        self.directory = directory
        self.options = options
    }

    mutating func readAll() throws(DuijieError) {
        hasRegionTaxonomy = fileExists(RecordKind.region)
        hasFieldTaxonomy = fileExists(RecordKind.field)
        regions = try read(Region.self)
        fields = try read(Field.self)
        institutions = try read(Institution.self)
        experts = try read(Expert.self)
        enterprises = try read(Enterprise.self)
        achievements = try read(Achievement.self)
        demands = try read(Demand.self)
        relations = try read(Relation.self)
        warnAboutUnknownFiles()
    }

    /// Whether the kind's file is there: anything at its path counts, a dangling or looping
    /// symbolic link too, so that it is read and refused with the reason rather than taken
    /// for an absent kind.
    private func fileExists(_ kind: RecordKind) -> Bool {
        if let embeddedFiles { return embeddedFiles[kind.fileName] != nil }
        var status = stat()
        return lstat(FilePath(directory).appending(kind.fileName).string, &status) == 0
    }

    /// Warns of each `*.jsonl` in the directory or its `taxonomy/` that is no kind's file
    /// (`relation.jsonl`, `taxonomy/field.jsonl`): it is not read, and a misspelt name must not
    /// pass for an empty kind without a word.
    private mutating func warnAboutUnknownFiles() {
        guard embeddedFiles == nil else { return }
        let known = Set(RecordKind.allCases.map(\.fileName))
        for folder in ["", "taxonomy/"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: FilePath(directory).appending(folder).string)) ?? []
            for name in names.sorted() where name.hasSuffix(".jsonl") && !known.contains(folder + name) {
                let expected = RecordKind.allCases.map(\.fileName).filter { $0.hasPrefix(folder) && !$0.dropFirst(folder.count).contains("/") }
                issues.append(CorpusIssue(.warning, .unknownFile, at: nil,
                                          "\(folder + name): not a corpus file, not read (expected: \(expected.joined(separator: ", ")))"))
            }
        }
    }

    private mutating func read<Record: CorpusRecord>(_ type: Record.Type) throws(DuijieError) -> [LoadedRecord<Record>] {
        let kind = Record.recordKind
        guard fileExists(kind) else { return [] }
        let path = FilePath(directory).appending(kind.fileName).string
        let bytes: [UInt8]
        if let embedded = embeddedFiles?[kind.fileName] { bytes = embedded } else { bytes = try CorpusLoader.readBytes(path, displayName: kind.fileName) }
        var records: [LoadedRecord<Record>] = []
        decode(bytes, fileName: kind.fileName, into: &records)
        return records
    }

    /// Decodes the lines of `bytes` as records of one kind, appending them to `records`; a
    /// line's number is counted from `lineOffset` + 1.
    mutating func decode<Record: CorpusRecord>(_ bytes: [UInt8], fileName: String, lineOffset: Int = 0, into records: inout [LoadedRecord<Record>]) {
        for line in JSONLinesReader.lines(of: bytes, fileName: fileName) {
            var location = line.location
            location.line += lineOffset
            switch line.object {
            case .failure(var issue):
                issue.location = location
                issues.append(issue)
                skipped.append(location)
            case .success(let members):
                var reader = RecordReader(object: members, location: location)
                let record = Record(reading: &reader)
                reader.finish()
                issues.append(contentsOf: reader.issues)
                records.append(LoadedRecord(record: record, location: location, isBad: reader.hasErrors))
            }
        }
    }

    // MARK: Validation across records

    mutating func finish() -> CorpusLoadResult {
        markDuplicateIDs()
        resolveUntilStable()
        applyDefaultRegions()
        warnAboutThinAchievements()
        // File order (taxonomy first, as read), then line; the sequence number keeps a line's issues in order.
        let fileOrder = Dictionary(uniqueKeysWithValues: RecordKind.allCases.enumerated().map { ($1.fileName, $0) })
        issues = issues.enumerated().sorted { a, b in
            let keyA = (fileOrder[a.element.location?.file ?? ""] ?? -1, a.element.location?.line ?? 0, a.offset)
            let keyB = (fileOrder[b.element.location?.file ?? ""] ?? -1, b.element.location?.line ?? 0, b.offset)
            return keyA < keyB
        }.map(\.element)
        let skip = options.skipBadRecords
        let keep = { (isBad: Bool) in !(isBad && skip) }
        let corpus = Corpus(
            regions: regions.filter { keep($0.isBad) }.map(\.record),
            fields: fields.filter { keep($0.isBad) }.map(\.record),
            institutions: institutions.filter { keep($0.isBad) }.map(\.record),
            experts: experts.filter { keep($0.isBad) }.map(\.record),
            enterprises: enterprises.filter { keep($0.isBad) }.map(\.record),
            achievements: achievements.filter { keep($0.isBad) }.map(\.record),
            demands: demands.filter { keep($0.isBad) }.map(\.record),
            relations: relations.filter { keep($0.isBad) }.map(\.record)
        )
        if options.skipBadRecords {
            skipped += allLocations(where: { $0 })
            skipped.sort { (fileOrder[$0.file] ?? -1, $0.line) < (fileOrder[$1.file] ?? -1, $1.line) }
        }
        return CorpusLoadResult(corpus: corpus, issues: issues, skippedRecords: skipped)
    }

    private func allLocations(where predicate: (Bool) -> Bool) -> [SourceLocation] {
        func pick<R>(_ records: [LoadedRecord<R>]) -> [SourceLocation] { records.filter { predicate($0.isBad) }.map(\.location) }
        return pick(regions) + pick(fields) + pick(institutions) + pick(experts) + pick(enterprises)
            + pick(achievements) + pick(demands) + pick(relations)
    }

    private mutating func markDuplicateIDs() {
        var firstSeen: [String: SourceLocation] = [:]
        func check<R>(_ records: inout [LoadedRecord<R>], issues: inout [CorpusIssue]) {
            for index in records.indices {
                guard let id = records[index].record.recordID, !id.isEmpty else { continue }
                if let first = firstSeen[id] {
                    issues.append(CorpusIssue(.error, .duplicateID, at: records[index].location, field: "id", "duplicate id \"\(id)\", first defined at \(first)"))
                    records[index].isBad = true
                } else {
                    firstSeen[id] = records[index].location
                }
            }
        }
        check(&regions, issues: &issues)
        check(&fields, issues: &issues)
        check(&institutions, issues: &issues)
        check(&experts, issues: &issues)
        check(&enterprises, issues: &issues)
        check(&achievements, issues: &issues)
        check(&demands, issues: &issues)
    }

    /// Experts take their institution's region, achievements their owner's, demands their
    /// enterprise's, when they give none.
    private mutating func applyDefaultRegions() {
        var regionByOwner: [String: String] = [:]
        for entry in institutions { if let region = entry.record.region { regionByOwner[entry.record.id] = region } }
        for entry in enterprises { regionByOwner[entry.record.id] = entry.record.region }
        for index in experts.indices where experts[index].record.region == nil {
            experts[index].record.region = regionByOwner[experts[index].record.institution]
        }
        for index in achievements.indices where achievements[index].record.region == nil {
            achievements[index].record.region = achievements[index].record.owner.flatMap { regionByOwner[$0] }
        }
        for index in demands.indices where demands[index].record.region == nil {
            demands[index].record.region = regionByOwner[demands[index].record.enterprise]
        }
    }

    /// Warns about data a broker would want to know is thin: achievements with neither abstract
    /// nor keywords match on their title alone.
    private mutating func warnAboutThinAchievements() {
        for entry in achievements where !entry.isBad && entry.record.abstract == nil && entry.record.keywords.isEmpty {
            issues.append(CorpusIssue(.warning, .thinRecord, at: entry.location, field: "abstract", "no abstract and no keywords: it can match on its title only"))
        }
    }
}
