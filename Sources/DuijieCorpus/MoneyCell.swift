import Foundation

/// A sum of money as brokers type it into a spreadsheet cell, read in 万元 (10,000 CNY), the
/// corpus format's unit: `50`, `50万`, `50万元`, `500000元`, `1.2亿`, `约100`, `100-200万`.
///
/// An approximate value (`约100`, `100左右`) is taken as written; a range (`100-200万`,
/// `100~200`, `100至200`) is taken at its midpoint. Both are marked, so the importer can say
/// what it did with the cell.
enum MoneyCell: Equatable {
    /// A usable amount in 万元, with how it was read when the cell was not an exact number.
    case amount(Double, reading: Reading?)
    /// A word for "no fixed price" (面议): no amount.
    case negotiable
    /// Not a sum of money.
    case invalid

    /// How an inexact cell became an amount.
    enum Reading: Equatable {
        /// The cell said the amount is approximate.
        case approximate
        /// The cell gave a range; the amount is its midpoint.
        case rangeMidpoint
        /// The cell gave an approximate range.
        case approximateRangeMidpoint
    }

    /// Spreadsheet words for "no fixed price", read as no amount.
    static let negotiableWords: Set<String> = ["面议", "议价", "negotiable", "待定"]

    private static let approximatePrefixes = ["大约", "约合", "约", "≈", "~"]
    private static let approximateSuffixes = ["左右", "上下"]
    private static let rangeSeparators: [Character] = ["-", "–", "—", "~", "至", "到"]
    /// The units a cell may end with, longest first so that `万元` wins over `元`.
    private static let units: [(suffix: String, unit: Unit)] = [
        ("亿元", .hundredMillionYuan), ("亿", .hundredMillionYuan), ("万元", .tenThousandYuan), ("万", .tenThousandYuan), ("元", .yuan),
    ]

    /// A unit of money, and how an amount in it is written in 万元 (dividing rather than
    /// multiplying by 0.0001, so that 12345元 is exactly the double nearest 1.2345).
    private enum Unit {
        case yuan, tenThousandYuan, hundredMillionYuan

        func inTenThousandYuan(_ value: Double) -> Double {
            switch self {
            case .yuan: return value / 10_000
            case .tenThousandYuan: return value
            case .hundredMillionYuan: return value * 10_000
            }
        }
    }

    /// Reads a cell.
    ///
    /// - Parameter text: The cell as written (full-width digits and signs are accepted).
    static func parse(_ text: String) -> MoneyCell {
        var body = text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace && $0 != "," }
        if negotiableWords.contains(body.lowercased()) { return .negotiable }
        var approximate = false
        if let prefix = approximatePrefixes.first(where: { body.hasPrefix($0) }) {
            approximate = true
            body.removeFirst(prefix.count)
        }
        if let suffix = approximateSuffixes.first(where: { body.hasSuffix($0) }) {
            approximate = true
            body.removeLast(suffix.count)
        }
        // A leading "-" is a sign, not a range: it reaches the number check below.
        if let separator = body.dropFirst().firstIndex(where: { rangeSeparators.contains($0) }) {
            let low = String(body[..<separator])
            let high = String(body[body.index(after: separator)...])
            guard let highest = amount(high) else { return .invalid }
            // `100-200万`: a bound without its own unit takes the other bound's.
            guard let lowest = amount(low, defaultUnit: highest.unit), lowest.value <= highest.value else { return .invalid }
            return .amount((lowest.value + highest.value) / 2, reading: approximate ? .approximateRangeMidpoint : .rangeMidpoint)
        }
        guard let single = amount(body) else { return .invalid }
        return .amount(single.value, reading: approximate ? .approximate : nil)
    }

    /// A number with an optional unit, in 万元, and the unit it was in (万元 when none is written
    /// and no other is the default).
    private static func amount(_ text: String, defaultUnit: Unit = .tenThousandYuan) -> (value: Double, unit: Unit)? {
        var digits = Substring(text)
        var unit = defaultUnit
        if let match = units.first(where: { digits.hasSuffix($0.suffix) }) {
            digits = digits.dropLast(match.suffix.count)
            unit = match.unit
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII }), let number = Double(digits), number.isFinite else { return nil }
        return (unit.inTenThousandYuan(number), unit)
    }
}
