import DuijieBase
import DuijieCorpus
import DuijieJSON
import Foundation
import SystemPackage

/// The commit point of a live index `FILE`: `FILE.live`, a small JSON file naming the base it
/// applies to (by `IndexFile.identity`), the generation, and the segments `FILE.seg-N` to apply
/// in order. It is replaced atomically (temporary file, fsync, rename), so a reader sees the
/// previous generation or the next one, never a mixture; segments it does not name are
/// leftovers of an interrupted update and are never read.
package struct LiveManifest: Sendable, Equatable {
    /// The identity of the base file the segments apply to.
    package var baseIdentity: String
    /// The generation: 0 for a fresh base, one more for every committed update.
    package var generation: Int
    /// The segment files' names (beside the index), oldest first.
    package var segments: [String]
    /// The corpus directory the index last took changes from (`--from-corpus`), absolute.
    package var corpusDirectory: String?
    /// That corpus's fingerprint then.
    package var corpusFingerprint: String?

    /// The manifest's path for the index at `index`.
    package static func path(of index: String) -> String { index + ".live" }
    /// The writers' lock file of the index at `index`.
    package static func lockPath(of index: String) -> String { index + ".lock" }
    /// The file name of the segment of `generation` for the index at `index`.
    package static func segmentName(of index: String, generation: Int) -> String {
        (FilePath(index).lastComponent?.string ?? index) + ".seg-\(generation)"
    }
    /// The path of a segment named in the manifest of the index at `index`.
    package static func segmentPath(_ name: String, of index: String) -> String {
        FilePath(index).removingLastComponent().appending(name).string
    }

    /// The manifest of the index at `index`, or `nil` when it has none (a fresh base).
    ///
    /// - Throws: `DuijieError` for an unreadable or malformed manifest.
    package static func read(index: String) throws(DuijieError) -> LiveManifest? {
        let path = path(of: index)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = try RegularFile.readAll(path, displayName: path)
        let value: JSONValue
        do throws(JSONSyntaxError) {
            value = try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try JSONParser.parse(buffer) }
        } catch {
            throw DuijieError.index(path, "malformed manifest: \(error.message)")
        }
        let meta = IndexMetadata(object: value, path: path)
        guard try meta.string("format") == "duijie-live" else { throw DuijieError.index(path, "not the manifest of a live index") }
        guard case .array(let names)? = value["segments"] else { throw DuijieError.index(path, "manifest lacks segments") }
        var segments: [String] = []
        for name in names {
            guard case .string(let text) = name, !text.contains("/") else { throw DuijieError.index(path, "manifest names a segment outside the index's folder") }
            segments.append(text)
        }
        var manifest = LiveManifest(baseIdentity: try meta.string("base"), generation: try meta.number("generation"), segments: segments)
        if case .string(let directory)? = value["corpusDirectory"] { manifest.corpusDirectory = directory }
        if case .string(let fingerprint)? = value["corpusFingerprint"] { manifest.corpusFingerprint = fingerprint }
        return manifest
    }

    /// Writes the manifest of the index at `index` atomically: the commit.
    package func write(index: String) throws(DuijieError) {
        var members: [(String, JSONValue)] = [("format", .string("duijie-live")), ("base", .string(baseIdentity)),
                                              ("generation", .number(Double(generation))), ("segments", .array(segments.map { .string($0) }))]
        if let corpusDirectory { members.append(("corpusDirectory", .string(corpusDirectory))) }
        if let corpusFingerprint { members.append(("corpusFingerprint", .string(corpusFingerprint))) }
        try AtomicFile.write(JSONWriter.string(.object(members)) + "\n", to: Self.path(of: index))
    }
}

extension IndexFile {
    /// The file's identity: a hash of its section table (every section's name, length and
    /// checksum), so two files with the same contents have the same identity and any change
    /// of contents changes it.
    var identity: String {
        var hash = FNV1a.offsetBasis
        for name in sections.keys.sorted() {
            let (range, checksum) = sections[name]!
            var entry = Array(name.utf8) + [0]
            withUnsafeBytes(of: UInt64(range.count).littleEndian) { entry += $0 }
            withUnsafeBytes(of: checksum.littleEndian) { entry += $0 }
            entry.withUnsafeBytes { hash = FNV1a.hash($0, continuing: hash) }
        }
        return String(hash, radix: 16)
    }
}
