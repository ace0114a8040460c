import Foundation

/// Normalizes text before tokenization: Unicode compatibility composition (NFKC), which maps
/// full-width Latin letters, digits and punctuation to their ASCII forms; case folding; and,
/// with a `ChineseConverter`, traditional → simplified Chinese.
///
/// Chinese text is full of full-width forms (`ＡＢＣ１２３，`) typed through IMEs, and of
/// traditional characters in postings from Hong Kong and Taiwan firms; without this step
/// `５Ｇ` and `5G`, or `電池` and `电池`, would be different terms.
///
/// The common characters — ASCII, the full-width block, CJK ideographs — are mapped inline.
/// Any other character's NFKC + lower-case form is computed once from Foundation and cached.
/// Text with combining marks or conjoining jamo, whose NFKC form depends on neighbours, goes
/// through Foundation whole, so the result always equals Foundation's NFKC.
public struct TextNormalizer: Sendable {
    /// Whether letters are case-folded (`Li-Ion` → `li-ion`).
    public var foldsCase: Bool
    /// The traditional → simplified converter; `nil` leaves traditional characters as they are.
    public var converter: ChineseConverter?

    /// Creates a normalizer.
    ///
    /// - Parameters:
    ///   - foldsCase: Whether letters are case-folded; the default is `true`.
    ///   - converter: A traditional → simplified converter, or `nil`.
    public init(foldsCase: Bool = true, converter: ChineseConverter? = nil) {
        self.foldsCase = foldsCase
        self.converter = converter
    }

    /// Returns the normalized form of `text`.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public func normalize(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: normalizedScalars(text))
        return String(view)
    }

    /// The normalized text as scalars, the form the tokenizers work on.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.utf8.count)
        var needsConversion = false
        let table = CompatibilityTable.shared
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                output.append(foldsCase && value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 0x20)! : scalar)
            } else if value >= 0x4E00 && value <= 0x9FFF || value >= 0x3400 && value <= 0x4DBF {
                output.append(scalar)
                if !needsConversion, let converter, converter.isConvertible(scalar) { needsConversion = true }
            } else if value >= 0xFF01 && value <= 0xFF5E {
                let ascii = value - 0xFEE0
                output.append(foldsCase && ascii >= 0x41 && ascii <= 0x5A ? Unicode.Scalar(ascii + 0x20)! : Unicode.Scalar(ascii)!)
            } else if value == 0x3000 {
                output.append(" ")
            } else {
                switch table.mapping(of: scalar, foldsCase: foldsCase) {
                case .unchanged:
                    output.append(scalar)
                case .mapped(let replacement):
                    output.append(contentsOf: replacement)
                case .contextual:
                    return wholeString(text)
                }
                if !needsConversion, let converter, converter.isConvertible(scalar) { needsConversion = true }
            }
        }
        if needsConversion, let converter {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: output)
            return Array(converter.simplify(String(view)).unicodeScalars)
        }
        return output
    }

    /// The slow path: Foundation's NFKC over the whole string.
    private func wholeString(_ text: String) -> [Unicode.Scalar] {
        var result = text.precomposedStringWithCompatibilityMapping
        if foldsCase { result = result.lowercased() }
        if let converter { result = converter.simplify(result) }
        return Array(result.unicodeScalars)
    }
}

/// The NFKC + case-fold form of each character outside the inline ranges, computed from
/// Foundation on first use and cached for the process.
final class CompatibilityTable: Sendable {
    enum Mapping {
        case unchanged
        case mapped([Unicode.Scalar])
        /// The character's form depends on its neighbours (combining marks, conjoining jamo).
        case contextual
    }

    static let shared = CompatibilityTable()

    /// For U+0080–U+FFFF: 0 unchanged, 1 contextual, 2 mapped (see `mapped`), 3 lower-cases only.
    private let kinds: [UInt8]
    private let foldedMappings: [UInt32: [Unicode.Scalar]]
    private let unfoldedMappings: [UInt32: [Unicode.Scalar]]

    private init() {
        var kinds = [UInt8](repeating: 0, count: 0x10000)
        var folded: [UInt32: [Unicode.Scalar]] = [:]
        var unfolded: [UInt32: [Unicode.Scalar]] = [:]
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xAC00...0xD7A3).contains(value) {
                continue
            }
            if Self.isContextual(scalar) {
                kinds[Int(value)] = 1
                continue
            }
            let single = String(scalar)
            let compatible = single.precomposedStringWithCompatibilityMapping
            let lowered = compatible.lowercased()
            if compatible.unicodeScalars.contains(where: Self.isContextual) || lowered.unicodeScalars.contains(where: Self.isContextual) {
                kinds[Int(value)] = 1
                continue
            }
            if compatible != single { unfolded[value] = Array(compatible.unicodeScalars) }
            if lowered != single { folded[value] = Array(lowered.unicodeScalars) }
            if compatible != single || lowered != single { kinds[Int(value)] = 2 }
        }
        self.kinds = kinds
        foldedMappings = folded
        unfoldedMappings = unfolded
    }

    private static func isContextual(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: break
        }
        let value = scalar.value
        return (0x1100...0x11FF).contains(value) || (0xA960...0xA97F).contains(value) || (0xD7B0...0xD7FF).contains(value)
            || scalar.properties.canonicalCombiningClass.rawValue != 0
    }

    func mapping(of scalar: Unicode.Scalar, foldsCase: Bool) -> Mapping {
        let value = scalar.value
        guard value <= 0xFFFF else {
            // Outside the Basic Multilingual Plane: rare; ask Foundation directly.
            if Self.isContextual(scalar) { return .contextual }
            var form = String(scalar).precomposedStringWithCompatibilityMapping
            if foldsCase { form = form.lowercased() }
            return form.unicodeScalars.count == 1 && form.unicodeScalars.first == scalar ? .unchanged : .mapped(Array(form.unicodeScalars))
        }
        switch kinds[Int(value)] {
        case 0: return .unchanged
        case 1: return .contextual
        default:
            let table = foldsCase ? foldedMappings : unfoldedMappings
            if let replacement = table[value] { return .mapped(replacement) }
            return .unchanged
        }
    }
}
