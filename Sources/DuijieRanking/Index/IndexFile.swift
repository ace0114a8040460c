import DuijieBase
import DuijieCorpus
import Foundation

/// Duijie's binary index container: a header, a section table, and named sections, each with a
/// CRC-32. Little-endian throughout.
///
/// ```
/// offset 0   "DUIJIEIX"                     8 bytes magic
///        8   format version                 UInt32
///        12  section count n                UInt32
///        16  n × { name: 16 bytes (UTF-8, zero-padded), offset: UInt64, length: UInt64,
///                  crc32: UInt32, entry crc32: UInt32 }       40 bytes each
///        …   section bytes, each starting at a multiple of 8, the gaps zero
/// ```
///
/// The entry checksum (version 3) covers the entry's first 36 bytes, so a flipped byte in a
/// name, an offset, a length or a checksum is caught like one in a section; version 2 files
/// (reserved zeros there) are still read. Reading maps the file into memory and checks the
/// magic, the version, every entry's checksum, that names are distinct, that every section
/// lies inside the file and that the gaps between sections are zeros before anything is used; each section's checksum is checked when it is
/// read, before its bytes are used. A truncated or corrupted file gives an `DuijieError` naming
/// what is wrong; it never crashes the reader.
struct IndexFile {
    static let magic: [UInt8] = Array("DUIJIEIX".utf8)
    static let version: UInt32 = 3
    /// The versions this build reads (2: without entry checksums).
    static let readableVersions: ClosedRange<UInt32> = 2...3
    static let entrySize = 40

    /// Collects an index file's sections and writes them out. A section is kept as the array it
    /// came from (no copy) or as the path of a file (read a block at a time), and streamed to
    /// disk; values are stored in the host's byte order, which `IndexFile` requires to be
    /// little-endian.
    struct Writer {
        private struct Section {
            let name: String
            /// The file the bytes come from, when they do not come from memory.
            let file: String?
            /// Calls its argument with the section's bytes, a block at a time.
            let blocks: ((UnsafeRawBufferPointer) throws(DuijieError) -> Void) throws(DuijieError) -> Void
        }

        private var sections: [Section] = []

        /// Adds a section holding the raw bytes of `values` (`[UInt8]`, `[Int32]`, `[Float]`,
        /// `[Int]` as 64-bit integers …).
        mutating func add<Value: BitwiseCopyable>(_ name: String, _ values: [Value]) {
            precondition(name.utf8.count <= 16, "section names have at most 16 bytes")
            #if _endian(big)
            preconditionFailure("index files are written on little-endian hosts only")
            #endif
            sections.append(Section(name: name, file: nil, blocks: { body throws(DuijieError) in
                var failure: DuijieError?
                values.withUnsafeBytes { bytes in
                    do throws(DuijieError) { try body(bytes) } catch { failure = error }
                }
                if let failure { throw failure }
            }))
        }

        /// Adds a section of UTF-8 text.
        mutating func add(_ name: String, text: String) { add(name, Array(text.utf8)) }

        /// Adds a section holding the bytes of the file at `path`, which is read when the index
        /// is written (twice: for the checksum, then for the copy) and never held whole.
        mutating func add(_ name: String, contentsOf path: String, displayName: String) {
            precondition(name.utf8.count <= 16, "section names have at most 16 bytes")
            sections.append(Section(name: name, file: displayName, blocks: { body throws(DuijieError) in
                try FileBlocks.forEach(in: path, displayName: displayName, body)
            }))
        }

