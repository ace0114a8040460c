import Foundation

/// Normalizes text before tokenization: Unicode compatibility composition (NFKC), which maps
/// full-width Latin letters, digits and punctuation to their ASCII forms, then case folding.
///
/// Chinese text is full of full-width forms (`ＡＢＣ１２３，`) typed through IMEs; without this
/// step `５Ｇ` and `5G` would be different terms.
public struct TextNormalizer: Sendable {
    /// Whether letters are case-folded (`Li-Ion` → `li-ion`).
    public var foldsCase: Bool

    /// Creates a normalizer.
    ///
    /// - Parameter foldsCase: Whether letters are case-folded; the default is `true`.
    public init(foldsCase: Bool = true) {
        self.foldsCase = foldsCase
    }

    /// Returns the normalized form of `text`.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public func normalize(_ text: String) -> String {
        let composed = text.precomposedStringWithCompatibilityMapping
        return foldsCase ? composed.lowercased() : composed
    }
}
