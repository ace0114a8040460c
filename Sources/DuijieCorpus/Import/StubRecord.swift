import DuijieBase
import DuijieJSON
import Foundation
import SystemPackage

/// An institution or enterprise record made by the importer for a name that a sheet's
/// reference column gives and the corpus has no record of: the name, an id made from it, and
/// the kind guessed from the name. An enterprise, which needs a region, takes the region of
/// the row that first named it; an institution is left without one (an achievement's region
/// says little about its owner's).
public struct StubRecord: Sendable {
    /// `.institution` or `.enterprise`.
    public let kind: RecordKind
    /// The id: `I-` (institutions) or `C-` (enterprises) and the name without white space,
    /// with `-2`, `-3` … after it when the corpus already has that id.
    public let id: String
    /// The name as the sheet wrote it.
    public let name: String
    /// The record in canonical JSON form.
    public let record: JSONValue
    /// The row that first named it.
    public let location: SourceLocation
    /// The column of that row, as the sheet writes its header.
    public let column: String

    /// Adds stubs to the record files of a corpus directory (`institutions.jsonl`,
    /// `enterprises.jsonl`), after the records already there. Each file is replaced whole
    /// (`AtomicFile`), so a failure leaves it as it was.
    ///
    /// - Returns: The paths of the files written.
    /// - Throws: `DuijieError` when a file cannot be read or written.
    @discardableResult
    public static func append(_ stubs: [StubRecord], toCorpus directory: String) throws(DuijieError) -> [String] {
        var written: [String] = []
        for kind in [RecordKind.institution, .enterprise] {
            let lines = stubs.filter { $0.kind == kind }.map { JSONWriter.string($0.record) + "\n" }
            guard !lines.isEmpty else { continue }
            let path = FilePath(directory).appending(kind.fileName).string
            var bytes: [UInt8] = []
            if FileManager.default.fileExists(atPath: path) {
                bytes = try CorpusLoader.readBytes(path, displayName: path)
                if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
            }
            bytes += Array(lines.joined().utf8)
            try AtomicFile.write(Data(bytes), to: path)
            written.append(path)
        }
        return written
    }
}

/// What a stub is made from before it has an id.
struct StubPlan: Equatable {
    /// The reference field of the row that names it.
    let field: String
    let kind: RecordKind
    let name: String
    let region: String?

    /// The stub for an organisation named `name` in the reference `field`, which accepts `accepted`
    /// (an owner may be an institution or an enterprise: names of companies are enterprises).
    ///
    /// - Returns: `nil` when the stub would be an enterprise and the row gives no region,
    ///   which every enterprise needs.
    init?(field: String, name: String, accepted: ReferenceKind, region: String?) {
        let isCompany = ["公司", "集团"].contains(where: { name.contains($0) }) || name.hasSuffix("厂")
        let kind: RecordKind = accepted == .enterprise || (accepted == .owner && isCompany) ? .enterprise : .institution
        if kind == .enterprise && region == nil { return nil }
        self.field = field
        self.kind = kind
        self.name = name
        self.region = kind == .enterprise ? region : nil
    }

    /// A university, an institute, or another kind, from the name.
    var institutionKind: InstitutionKind {
        if name.contains("大学") || name.hasSuffix("学院") { return .university }
        if ["研究所", "研究院", "研究中心", "科学院"].contains(where: { name.contains($0) }) { return .institute }
        return .other
    }

    /// The record, with its id.
    func record(id: String) -> JSONValue {
        switch kind {
        case .enterprise:
            return Enterprise(id: id, name: name, aliases: [], region: region ?? "", fields: [], tags: []).jsonValue
        default:
            return Institution(id: id, name: name, aliases: [], kind: institutionKind, region: region, fields: []).jsonValue
        }
    }

    /// `I-` or `C-` and the name without white space.
    var idStem: String {
        (kind == .enterprise ? "C-" : "I-") + name.filter { !$0.isWhitespace }
    }
}