        /// Writes the file atomically (temporary file, fsync, rename).
        ///
        /// - Throws: `DuijieError` when the file cannot be written, or when a file section
        ///   changed between its checksum and its copy (the index is then not replaced).
        func write(to path: String) throws(DuijieError) {
            var header = Data(IndexFile.magic)
            header.append(littleEndian: IndexFile.version)
            header.append(littleEndian: UInt32(sections.count))
            var offset = 16 + sections.count * IndexFile.entrySize
            var paddings: [Int] = []
            var measured: [(length: Int, checksum: UInt32)] = []
            for section in sections {
                let padding = (8 - offset % 8) % 8
                paddings.append(padding)
                offset += padding
                var length = 0
                var checksum: UInt32 = 0
                try section.blocks { bytes in
                    length += bytes.count
                    checksum = CRC32.checksum(bytes, continuing: checksum)
                }
                measured.append((length, checksum))
                var name = Array(section.name.utf8)
                name += [UInt8](repeating: 0, count: 16 - name.count)
                var entry = Data(name)
                entry.append(littleEndian: UInt64(offset))
                entry.append(littleEndian: UInt64(length))
                entry.append(littleEndian: checksum)
                let entryChecksum = entry.withUnsafeBytes { CRC32.checksum($0) }
                header.append(entry)
                header.append(littleEndian: entryChecksum)
                offset += length
            }
            try AtomicFile.write(to: path) { descriptor throws(DuijieError) in
                var code = header.withUnsafeBytes { writeAll(descriptor, $0) }
                let zeros = [UInt8](repeating: 0, count: 8)
                for (index, section) in sections.enumerated() where code == 0 {
                    code = zeros.withUnsafeBytes { writeAll(descriptor, UnsafeRawBufferPointer(rebasing: $0.prefix(paddings[index]))) }
                    var length = 0
                    var checksum: UInt32 = 0
                    try section.blocks { bytes in
                        guard code == 0 else { return }
                        length += bytes.count
                        if section.file != nil { checksum = CRC32.checksum(bytes, continuing: checksum) }
                        code = writeAll(descriptor, bytes)
                    }
                    if let file = section.file, code == 0, length != measured[index].length || checksum != measured[index].checksum {
                        throw DuijieError(.invalidInput, "\(path): \(file) changed while the index was being written; any existing index is unchanged")
                    }
                }
                return code
            }
        }
    }

    /// The mapped file.
    private let mapping: FileMapping
    /// Each section's byte range and CRC-32, from the section table (bounds checked).
    let sections: [String: (range: Range<Int>, checksum: UInt32)]

