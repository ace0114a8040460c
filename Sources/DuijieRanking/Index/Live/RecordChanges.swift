import DuijieBase
import DuijieCorpus
import DuijieJSON
import SystemPackage

/// Changes to apply to a live index: records to add or replace (a record whose id is already
/// there replaces it) and ids to remove.
public struct RecordChanges: Sendable {
    /// A record to add or replace, with where it was written.
    public struct Addition: Sendable {
        /// Its kind (its corpus file).
        public let kind: RecordKind
        /// Its line: one JSON object as a corpus file holds it.
        public let line: [UInt8]
        /// Where it came from, for messages.
        public let location: SourceLocation

        /// A record of `kind` given as one JSON object in `json` (a program's own record, which
        /// messages name as `added KIND` with its position in the changes).
        public init(kind: RecordKind, json: String, position: Int = 1) {
            self.init(kind: kind, line: Array(json.utf8), location: SourceLocation(file: "added \(kind.rawValue)", line: position))
        }

        /// A record of `kind` written as `line` (one JSON object), from `location`.
        public init(kind: RecordKind, line: [UInt8], location: SourceLocation) {
            self.kind = kind
            self.line = line
            self.location = location
        }
    }

    /// Records to add or replace, in order.
    public var additions: [Addition] = []
    /// Ids of records to remove.
    public var removals: [String] = []
    /// Relations to remove, as canonical lines (`--from-corpus` finds them).
    var relationRemovals: [String] = []

    /// No changes.
    public init() {}

    /// Whether there is nothing to change.
    public var isEmpty: Bool { additions.isEmpty && removals.isEmpty && relationRemovals.isEmpty }

    /// Reads additions from a JSON Lines file. A file named as a corpus record file
    /// (`achievements.jsonl`, `demands.jsonl` …) holds records of that kind; any other file
    /// names each line's kind in a `"recordKind"` member (`"achievement"`, `"demand"` …), which is
    /// not part of the record.
    ///
    /// - Throws: `DuijieError` naming the file and line of every problem: a line that is not
    ///   a JSON object, a missing or unknown kind.
    public static func additions(fromFile path: String) throws(DuijieError) -> [Addition] {
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        let fileName = FilePath(path).lastComponent?.string ?? path
        let fixedKind = RecordKind.allCases.first { FilePath($0.fileName).lastComponent?.string == fileName }
        var additions: [Addition] = []
        var problems: [CorpusIssue] = []
        for line in JSONLinesReader.lines(of: bytes, fileName: path) {
            switch line.object {
            case .failure(let issue):
                problems.append(issue)
            case .success(var members):
                var kind = fixedKind
                if fixedKind == nil {
                    let named = members.first { $0.key == "recordKind" }
                    members.removeAll { $0.key == "recordKind" }
                    guard case .string(let text)? = named?.value, let found = RecordKind(rawValue: text) else {
                        problems.append(CorpusIssue(.error, .missingField, at: line.location, field: "recordKind",
                                                    "each line needs \"recordKind\": one of \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")) (or name the file achievements.jsonl, demands.jsonl …)"))
                        continue
                    }
                    kind = found
                }
                additions.append(Addition(kind: kind!, line: Array(JSONWriter.string(.object(members)).utf8), location: line.location))
            }
        }
        guard problems.isEmpty else { throw DuijieError(.invalidInput, "\(path): \(problems.count) line(s) cannot be added", issues: problems) }
        return additions
    }
}
