extension RecordKind {
    /// The record type of this kind.
    var recordType: any CorpusRecord.Type {
        switch self {
        case .region: return Region.self
        case .field: return Field.self
        case .institution: return Institution.self
        case .expert: return Expert.self
        case .enterprise: return Enterprise.self
        case .achievement: return Achievement.self
        case .demand: return Demand.self
        case .relation: return Relation.self
        }
    }

    /// Every field records of this kind have.
    var fieldNames: Set<String> { Self.fieldTables[self]!.all }

    /// The fields records of this kind cannot do without.
    var requiredFieldNames: Set<String> { Self.fieldTables[self]!.required }

    /// Each kind's fields, read off its decoder rather than listed again: decoding an empty
    /// object asks for every field, and reports each required one as missing.
    private static let fieldTables: [RecordKind: (all: Set<String>, required: Set<String>)] = {
        var tables: [RecordKind: (all: Set<String>, required: Set<String>)] = [:]
        for kind in RecordKind.allCases {
            var reader = RecordReader(object: [], location: SourceLocation(file: "", line: 0))
            _ = kind.recordType.init(reading: &reader)
            let required = reader.issues.filter { $0.code == .missingField }.compactMap(\.field)
            tables[kind] = (reader.keysRead, Set(required))
        }
        return tables
    }()
}
