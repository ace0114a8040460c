import DuijieBase
import DuijieCorpus
import DuijieJSON

/// A corpus as the lines of its record files, in file order, each with its record's key (its
/// id; for a relation, which has none, its line): what a live index edits. Removing records
/// and appending lines, then loading the files these lines make, gives the live corpus; a
/// record's position never changes except by its removal, so unchanged records keep their
/// order and a changed record (removed, then appended) moves to the end of its file.
package struct CorpusLines: Sendable {
    /// One record's line.
    package struct Line: Sendable {
        /// The record's id, or for a relation the line itself.
        package let key: String
        /// The line's bytes, without a line end.
        package let bytes: [UInt8]
        /// Whether the line came from a segment (added or changed since the base).
        package let isUpdate: Bool
        /// The record's index in the corpus these lines were keyed from; −1 for a line
        /// appended since.
        package let origin: Int
    }

    /// Per kind, its lines in file order.
    package private(set) var lines: [RecordKind: [Line]]

    /// The lines of `files` (file name → bytes, as a saved index embeds them), keyed by the
    /// records of `corpus`, which must be those files loaded.
    ///
    /// - Throws: `DuijieError` when a file's non-blank lines are not its records one for one.
    package init(files: [String: [UInt8]], corpus: Corpus, name: String) throws(DuijieError) {
        var lines: [RecordKind: [Line]] = [:]
        taxonomy = (false, false)
        for kind in RecordKind.allCases {
            let bytes = files[kind.fileName] ?? []
            let ranges = JSONLinesReader.nonBlankLineRanges(of: bytes)
            let keys = Self.keys(of: kind, in: corpus)
            guard ranges.count == keys.count else {
                throw DuijieError(.invalidInput, "\(name): \(kind.fileName) has \(ranges.count) lines for \(keys.count) records")
            }
            if kind == .region { taxonomy.regions = files[kind.fileName] != nil }
            if kind == .field { taxonomy.fields = files[kind.fileName] != nil }
            lines[kind] = zip(keys, ranges).enumerated().map { index, line in Line(key: line.0, bytes: Array(bytes[line.1]), isUpdate: false, origin: index) }
        }
        self.lines = lines
    }

    /// The keys of the records of `kind` in `corpus`, in order.
    package static func keys(of kind: RecordKind, in corpus: Corpus) -> [String] {
        switch kind {
        case .region: return corpus.regions.map(\.id)
        case .field: return corpus.fields.map(\.id)
        case .institution: return corpus.institutions.map(\.id)
        case .expert: return corpus.experts.map(\.id)
        case .enterprise: return corpus.enterprises.map(\.id)
        case .achievement: return corpus.achievements.map(\.id)
        case .demand: return corpus.demands.map(\.id)
        case .relation: return corpus.relations.map { JSONWriter.string($0.jsonValue) }
        }
    }

    /// The canonical line of the record of `kind` at `index` in `corpus` (its references
    /// resolved to ids): how a segment stores a record, so that its key is exact.
    package static func canonicalLine(of kind: RecordKind, at index: Int, in corpus: Corpus) -> [UInt8] {
        let value: JSONValue
        switch kind {
        case .region: value = corpus.regions[index].jsonValue
        case .field: value = corpus.fields[index].jsonValue
        case .institution: value = corpus.institutions[index].jsonValue
        case .expert: value = corpus.experts[index].jsonValue
        case .enterprise: value = corpus.enterprises[index].jsonValue
        case .achievement: value = corpus.achievements[index].jsonValue
        case .demand: value = corpus.demands[index].jsonValue
        case .relation: value = corpus.relations[index].jsonValue
        }
        return Array(JSONWriter.string(value).utf8)
    }

    /// The key of a canonical line of `kind` (its `id`, or for a relation the line).
    static func key(ofCanonical line: [UInt8], kind: RecordKind) -> String {
        guard kind != .relation, case .object(let members)? = try? line.withUnsafeBufferPointer({ buffer throws(JSONSyntaxError) in try JSONParser.parse(buffer) }),
              let id = members.first(where: { $0.key == "id" }), case .string(let text) = id.value else {
            return String(decoding: line, as: UTF8.self)
        }
        return text
    }

    /// Applies a segment: its removals (each removes the first line with that key), then its
    /// appended lines.
    ///
    /// - Throws: `DuijieError` when a removed key is not there (the segment does not belong
    ///   to this state).
    package mutating func apply(_ segment: Segment, name: String) throws(DuijieError) {
        for kind in RecordKind.allCases {
            let removed = segment.removed[kind] ?? []
            let appended = segment.appended[kind] ?? []
            guard !removed.isEmpty || !appended.isEmpty else { continue }
            var current = lines[kind] ?? []
            if !removed.isEmpty {
                var pending: [String: Int] = [:]
                for key in removed { pending[key, default: 0] += 1 }
                current.removeAll { line in
                    guard let count = pending[line.key], count > 0 else { return false }
                    pending[line.key] = count - 1
                    return true
                }
                if let missing = pending.first(where: { $0.value > 0 }) {
                    throw DuijieError(.index, "\(name): segment \(segment.generation) removes \(kind.withArticle) \(missing.key) that is not there")
                }
            }
            current += appended.map { Line(key: Self.key(ofCanonical: $0, kind: kind), bytes: $0, isUpdate: true, origin: -1) }
            lines[kind] = current
        }
    }

    /// The same lines keyed from the corpus they make (each line's origin its position).
    package func rebased() -> CorpusLines {
        var rebased = self
        rebased.lines = lines.mapValues { lines in
            lines.enumerated().map { index, line in Line(key: line.key, bytes: line.bytes, isUpdate: line.isUpdate, origin: index) }
        }
        return rebased
    }

    /// Loads the records these lines make, given the corpus they were keyed from: its records
    /// are taken as decoded, and only the lines appended since are parsed
    /// (`CorpusLoader.load(keeping:of:appending:taxonomy:name:)`).
    package func load(from corpus: Corpus, name: String) -> CorpusLoadResult {
        var kept: [RecordKind: [Int]] = [:], appended: [RecordKind: [[UInt8]]] = [:]
        for (kind, lines) in lines {
            kept[kind] = lines.compactMap { $0.origin >= 0 ? $0.origin : nil }
            appended[kind] = lines.compactMap { $0.origin < 0 ? $0.bytes : nil }
        }
        return CorpusLoader.load(keeping: kept, of: corpus, appending: appended, taxonomy: taxonomy, name: name)
    }

    /// Whether the corpus has its region and field files.
    package var taxonomy: (regions: Bool, fields: Bool)

    /// The record files these lines make (file name → bytes), as `CorpusLoader.loadValidated(files:name:)` reads them.
    package var files: [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for (kind, lines) in lines where !lines.isEmpty {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(lines.reduce(0) { $0 + $1.bytes.count + 1 })
            for line in lines {
                bytes += line.bytes
                bytes.append(0x0A)
            }
            files[kind.fileName] = bytes
        }
        return files
    }

    /// The keys of the lines of `kind` that came from segments.
    package func updatedKeys(of kind: RecordKind) -> Set<String> {
        Set((lines[kind] ?? []).lazy.filter(\.isUpdate).map(\.key))
    }

    /// The number of records, and of those that came from segments.
    package var counts: (records: Int, updated: Int) {
        lines.values.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.lazy.filter(\.isUpdate).count) }
    }
}