    /// Maps the file at `path` and checks its header and section table: the magic, the version,
    /// and that every section lies inside the file. Checksums are checked as sections are read.
    ///
    /// - Throws: `DuijieError` for a missing, truncated or foreign file.
    init(path: String) throws(DuijieError) {
        let mapping = try FileMapping(path: path)
        let bytes = mapping.bytes
        func integer<Value: FixedWidthInteger>(at offset: Int, _ type: Value.Type) -> Value {
            Value(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Value.self))
        }
        guard bytes.count >= 16, Array(bytes.prefix(8)) == IndexFile.magic else {
            throw DuijieError.index(path, "not a Duijie index (wrong magic bytes)")
        }
        let version = integer(at: 8, UInt32.self)
        guard IndexFile.readableVersions.contains(version) else {
            throw DuijieError.index(path, "index format version \(version); this duijie reads versions \(IndexFile.readableVersions.lowerBound)–\(IndexFile.readableVersions.upperBound) — rebuild it with `duijie index`")
        }
        let count = Int(integer(at: 12, UInt32.self))
        guard count <= 1_000, 16 + count * IndexFile.entrySize <= bytes.count else {
            throw DuijieError.index(path, "truncated: the section table does not fit in \(bytes.count) bytes")
        }
        var sections: [String: (range: Range<Int>, checksum: UInt32)] = [:]
        for index in 0..<count {
            let entry = 16 + index * IndexFile.entrySize
            // Version 2 wrote zeros where version 3 writes the entry's checksum.
            let recorded = integer(at: entry + 36, UInt32.self)
            let expected = version >= 3 ? CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[entry..<entry + 36])) : 0
            guard recorded == expected else {
                throw DuijieError.index(path, "corrupted: entry \(index + 1) of the section table fails its checksum")
            }
            let name = String(decoding: bytes[entry..<entry + 16].prefix { $0 != 0 }, as: UTF8.self)
            guard sections[name] == nil else { throw DuijieError.index(path, "corrupted: the section table names \(name) twice") }
            let offset = integer(at: entry + 16, UInt64.self)
            let length = integer(at: entry + 24, UInt64.self)
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else {
                throw DuijieError.index(path, "truncated: section \(name) needs bytes up to \(offset &+ length), the file has \(bytes.count)")
            }
            sections[name] = (Int(offset)..<Int(offset + length), integer(at: entry + 32, UInt32.self))
        }
        try Self.checkGaps(sections.values.map(\.range), tableEnd: 16 + count * IndexFile.entrySize, bytes: bytes, path: path)
        self.mapping = mapping
        self.sections = sections
    }

    /// Checks that sections do not overlap and that the bytes around them — from the table's
    /// end to the first section, between sections, after the last — are the zero padding the
    /// writer puts there (at most 7 bytes each), so no byte of the file is left unchecked.
    private static func checkGaps(_ ranges: [Range<Int>], tableEnd: Int, bytes: UnsafeRawBufferPointer, path: String) throws(DuijieError) {
        var position = tableEnd
        for range in ranges.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) {
            guard range.lowerBound >= position else { throw DuijieError.index(path, "corrupted: two sections overlap at byte \(range.lowerBound)") }
            guard range.lowerBound - position < 8, bytes[position..<range.lowerBound].allSatisfy({ $0 == 0 }) else {
                throw DuijieError.index(path, "corrupted: unexpected bytes \(position)–\(range.lowerBound) between sections")
            }
            position = range.upperBound
        }
        guard position == bytes.count else {
            throw DuijieError.index(path, "corrupted: \(bytes.count - position) unexpected bytes after the last section")
        }
    }

    /// The bytes of a section, after checking its CRC-32. They stay valid while the file is.
    ///
    /// - Throws: `DuijieError` for a missing section or one that fails its checksum.
    func section(_ name: String, in path: String) throws(DuijieError) -> UnsafeRawBufferPointer {
        guard let (range, expected) = sections[name] else { throw DuijieError.index(path, "missing section \(name)") }
        let bytes = UnsafeRawBufferPointer(rebasing: mapping.bytes[range])
        guard CRC32.checksum(bytes) == expected else { throw DuijieError.index(path, "corrupted: section \(name) fails its checksum") }
        return bytes
    }

    /// Lets the system drop a section's pages from memory once it has been copied out (they are
    /// read from the file again should the section be read again).
    func release(_ name: String) {
        guard let (range, _) = sections[name] else { return }
        mapping.release(range)
    }
}

/// A read-only, private memory mapping of a whole file, unmapped when released.
final class FileMapping: @unchecked Sendable {
    /// The file's bytes.
    let bytes: UnsafeRawBufferPointer

    init(path: String) throws(DuijieError) {
        // A FIFO or a device is refused before it can block or never end.
        let descriptor: Int32
        do { descriptor = try RegularFile.openForReading(path, displayName: path) } catch {
            throw DuijieError.index(path, "cannot read the index (\(error.message))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw DuijieError.index(path, "cannot read the index (\(String(cString: strerror(errno))))") }
        let size = Int(status.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw DuijieError.index(path, "cannot map the index (\(String(cString: strerror(errno))))")
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    /// Drops the pages wholly inside `range` from this process's memory (`MADV_DONTNEED`).
    func release(_ range: Range<Int>) {
        guard let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        if end > start { madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED) }
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}

extension DuijieError.Code {
    /// A saved index is missing, unreadable, corrupted, or of another version or kind.
    public static let index = DuijieError.Code("index")
    /// Another program holds the index's writers' lock (an update or a merge is running).
    public static let indexBusy = DuijieError.Code("index-busy")
}

extension DuijieError {
    /// A problem with the index file at `path`.
    static func index(_ path: String, _ message: String) -> DuijieError {
        DuijieError(.index, message, at: Location(file: path))
    }
}

extension Data {
    mutating func append<Value: FixedWidthInteger>(littleEndian value: Value) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
