extension CorpusDate {
    /// The largest day number Excel has: 9999-12-31.
    static let largestExcelSerial = 2_958_465

    /// The date of an Excel day number in the 1900 date system (the one Excel uses unless a
    /// workbook is set to 1904).
    ///
    /// Day 1 is 1900-01-01. Excel counts a 29 February 1900 that never was (Lotus 1-2-3's
    /// leap-year bug, kept for compatibility), so day 60 is no date, and from day 61
    /// (1900-03-01) on, day n is n days after 1899-12-30.
    ///
    /// - Parameter serial: The day number, 1 to 2,958,465 (9999-12-31).
    /// - Returns: `nil` for day 60 and for numbers outside that range.
    public static func excelSerial(_ serial: Int) -> CorpusDate? {
        guard (1...largestExcelSerial).contains(serial), serial != 60 else { return nil }
        // 1970-01-01 is day 25569; before the phantom day, every day is one later.
        let daysSince1970 = serial - (serial < 60 ? 25_568 : 25_569)
        let (year, month, day) = civilDate(daysSince1970: daysSince1970)
        return CorpusDate(year: year, month: month, day: day)
    }

    /// Reads a date as a spreadsheet cell may give it: any form `parse` reads; that form
    /// followed by a time (`2023/5/8 0:00`, as Excel writes date-times); eight digits
    /// `YYYYMMDD`; or an Excel day number of five to seven digits (a cell formatted as a number,
    /// 10000 = 1927-05-18 and later; a fraction, the time of day, is dropped). Four digits stay
    /// a year.
    ///
    /// - Returns: `nil` when the cell is none of these.
    static func parseCell(_ text: String) -> CorpusDate? {
        let trimmed = text.trimmingWhitespace
        if let date = parse(trimmed) { return date }
        let parts = trimmed.split(whereSeparator: { $0.isWhitespace })
        if parts.count == 2, isTimeOfDay(parts[1]) { return parse(String(parts[0])) }
        let wholeDays = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...2).contains(wholeDays.count), wholeDays.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        let digits = wholeDays[0]
        if digits.count == 8, wholeDays.count == 1, let number = Int(digits) {
            return parse("\(number / 10_000)-\(number / 100 % 100)-\(number % 100)")
        }
        if (5...7).contains(digits.count), let serial = Int(digits) { return excelSerial(serial) }
        return nil
    }

    /// `h:mm` or `h:mm:ss`.
    private static func isTimeOfDay(_ text: Substring) -> Bool {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        return (2...3).contains(pieces.count)
            && pieces.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// The proleptic Gregorian date `days` days after 1970-01-01, by Howard Hinnant's
    /// `civil_from_days` (days are counted in 400-year eras of 146,097 days, years starting in
    /// March so that the leap day comes last).
    private static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
