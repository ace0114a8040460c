import DuijieBase
import DuijieCorpus
import DuijieJSON

/// One committed change to a live index: the keys of the records it removes (a changed
/// record is removed and appended again) and the canonical lines it appends, per kind.
/// Segments are immutable once written; each is an `IndexFile` (so every part is checksummed)
/// with the sections `segment` (JSON: format and generation), `r/KIND` (removed keys, one per
/// line) and `a/KIND` (appended lines).
package struct Segment: Sendable, Equatable {
    /// The generation this segment commits.
    package let generation: Int
    /// Per kind, the keys removed (ids; for relations, their canonical lines).
    package var removed: [RecordKind: [String]]
    /// Per kind, the canonical lines appended.
    package var appended: [RecordKind: [[UInt8]]]

    package init(generation: Int, removed: [RecordKind: [String]] = [:], appended: [RecordKind: [[UInt8]]] = [:]) {
        self.generation = generation
        self.removed = removed
        self.appended = appended
    }

    /// Whether the segment changes nothing.
    package var isEmpty: Bool { removed.values.allSatisfy(\.isEmpty) && appended.values.allSatisfy(\.isEmpty) }

    /// Writes the segment atomically to `path`.
    package func write(to path: String) throws(DuijieError) {
        var writer = IndexFile.Writer()
        writer.add("segment", text: JSONWriter.string(.object([("format", .string("duijie-segment")), ("generation", .number(Double(generation)))])))
        for kind in RecordKind.allCases {
            if let keys = removed[kind], !keys.isEmpty { writer.add("r/" + kind.rawValue, text: keys.joined(separator: "\n")) }
            if let lines = appended[kind], !lines.isEmpty { writer.add("a/" + kind.rawValue, Array(lines.joined(separator: [0x0A]))) }
        }
        try writer.write(to: path)
    }

    /// Reads the segment at `path`, checking every section's checksum.
    ///
    /// - Throws: `DuijieError` for a missing, truncated, corrupted or foreign file.
    package static func read(_ path: String) throws(DuijieError) -> Segment {
        let reader = IndexReader(file: try IndexFile(path: path), path: path)
        guard reader.contains("segment") else { throw DuijieError.index(path, "not a segment of a live index") }
        let meta = IndexMetadata(object: try reader.json("segment"), path: path)
        guard try meta.string("format") == "duijie-segment" else { throw DuijieError.index(path, "not a segment of a live index") }
        var segment = Segment(generation: try meta.number("generation"))
        for kind in RecordKind.allCases {
            if reader.contains("r/" + kind.rawValue) {
                segment.removed[kind] = String(decoding: try reader.bytes("r/" + kind.rawValue), as: UTF8.self)
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            if reader.contains("a/" + kind.rawValue) {
                segment.appended[kind] = try reader.bytes("a/" + kind.rawValue).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
            }
        }
        return segment
    }
}
