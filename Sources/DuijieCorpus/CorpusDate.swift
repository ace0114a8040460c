import Foundation

/// A calendar date of year, month or day precision, as corpus records give them (a filing
/// year, a contract month, a deadline day).
public struct CorpusDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1000–9999.
    public let year: Int
    /// The month 1–12, when known.
    public let month: Int?
    /// The day of the month, when known (only with a month).
    public let day: Int?

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `/` and `.` are accepted as separators, and so is
    /// the Chinese form `2023年5月1日`.
    ///
    /// - Returns: `nil` for anything else, or for a day the month does not have.
    public static func parse(_ text: String) -> CorpusDate? {
        // 年 and 月 separate like "-"; 日 ends the date.
        let normalized = String(text.trimmingWhitespace.compactMap { character -> Character? in
            switch character {
            case "年", "月": return "-"
            case "日": return nil
            default: return character
            }
        })
        let parts = normalized.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
            .map(String.init)
        let pieces = parts.last == "" ? Array(parts.dropLast()) : parts
        guard (1...3).contains(pieces.count), pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else { return nil }
        guard pieces[0].count == 4, let year = Int(pieces[0]), (1000...9999).contains(year) else { return nil }
        var month: Int? = nil
        var day: Int? = nil
        if pieces.count >= 2 {
            guard pieces[1].count <= 2, let value = Int(pieces[1]), (1...12).contains(value) else { return nil }
            month = value
        }
        if pieces.count == 3 {
            guard pieces[2].count <= 2, let value = Int(pieces[2]), value >= 1,
                  value <= daysIn(month: month!, year: year) else { return nil }
            day = value
        }
        return CorpusDate(year: year, month: month, day: day)
    }

    /// A date from parts already known to be valid (a day only with a month, within it).
    package init(year: Int, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CorpusDate, rhs: CorpusDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var description: String {
        var text = String(year)
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }
}
