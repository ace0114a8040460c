/// An input split into named parts, for targets that read several files at once.
///
/// A line that starts with `@` names the part the following lines belong to (`@field` puts
/// them in the field taxonomy, `@slots.csv` in an event's slots); the `@` line itself belongs
/// to no part. Lines before the first such line belong to the default part. A name may occur
/// more than once: its parts are joined in order. Line ends are kept as they are, so a part is
/// exactly the bytes between its marker lines, and a marker with no lines after it gives an
/// empty part (an empty file, which is not a missing one).
public struct NamedParts {
    /// The parts, by name, in the order their names first occur.
    public private(set) var parts: [(name: String, bytes: [UInt8])] = []
    /// The lines that start with `@` but name no part `isName` accepts, in order, without
    /// their `@` and line end: flags for the target to read.
    public private(set) var flags: [String] = []

    /// Splits `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: The fuzzer's input.
    ///   - defaultName: The part of the lines before the first marker.
    ///   - isName: Whether a marker's text names a part; other markers are `flags`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, defaultName: String, isName: (String) -> Bool) {
        var current = defaultName
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end < bytes.count ? end + 1 : end
            if bytes[start] == UInt8(ascii: "@") {
                var text = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                if isName(text) {
                    current = text
                    append(bytes[start..<start], to: current)
                } else {
                    flags.append(text)
                }
            } else {
                append(bytes[start..<next], to: current)
            }
            start = next
        }
    }

    private mutating func append(_ line: Slice<UnsafeBufferPointer<UInt8>>, to name: String) {
        if let index = parts.firstIndex(where: { $0.name == name }) {
            parts[index].bytes.append(contentsOf: line)
        } else {
            parts.append((name, Array(line)))
        }
    }
}
