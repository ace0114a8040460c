import COpenCC
import DuijieBase
import Foundation

/// Converts traditional Chinese to simplified Chinese with OpenCC (`t2s.json`: phrase-aware,
/// then character by character).
///
/// Calling OpenCC on every string would cost more than the rest of tokenization, so the
/// converter first asks OpenCC, once, which characters of the CJK blocks it would change.
/// Text that contains none of them is already simplified and is returned as it is; other text
/// goes through OpenCC whole, so phrase rules (乾燥 → 干燥, 乾隆 stays) still apply.
///
/// A converter is safe to share between threads: conversions are serialized on a lock, and
/// the precomputed table is read-only.
public final class ChineseConverter: @unchecked Sendable {
    private let handle: opencc_t
    private let lock = NSLock()
    /// One bit per scalar of U+3400–U+9FFF and U+F900–U+FAFF: whether OpenCC changes it alone.
    private let changesAlone: [Bool]
    private static let blockStart: UInt32 = 0x3400
    private static let blockEnd: UInt32 = 0x9FFF
    private static let compatibilityStart: UInt32 = 0xF900
    private static let compatibilityEnd: UInt32 = 0xFAFF

    /// Opens OpenCC with a configuration.
    ///
    /// - Parameter configuration: An OpenCC configuration file name (looked up in OpenCC's
    ///   data directory) or path; `t2s.json` converts traditional to simplified.
    /// - Throws: `DuijieError` when OpenCC cannot load the configuration.
    public init(configuration: String = "t2s.json") throws(DuijieError) {
        guard let opened = opencc_open(configuration), Int(bitPattern: opened) != -1 else {
            let reason = opencc_error().map { String(cString: $0) } ?? "unknown error"
            throw DuijieError.text("cannot open OpenCC configuration \(configuration): \(reason)")
        }
        handle = opened
        // Ask OpenCC about every character at once, one per line so that no phrase rule can
        // join two of them.
        var scalars: [Unicode.Scalar] = []
        for value in Self.blockStart...Self.blockEnd { scalars.append(Unicode.Scalar(value)!) }
        for value in Self.compatibilityStart...Self.compatibilityEnd { scalars.append(Unicode.Scalar(value)!) }
        var joined = String.UnicodeScalarView()
        for scalar in scalars {
            joined.append(scalar)
            joined.append("\n")
        }
        let converted = Self.convert(handle, String(joined))
        let lines = converted.split(separator: "\n", omittingEmptySubsequences: false)
        var table = [Bool](repeating: false, count: scalars.count)
        if lines.count >= scalars.count {
            for index in scalars.indices {
                table[index] = lines[index].unicodeScalars.count != 1 || lines[index].unicodeScalars.first != scalars[index]
            }
        } else {
            // Unexpected shape: fall back to converting every text that has any Han character.
            table = [Bool](repeating: true, count: scalars.count)
        }
        changesAlone = table
    }

    deinit {
        opencc_close(handle)
    }

    /// Whether OpenCC would change this scalar on its own.
    @inline(__always)
    public func isConvertible(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= Self.blockStart && value <= Self.blockEnd {
            return changesAlone[Int(value - Self.blockStart)]
        }
        if value >= Self.compatibilityStart && value <= Self.compatibilityEnd {
            return changesAlone[Int(value - Self.compatibilityStart) + Int(Self.blockEnd - Self.blockStart + 1)]
        }
        return false
    }

    /// Returns `text` in simplified Chinese.
    ///
    /// - Complexity: O(n); OpenCC is called only when `text` has a convertible character.
    public func simplify(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isConvertible) else { return text }
        lock.lock()
        defer { lock.unlock() }
        return Self.convert(handle, text)
    }

    private static func convert(_ handle: opencc_t, _ text: String) -> String {
        var copy = text
        return copy.withUTF8 { buffer -> String in
            guard let base = buffer.baseAddress else { return "" }
            let result = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                opencc_convert_utf8(handle, $0, buffer.count)
            }
            guard let result else { return text }
            defer { opencc_convert_utf8_free(result) }
            return String(cString: result)
        }
    }
}

extension DuijieError.Code {
    /// A text resource (OpenCC, a dictionary, a stopword file) is missing or malformed.
    public static let textResource = DuijieError.Code("text-resource")
}

extension DuijieError {
    /// A problem with a text resource; the message names the file when there is one.
    package static func text(_ message: String) -> DuijieError { DuijieError(.textResource, message) }
}
