import DuijieBase
import Foundation

/// A reporting period: whole days from `start` to `end`, both included, as `YYYY-MM-DD`.
/// Written `2026H1` (a half-year, as the technology-market bulletin reports), `2026Q3`,
/// `2026`, or `2026-01-01..2026-03-31`.
public struct ReportPeriod: Sendable, Equatable {
    /// The first day.
    public let start: String
    /// The last day.
    public let end: String
    /// The period as written.
    public let label: String

    /// The period `text` names.
    ///
    /// - Throws: `DuijieError` (`invalid-input`) naming the accepted forms.
    public init(parsing text: String) throws(DuijieError) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let invalid = DuijieError(.invalidInput, "--period \(text): expected a year (2026), a half (2026H1), a quarter (2026Q3) or days (2026-01-01..2026-03-31)")
        func year(_ digits: Substring) -> Int? {
            guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(digits), year >= 1000 else { return nil }
            return year
        }
        if let range = text.range(of: "..") {
            let first = String(text[..<range.lowerBound]), last = String(text[range.upperBound...])
            guard Deal.isCalendarDay(first), Deal.isCalendarDay(last), first <= last else { throw invalid }
            self.init(start: first, end: last, label: text)
        } else if let found = year(Substring(text)) {
            self.init(start: "\(found)-01-01", end: "\(found)-12-31", label: text)
        } else if text.count == 6, let found = year(text.prefix(4)) {
            let part = text.suffix(2)
            switch part {
            case "H1": self.init(start: "\(found)-01-01", end: "\(found)-06-30", label: text)
            case "H2": self.init(start: "\(found)-07-01", end: "\(found)-12-31", label: text)
            case "Q1": self.init(start: "\(found)-01-01", end: "\(found)-03-31", label: text)
            case "Q2": self.init(start: "\(found)-04-01", end: "\(found)-06-30", label: text)
            case "Q3": self.init(start: "\(found)-07-01", end: "\(found)-09-30", label: text)
            case "Q4": self.init(start: "\(found)-10-01", end: "\(found)-12-31", label: text)
            default: throw invalid
            }
        } else {
            throw invalid
        }
    }

    init(start: String, end: String, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }

    /// Whether the day `day` (`YYYY-MM-DD`) falls in the period.
    public func contains(_ day: String) -> Bool { start <= day && day <= end }

    /// The same days a year earlier (29 February becomes 28 February).
    public var yearEarlier: ReportPeriod {
        func shift(_ day: String) -> String {
            let year = Int(day.prefix(4))! - 1
            var rest = String(day.dropFirst(4))
            if rest == "-02-29" && !Deal.isCalendarDay("\(year)-02-29") { rest = "-02-28" }
            return String(format: "%04d", year) + rest
        }
        return ReportPeriod(start: shift(start), end: shift(end), label: "\(shift(start))..\(shift(end))")
    }
}
