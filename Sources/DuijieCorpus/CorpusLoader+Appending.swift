import DuijieBase

extension CorpusLoader {
    /// Loads the records of `corpus` that `kept` names (per kind, indexes into its records, in
    /// order; every record of a kind `kept` leaves out), followed by the lines of `appended`
    /// (per kind, one JSON object each), checking everything a directory load checks: the kept
    /// records are taken as they are (decoded and resolved once already) and only the appended
    /// lines are parsed. Records are numbered as the lines of the files they would make: kept
    /// ones first, from line 1, then the appended ones. What a live index loads.
    ///
    /// - Parameter taxonomy: Whether the corpus has its region and field files (the
    ///   references to regions and fields are checked only then, as in a directory).
    /// - Throws: `DuijieError` only for what stops a load; the records' problems are issues.
    package static func load(keeping kept: [RecordKind: [Int]], of corpus: Corpus, appending appended: [RecordKind: [[UInt8]]],
                             taxonomy: (regions: Bool, fields: Bool), name: String) -> CorpusLoadResult {
        var session = LoadSession(directory: name, options: .init())
        session.hasRegionTaxonomy = taxonomy.regions
        session.hasFieldTaxonomy = taxonomy.fields
        session.regions = session.seeded(corpus.regions, kept[.region], appended[.region])
        session.fields = session.seeded(corpus.fields, kept[.field], appended[.field])
        session.institutions = session.seeded(corpus.institutions, kept[.institution], appended[.institution])
        session.experts = session.seeded(corpus.experts, kept[.expert], appended[.expert])
        session.enterprises = session.seeded(corpus.enterprises, kept[.enterprise], appended[.enterprise])
        session.achievements = session.seeded(corpus.achievements, kept[.achievement], appended[.achievement])
        session.demands = session.seeded(corpus.demands, kept[.demand], appended[.demand])
        session.relations = session.seeded(corpus.relations, kept[.relation], appended[.relation])
        return session.finish()
    }
}

extension LoadSession {
    /// The kept records of one kind, then its appended lines decoded.
    mutating func seeded<Record: CorpusRecord>(_ records: [Record], _ kept: [Int]?, _ appended: [[UInt8]]?) -> [LoadedRecord<Record>] {
        let fileName = Record.recordKind.fileName
        var loaded = (kept ?? Array(records.indices)).enumerated().map { position, index in
            LoadedRecord(record: records[index], location: SourceLocation(file: fileName, line: position + 1), isBad: false)
        }
        if let appended, !appended.isEmpty {
            decode(Array(appended.joined(separator: [0x0A])), fileName: fileName, lineOffset: loaded.count, into: &loaded)
        }
        return loaded
    }
}
