import Foundation

/// Reads what people write for when they can attend, and turns it into slot ids.
///
/// An availability item is a slot id, or a period: `全天` (all day), `上午` (slots starting
/// before 12:00), `下午` (starting from 12:00 and before 18:00), `晚上` (from 18:00), their
/// English words (`all day`, `morning`, `afternoon`, `evening`), or a time range
/// `HH:MM-HH:MM` (also with `–`, `~`, `至` or `到`) holding the slots that lie wholly inside
/// it. A period may start with a date, `YYYY-MM-DD 上午` or `2026-12-08 09:00-11:00`, and a
/// date alone means that whole day.
enum AvailabilityPeriods {
    /// The slot ids an item names, or a sentence saying why it names none.
    static func slots(of item: String, in slots: [Event.Slot]) -> Result<[String], PeriodError> {
        if slots.contains(where: { $0.id == item }) { return .success([item]) }
        var text = item.trimmingCharacters(in: .whitespaces)
        var day: String? = nil
        if text.count >= 10, LocalTime.isDate(String(text.prefix(10))) {
            day = String(text.prefix(10))
            text = String(text.dropFirst(10)).trimmingCharacters(in: .whitespaces)
        }
        guard let range = timeRange(text) else { return .failure(PeriodError(item: item)) }
        let chosen = slots.filter { slot in
            let start = String(slot.start.suffix(5)), end = String(slot.end.suffix(5))
            let sameDay = day.map { slot.start.hasPrefix($0) } ?? true
            return sameDay && range.contains(start: start, end: end, endsOnLaterDay: !slot.end.hasPrefix(String(slot.start.prefix(10))))
        }
        return .success(chosen.map(\.id))
    }

    /// An item that is neither a slot id nor a period.
    struct PeriodError: Error {
        let item: String
        var message: String {
            "no slot \"\(item)\", and not a period (全天, 上午, 下午, 晚上, morning, afternoon, evening, HH:MM-HH:MM, optionally after a date YYYY-MM-DD)"
        }
    }

    /// Which slots a period holds, by their local start and end times (`HH:MM`).
    private enum TimeRange {
        /// Slots starting in `from..<to`.
        case starting(from: String, before: String)
        /// Slots lying wholly inside `from...to`.
        case within(from: String, to: String)

        func contains(start: String, end: String, endsOnLaterDay: Bool) -> Bool {
            switch self {
            case let .starting(from, before): return start >= from && start < before
            case let .within(from, to): return start >= from && end <= to && !endsOnLaterDay
            }
        }
    }

    private static let namedPeriods: [String: TimeRange] = [
        "": .starting(from: "00:00", before: "24:00"),
        "全天": .starting(from: "00:00", before: "24:00"), "全日": .starting(from: "00:00", before: "24:00"),
        "allday": .starting(from: "00:00", before: "24:00"), "all": .starting(from: "00:00", before: "24:00"),
        "上午": .starting(from: "00:00", before: "12:00"), "morning": .starting(from: "00:00", before: "12:00"),
        "下午": .starting(from: "12:00", before: "18:00"), "afternoon": .starting(from: "12:00", before: "18:00"),
        "晚上": .starting(from: "18:00", before: "24:00"), "evening": .starting(from: "18:00", before: "24:00"),
    ]

    private static func timeRange(_ text: String) -> TimeRange? {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        if let named = namedPeriods[compact] { return named }
        for separator in ["-", "–", "—", "~", "～", "至", "到"] {
            let parts = compact.components(separatedBy: separator)
            guard parts.count == 2, let from = clock(parts[0]), let to = clock(parts[1]), from < to else { continue }
            return .within(from: from, to: to)
        }
        return nil
    }

    /// `H:MM` or `HH:MM` (also with a full-width colon) as `HH:MM`, when it is a time of day.
    private static func clock(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: "：", with: ":").split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0...59).contains(minute),
              hour < 24 || minute == 0 else { return nil }
        return (hour < 10 ? "0" : "") + "\(hour):" + parts[1]
    }
}
