extension Deal {
    /// What is wrong with the deal on its own, as `field: message` lines (empty when nothing):
    /// a value or fee below 0, a day that is not a `YYYY-MM-DD` calendar day, registration
    /// before signing, a registration number without a registration day or not of the form
    /// this project checks (see `registrationNumberProblem`), an empty seller or buyer.
    public func problems() -> [String] {
        var problems: [String] = []
        if !(value >= 0) || !value.isFinite { problems.append("value: \(value): expected a sum of 0 or more (万元)") }
        for broker in brokers where !(broker.fee >= 0) || !broker.fee.isFinite {
            problems.append("brokers: \(broker.login): fee \(broker.fee): expected 0 or more (万元)")
        }
        if seller.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("seller: required") }
        if buyer.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("buyer: required") }
        let signedValid = Self.isCalendarDay(signedOn)
        if !signedValid { problems.append("signedOn: \(signedOn): expected a day as YYYY-MM-DD") }
        if let registeredOn {
            if !Self.isCalendarDay(registeredOn) {
                problems.append("registeredOn: \(registeredOn): expected a day as YYYY-MM-DD")
            } else if signedValid && registeredOn < signedOn {
                problems.append("registeredOn: \(registeredOn) is before signedOn \(signedOn): a contract is registered after it is signed")
            }
        }
        if let problem = registrationNumberProblem() { problems.append(problem) }
        return problems
    }

    /// The registration number's problem, or nil. Registration offices number contracts in
    /// their own ways; what this project checks is what they share: the number starts with the
    /// 4-digit year of registration, and holds 10 to 24 digits, capital letters and hyphens.
    func registrationNumberProblem() -> String? {
        let number = registrationNumber
        if number.isEmpty { return nil }
        guard let registeredOn else { return "registrationNumber: \(number): give registeredOn too" }
        let allowed = number.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("A"..."Z").contains($0) || $0 == "-" }
        guard allowed, (10...24).contains(number.count) else {
            return "registrationNumber: \(number): expected 10 to 24 digits, capital letters or hyphens"
        }
        let year = String(number.prefix(4))
        guard year.allSatisfy(\.isASCII), year.allSatisfy(\.isNumber), registeredOn.hasPrefix(year + "-") else {
            return "registrationNumber: \(number): should start with the year of registration (\(registeredOn.prefix(4)))"
        }
        return nil
    }

    /// Whether `text` is a day of the Gregorian calendar written `YYYY-MM-DD`.
    static func isCalendarDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
