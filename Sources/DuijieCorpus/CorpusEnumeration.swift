import Foundation

/// A closed set of values in the corpus format, written in English (canonical) or Chinese.
///
/// Parsing ignores case and surrounding white space, and also accepts `_` or a space for `-`,
/// so `Joint Development`, `joint_development` and `合作开发` all read as `joint-development`.
public protocol CorpusEnumeration: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    /// The name of the enumeration in error messages, such as "transfer mode".
    static var enumerationName: String { get }
    /// The Chinese names accepted for this value.
    var chineseNames: [String] { get }
}

extension CorpusEnumeration {
    /// Reads a value from its English or Chinese name.
    ///
    /// - Parameter text: The written value.
    /// - Returns: The value, or `nil` when `text` names none.
    public static func parse(_ text: String) -> Self? {
        let trimmed = text.trimmingWhitespace
        let key = String(trimmed.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        for value in allCases {
            if value.rawValue == key || value.chineseNames.contains(trimmed) { return value }
        }
        return nil
    }

    /// The canonical values, for error messages: "lab, pilot, maturation, industrialization".
    public static var canonicalList: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}
