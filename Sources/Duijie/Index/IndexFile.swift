import Foundation

/// Duijie's binary index container: a header, a section table, and named sections, each with a
/// CRC-32. Little-endian throughout.
///
/// ```
/// offset 0   "DUIJIEIX"                     8 bytes magic
///        8   format version                 UInt32
///        12  section count n                UInt32
///        16  n × { name: 16 bytes (UTF-8, zero-padded), offset: UInt64, length: UInt64,
///                  crc32: UInt32, reserved: UInt32 }          40 bytes each
///        …   section bytes, each starting at a multiple of 8
/// ```
///
/// Reading maps the file into memory and checks everything before anything is used: the magic,
/// the version, that every section lies inside the file, and every checksum. A truncated or
/// corrupted file gives an `IndexError` naming what is wrong; it never crashes the reader.
struct IndexFile {
    static let magic: [UInt8] = Array("DUIJIEIX".utf8)
    static let version: UInt32 = 1
    static let entrySize = 40

    /// Collects an index file's sections and writes them out. A section is kept as the array it
    /// came from (no copy) and streamed to disk; values are stored in the host's byte order,
    /// which `IndexFile` requires to be little-endian.
    struct Writer {
        private struct Section {
            let name: String
            /// Calls its argument with the section's bytes.
            let visit: ((UnsafeRawBufferPointer) -> Void) -> Void
        }

        private var sections: [Section] = []

        /// Adds a section holding the raw bytes of `values` (`[UInt8]`, `[Int32]`, `[Float]`,
        /// `[Int]` as 64-bit integers …).
        mutating func add<Value: BitwiseCopyable>(_ name: String, _ values: [Value]) {
            precondition(name.utf8.count <= 16, "section names have at most 16 bytes")
            #if _endian(big)
            preconditionFailure("index files are written on little-endian hosts only")
            #endif
            sections.append(Section(name: name, visit: { body in values.withUnsafeBytes { body($0) } }))
        }

        /// Adds a section of UTF-8 text.
        mutating func add(_ name: String, text: String) { add(name, Array(text.utf8)) }

        /// Writes the file atomically (temporary file, fsync, rename).
        ///
        /// - Throws: `CorpusError` when the file cannot be written.
        func write(to path: String) throws(CorpusError) {
            var header = Data(IndexFile.magic)
            header.append(littleEndian: IndexFile.version)
            header.append(littleEndian: UInt32(sections.count))
            var offset = 16 + sections.count * IndexFile.entrySize
            var paddings: [Int] = []
            for section in sections {
                let padding = (8 - offset % 8) % 8
                paddings.append(padding)
                offset += padding
                var length = 0
                var checksum: UInt32 = 0
                section.visit { bytes in
                    length = bytes.count
                    checksum = CRC32.checksum(bytes)
                }
                var name = Array(section.name.utf8)
                name += [UInt8](repeating: 0, count: 16 - name.count)
                header.append(contentsOf: name)
                header.append(littleEndian: UInt64(offset))
                header.append(littleEndian: UInt64(length))
                header.append(littleEndian: checksum)
                header.append(littleEndian: UInt32(0))
                offset += length
            }
            try AtomicFile.write(to: path) { descriptor in
                var code = header.withUnsafeBytes { writeAll(descriptor, $0) }
                let zeros = [UInt8](repeating: 0, count: 8)
                for (section, padding) in zip(sections, paddings) where code == 0 {
                    code = zeros.withUnsafeBytes { writeAll(descriptor, UnsafeRawBufferPointer(rebasing: $0.prefix(padding))) }
                    if code == 0 { section.visit { code = writeAll(descriptor, $0) } }
                }
                return code
            }
        }
    }

    /// The mapped file and its validated sections.
    let data: Data
    let sections: [String: Range<Int>]

    /// Maps and validates the file at `path`.
    ///
    /// - Throws: `IndexError` for a missing, truncated, corrupted or foreign file.
    init(path: String) throws(IndexError) {
        let mapped: Data
        do {
            mapped = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw IndexError(path, "cannot read the index (\(error.localizedDescription))")
        }
        guard mapped.count >= 16, Array(mapped.prefix(8)) == IndexFile.magic else {
            throw IndexError(path, "not a Duijie index (wrong magic bytes)")
        }
        let version: UInt32 = mapped.readLittleEndian(at: 8)
        guard version == IndexFile.version else {
            throw IndexError(path, "index format version \(version); this duijie reads version \(IndexFile.version) — rebuild it with `duijie index`")
        }
        let count = Int(mapped.readLittleEndian(at: 12) as UInt32)
        guard count <= 1_000, 16 + count * IndexFile.entrySize <= mapped.count else {
            throw IndexError(path, "truncated: the section table does not fit in \(mapped.count) bytes")
        }
        var sections: [String: Range<Int>] = [:]
        for index in 0..<count {
            let entry = 16 + index * IndexFile.entrySize
            let nameBytes = mapped[mapped.startIndex + entry..<mapped.startIndex + entry + 16].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let offset: UInt64 = mapped.readLittleEndian(at: entry + 16)
            let length: UInt64 = mapped.readLittleEndian(at: entry + 24)
            let expected: UInt32 = mapped.readLittleEndian(at: entry + 32)
            guard offset <= UInt64(mapped.count), length <= UInt64(mapped.count) - offset else {
                throw IndexError(path, "truncated: section \(name) needs bytes up to \(offset &+ length), the file has \(mapped.count)")
            }
            let range = Int(offset)..<Int(offset + length)
            let actual = mapped.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[range])) }
            guard actual == expected else { throw IndexError(path, "corrupted: section \(name) fails its checksum") }
            sections[name] = range
        }
        data = mapped
        self.sections = sections
    }

    /// The bytes of a section.
    func section(_ name: String, in path: String) throws(IndexError) -> Data {
        guard let range = sections[name] else { throw IndexError(path, "missing section \(name)") }
        return data[data.startIndex + range.lowerBound..<data.startIndex + range.upperBound]
    }
}

/// A problem reading or writing an index.
public struct IndexError: Error, Sendable, CustomStringConvertible {
    /// The index file.
    public let path: String
    /// What is wrong.
    public let message: String

    init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension Data {
    mutating func append<Value: FixedWidthInteger>(littleEndian value: Value) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    /// Reads a little-endian integer at a byte offset from the start; the caller checked bounds.
    func readLittleEndian<Value: FixedWidthInteger>(at offset: Int) -> Value {
        var value: Value = 0
        Swift.withUnsafeMutableBytes(of: &value) { target in
            _ = copyBytes(to: target, from: (startIndex + offset)..<(startIndex + offset + MemoryLayout<Value>.size))
        }
        return Value(littleEndian: value)
    }
}
