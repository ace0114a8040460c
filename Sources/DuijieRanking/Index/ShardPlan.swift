import DuijieBase
import DuijieJSON

/// The list of a sharded index's parts (`plan.json` beside the shard files): which file holds
/// which rows, and what the whole was built from. A coordinator reads it to start one server
/// per shard and checks each server's answer to `info` against it.
public struct ShardPlan: Sendable, Equatable {
    /// The plan file's name in its directory.
    public static let fileName = "plan.json"

    /// One shard.
    public struct Entry: Sendable, Equatable {
        /// The shard file's name, relative to the plan's directory.
        public let file: String
        /// The global row of its first document.
        public let firstRow: Int
        /// How many documents it holds.
        public let documents: Int
    }

    /// The plan's identity, also recorded in every shard file.
    public let identity: String
    /// The fingerprint of the corpus the shards were built from.
    public let corpusFingerprint: String
    /// How many documents all shards hold.
    public let totalDocuments: Int
    /// The LSA dimensions of the shared basis (0: none).
    public let lsaDimensions: Int
    /// `tfidf` or `bm25`.
    public let weighting: String
    /// The shards, in row order.
    public let shards: [Entry]

    /// The plan as `plan.json` holds it (one line).
    public var json: String {
        JSONWriter.string(.object([
            ("format", .string("duijie-shard-plan")), ("version", .number(1)), ("plan", .string(identity)),
            ("corpus", .string(corpusFingerprint)), ("totalDocuments", .number(Double(totalDocuments))),
            ("lsaDimensions", .number(Double(lsaDimensions))), ("weighting", .string(weighting)),
            ("shards", .array(shards.map { entry in
                .object([("file", .string(entry.file)), ("firstRow", .number(Double(entry.firstRow))), ("documents", .number(Double(entry.documents)))])
            })),
        ]))
    }

    /// Creates a plan.
    public init(identity: String, corpusFingerprint: String, totalDocuments: Int, lsaDimensions: Int, weighting: String, shards: [Entry]) {
        self.identity = identity
        self.corpusFingerprint = corpusFingerprint
        self.totalDocuments = totalDocuments
        self.lsaDimensions = lsaDimensions
        self.weighting = weighting
        self.shards = shards
    }

    /// Reads a plan from `plan.json`'s text.
    ///
    /// - Throws: `DuijieError` naming `path` and the member that is missing or wrong, or when
    ///   the shards do not cover the rows once each, in order.
    public init(json text: String, path: String) throws(DuijieError) {
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch { throw DuijieError(.invalidInput, "\(path): not JSON: \(error)") }
        let meta = IndexMetadata(object: value, path: path)
        guard case .string("duijie-shard-plan")? = value["format"] else { throw DuijieError(.invalidInput, "\(path): not a shard plan (format)") }
        guard case .array(let list)? = value["shards"], !list.isEmpty else { throw DuijieError(.invalidInput, "\(path): shards: expected a non-empty array") }
        var entries: [Entry] = []
        for (position, item) in list.enumerated() {
            let member = IndexMetadata(object: item, path: "\(path): shards[\(position)]")
            entries.append(Entry(file: try member.string("file"), firstRow: try member.number("firstRow"), documents: try member.number("documents")))
        }
        self.init(identity: try meta.string("plan"), corpusFingerprint: try meta.string("corpus"), totalDocuments: try meta.number("totalDocuments"),
                  lsaDimensions: try meta.number("lsaDimensions"), weighting: try meta.string("weighting"), shards: entries)
        var next = 0
        for (position, entry) in entries.enumerated() {
            guard entry.firstRow == next else { throw DuijieError(.invalidInput, "\(path): shards[\(position)].firstRow is \(entry.firstRow), expected \(next)") }
            next += entry.documents
        }
        guard next == totalDocuments else { throw DuijieError(.invalidInput, "\(path): the shards hold \(next) documents, totalDocuments says \(totalDocuments)") }
    }
}
