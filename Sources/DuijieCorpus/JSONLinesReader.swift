import DuijieJSON
import Foundation

/// Splits a JSON Lines file into its non-blank lines, checking each for valid UTF-8 and
/// parsing it, so that every bad line is reported and the good ones still load.
package enum JSONLinesReader {
    /// A parsed line, or the problem that kept it from parsing.
    package struct Line {
        package let location: SourceLocation
        package let object: Result<[(key: String, value: JSONValue)], CorpusIssue>
    }

    /// The non-blank lines of `bytes`, each parsed only when it is reached, so one line's JSON
    /// values are freed before the next is parsed (a million records' values never coexist, and
    /// the records' strings are not scattered among freed ones).
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - fileName: The name used in locations.
    /// - Complexity: O(n) in the number of bytes, over the whole iteration.
    package static func lines(of bytes: [UInt8], fileName: String) -> Lines { Lines(bytes: bytes, fileName: fileName) }

    /// The lines of a file, parsed as they are iterated.
    package struct Lines: Sequence {
        let bytes: [UInt8]
        let fileName: String

        package func makeIterator() -> Iterator { Iterator(bytes: bytes, fileName: fileName) }

        package struct Iterator: IteratorProtocol {
            let bytes: [UInt8]
            let fileName: String
            /// Where the next line starts; past the end when done.
            private var start: Int
            private var lineNumber = 0

            init(bytes: [UInt8], fileName: String) {
                self.bytes = bytes
                self.fileName = fileName
                // A UTF-8 byte-order mark is tolerated at the start of the file.
                start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            }

            package mutating func next() -> Line? {
                bytes.withUnsafeBufferPointer { buffer in
                    while start <= buffer.count {
                        lineNumber += 1
                        let (content, next) = JSONLinesReader.line(in: buffer, from: start)
                        let line = UnsafeBufferPointer(rebasing: buffer[content])
                        start = next  // past the end after the last line
                        if !isBlank(line) {
                            let location = SourceLocation(file: fileName, line: lineNumber)
                            return Line(location: location, object: parse(line, at: location))
                        }
                    }
                    return nil
                }
            }
        }
    }

    /// The byte ranges of the non-blank lines of `bytes` (without their line ends), the lines
    /// `lines(of:fileName:)` parses, in the same order: record *i* of a valid file is
    /// the line at range *i*. A live index keeps a corpus's records as these lines.
    package static func nonBlankLineRanges(of bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while start <= buffer.count {
                let (content, next) = line(in: buffer, from: start)
                if !isBlank(UnsafeBufferPointer(rebasing: buffer[content])) { ranges.append(content) }
                start = next
            }
        }
        return ranges
    }

    /// The line starting at `start`: its content (without "\n" or "\r\n") and where the next
    /// line starts (past the end after the last line).
    private static func line(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (content: Range<Int>, next: Int) {
        var end = start
        while end < buffer.count && buffer[end] != 0x0A { end += 1 }
        var contentEnd = end
        if contentEnd > start && buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return (start..<contentEnd, end + 1)
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private static func parse(_ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation) -> Result<[(key: String, value: JSONValue)], CorpusIssue> {
        if let offset = firstInvalidUTF8Offset(line) {
            return .failure(CorpusIssue(.error, .invalidEncoding, at: location, "invalid UTF-8 at byte \(offset + 1) of the line (convert the file to UTF-8; GBK spreadsheets go through `duijie corpus import-csv`)"))
        }
        do {
            let value = try JSONParser.parse(line)
            guard case .object(let members) = value else {
                return .failure(CorpusIssue(.error, .wrongType, at: location, "expected a JSON object, found \(value.typeName)"))
            }
            return .success(members)
        } catch {
            return .failure(CorpusIssue(.error, .malformedJSON, at: location, "malformed JSON at column \(error.column): \(error.message)"))
        }
    }

    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence, or `nil`.
    static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Almost every line is valid: the standard library's validation answers that quickly;
        // only an invalid line is walked scalar by scalar to find where it goes wrong.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            let before = offset
            var counting = CountingIterator(base: iterator)
            switch decoder.decode(&counting) {
            case .scalarValue:
                offset += counting.consumed
                iterator = counting.base
            case .emptyInput:
                return nil
            case .error:
                return before
            }
        }
    }

    private struct CountingIterator: IteratorProtocol {
        var base: UnsafeBufferPointer<UInt8>.Iterator
        var consumed = 0
        mutating func next() -> UInt8? {
            let byte = base.next()
            if byte != nil { consumed += 1 }
            return byte
        }
    }
}
