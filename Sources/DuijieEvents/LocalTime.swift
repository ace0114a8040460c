/// Local times of an event, `YYYY-MM-DDTHH:MM`, checked for form and for being a real moment:
/// a month 01–12, a day that exists in that month (leap years included), hours 00–23 and
/// minutes 00–59.
enum LocalTime {
    /// Why `text` is not a valid local time, or nil when it is one.
    static func problem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16 else { return "\"\(text)\" is not a local time YYYY-MM-DDTHH:MM" }
        for (index, byte) in bytes.enumerated() {
            let fits: Bool
            switch index {
            case 4, 7: fits = byte == UInt8(ascii: "-")
            case 10: fits = byte == UInt8(ascii: "T")
            case 13: fits = byte == UInt8(ascii: ":")
            default: fits = byte >= 48 && byte <= 57
            }
            if !fits { return "\"\(text)\" is not a local time YYYY-MM-DDTHH:MM" }
        }
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        let (year, month, day, hour, minute) = (number(0..<4), number(5..<7), number(8..<10), number(11..<13), number(14..<16))
        guard (1...12).contains(month) else { return "\"\(text)\" has no month \(month) (01–12)" }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return "\"\(text)\" has no day \(day): \(text.prefix(7)) has \(days) days"
        }
        guard hour <= 23 else { return "\"\(text)\" has no hour \(hour) (00–23)" }
        guard minute <= 59 else { return "\"\(text)\" has no minute \(minute) (00–59)" }
        return nil
    }

    /// Days in a month of the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether `text` is a date `YYYY-MM-DD` that exists.
    static func isDate(_ text: String) -> Bool {
        text.utf8.count == 10 && problem(text + "T00:00") == nil
    }
}
