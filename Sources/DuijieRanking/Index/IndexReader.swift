import DuijieBase
import DuijieJSON
import Foundation

/// Typed reading of the sections of a validated `IndexFile`: each section is checked against
/// the size it must have and copied out of the mapping in one block (values are little-endian,
/// as `IndexFile.Writer` stores them on the little-endian hosts it supports).
struct IndexReader {
    /// The mapped, checksummed file.
    let file: IndexFile
    /// Its path, for error messages.
    let path: String
    /// Prepended to every section name (one file can hold several indexes).
    let prefix: String

    init(file: IndexFile, path: String, prefix: String = "") {
        self.file = file
        self.path = path
        self.prefix = prefix
    }

    /// The same file with another section-name prefix.
    func with(prefix: String) -> IndexReader { IndexReader(file: file, path: path, prefix: prefix) }

    /// Whether the file has the section.
    func contains(_ name: String) -> Bool { file.sections[prefix + name] != nil }

    /// A copy of the section's bytes (checksum checked); the mapped pages are released after.
    func bytes(_ name: String) throws(DuijieError) -> [UInt8] {
        let copy = [UInt8](try file.section(prefix + name, in: path))
        file.release(prefix + name)
        return copy
    }

    /// A section of `count` values of a fixed-size type, copied out in one block (checksum
    /// checked); the mapped pages are released after.
    func values<Value: BitwiseCopyable>(_ name: String, count: Int, as type: Value.Type) throws(DuijieError) -> [Value] {
        let raw = try file.section(prefix + name, in: path)
        let size = MemoryLayout<Value>.stride
        // `count` may come from the file (a last offset) and be any 64-bit value: one whose size
        // overflows is refused like one that does not match, not trapped on.
        let (expected, overflow) = count.multipliedReportingOverflow(by: size)
        guard count >= 0, !overflow, raw.count == expected else {
            let wanted = overflow ? "\(count) values of \(size) bytes" : "\(expected)"
            throw DuijieError.index(path, "inconsistent: \(prefix + name) has \(raw.count) bytes, expected \(wanted)")
        }
        let copy = [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: raw.baseAddress!, byteCount: raw.count) }
            initialized = count
        }
        file.release(prefix + name)
        return copy
    }

    /// A section of `count` 64-bit offsets.
    func offsets(_ name: String, count: Int) throws(DuijieError) -> [Int] {
        try values(name, count: count, as: Int.self)
    }

    /// A section of lines of UTF-8 text; `expected` of them.
    func lines(_ name: String, expected: Int) throws(DuijieError) -> [String] {
        let text = String(decoding: try bytes(name), as: UTF8.self)
        let list = expected == 0 ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard list.count == expected else {
            throw DuijieError.index(path, "inconsistent: \(prefix + name) has \(list.count) entries, expected \(expected)")
        }
        return list
    }

    /// A section holding a JSON object.
    func json(_ name: String) throws(DuijieError) -> JSONValue {
        let parsed = try bytes(name).withUnsafeBufferPointer { buffer -> Result<JSONValue, JSONSyntaxError> in
            do throws(JSONSyntaxError) { return .success(try JSONParser.parse(buffer)) } catch { return .failure(error) }
        }
        guard case .success(let value) = parsed else { throw DuijieError.index(path, "corrupted: \(prefix + name) is not JSON") }
        return value
    }
}

/// Reads the fields of an index's JSON metadata, naming the file when one is missing.
struct IndexMetadata {
    let object: JSONValue
    let path: String

    func number(_ key: String) throws(DuijieError) -> Int {
        guard case .number(let value)? = object[key], value >= 0, value == value.rounded(), value < 1e12 else {
            throw DuijieError.index(path, "metadata lacks \(key)")
        }
        return Int(value)
    }

    func string(_ key: String) throws(DuijieError) -> String {
        guard case .string(let value)? = object[key] else { throw DuijieError.index(path, "metadata lacks \(key)") }
        return value
    }

    func flag(_ key: String) -> Bool {
        if case .bool(true)? = object[key] { return true } else { return false }
    }
}
