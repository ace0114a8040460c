import DuijieJSON
import Foundation

/// Reads the typed fields of one record from a JSON object, collecting every problem instead
/// of stopping at the first.
///
/// Each accessor returns a usable value (`nil`, empty, or `""`) even when the field is wrong,
/// so a record's decoder reads every field and all problems of a line are reported together.
/// Keys that no accessor asked for are reported as warnings by `finish()`.
///
/// When `cellsAreText` is set (records converted from a spreadsheet), numbers, booleans, TRLs,
/// sums of money and Excel dates may be written as text, and a list may be one cell with
/// separators.
package struct RecordReader {
    let location: SourceLocation
    private let members: [(key: String, value: JSONValue)]
    private let cellsAreText: Bool
    private var readKeys: Set<String> = []
    /// The keys the record's decoder asked for so far; after decoding, every field of the kind.
    package var keysRead: Set<String> { readKeys }
    package private(set) var issues: [CorpusIssue] = []

    /// The separators a spreadsheet cell may use between list items.
    static let listSeparators: Set<Character> = [",", "，", ";", "；", "、", "|", "\n", "/", "／"]
    /// Slashes, which separate list items except where they belong to terms (`GB/T`, `TCP/IP`).
    static let slashes: Set<Character> = ["/", "／"]

    package init(object members: [(key: String, value: JSONValue)], location: SourceLocation, cellsAreText: Bool = false) {
        self.members = members
        self.location = location
        self.cellsAreText = cellsAreText
    }

    package var hasErrors: Bool { issues.contains { $0.severity == .error } }

    package mutating func error(_ field: String?, _ message: String, code: CorpusIssue.Code = .invalidValue) {
        issues.append(CorpusIssue(.error, code, at: location, field: field, message))
    }

    /// Records a warning: the value was read, but not exactly as written.
    package mutating func warning(_ field: String, _ message: String, code: CorpusIssue.Code = .inexactValue) {
        issues.append(CorpusIssue(.warning, code, at: location, field: field, message))
    }

    private mutating func value(_ key: String) -> JSONValue? {
        readKeys.insert(key)
        guard let value = members.first(where: { $0.key == key })?.value else { return nil }
        if case .null = value { return nil }
        return value
    }

    /// A string field; `required` reports a missing or blank value.
    package mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { error(key, "missing (required)", code: .missingField) }
            return nil
        }
        switch value {
        case .string(let text):
            let trimmed = text.trimmingWhitespace
            if trimmed.isEmpty {
                if required { error(key, "must not be empty", code: .missingField) }
                return nil
            }
            return trimmed
        case .number(let number) where cellsAreText:
            return JSONWriter.format(number)
        default:
            error(key, "expected a string, found \(value.typeName)", code: .wrongType)
            return nil
        }
    }

    /// A required string, `""` when it is missing (the error is recorded).
    package mutating func requiredString(_ key: String) -> String {
        string(key, required: true) ?? ""
    }

    /// An identifier: a non-empty string without white space.
    package mutating func identifier(_ key: String, required: Bool = true) -> String? {
        guard let text = string(key, required: required) else { return nil }
        if text.contains(where: { $0.isWhitespace }) {
            error(key, "\"\(text)\" contains white space")
            return nil
        }
        return text
    }

    /// A list of strings; blank items are dropped. In a spreadsheet cell, items are separated
    /// by `listSeparators`; `slashSeparates: false` keeps slashes inside items (for keywords).
    package mutating func strings(_ key: String, slashSeparates: Bool = true) -> [String] {
        guard let value = value(key) else { return [] }
        switch value {
        case .array(let elements):
            var result: [String] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element else {
                    error(key, "item \(index + 1) is \(element.typeName), expected a string", code: .wrongType)
                    continue
                }
                let trimmed = text.trimmingWhitespace
                if !trimmed.isEmpty { result.append(trimmed) }
            }
            return result
        case .string(let text) where cellsAreText:
            return text.split(whereSeparator: { Self.listSeparators.contains($0) && (slashSeparates || !Self.slashes.contains($0)) })
                .map { $0.trimmingWhitespace }
                .filter { !$0.isEmpty }
        default:
            error(key, "expected a list of strings, found \(value.typeName)", code: .wrongType)
            return []
        }
    }

    /// A finite number not below `minimum` (or above it, when `exclusive`).
    package mutating func number(_ key: String, minimum: Double, exclusive: Bool = false) -> Double? {
        guard let value = value(key) else { return nil }
        let number: Double
        switch value {
        case .number(let parsed): number = parsed
        case .string(let text) where cellsAreText:
            let cleaned = text.trimmingWhitespace.replacingOccurrences(of: ",", with: "")
            guard let parsed = Double(cleaned), parsed.isFinite else {
                error(key, "\"\(text)\" is not a number")
                return nil
            }
            number = parsed
        default:
            error(key, "expected a number, found \(value.typeName)", code: .wrongType)
            return nil
        }
        if exclusive ? number <= minimum : number < minimum {
            error(key, "\(JSONWriter.format(number)) must be \(exclusive ? "greater than" : "at least") \(JSONWriter.format(minimum))")
            return nil
        }
        return number
    }

    /// A sum of money in 万元, not negative. A spreadsheet cell may carry a unit (`50万`,
    /// `500000元`), say it is approximate (`约100`, warned) or give a range (`100-200万`, taken at
    /// its midpoint, warned); `面议` is no amount (see `MoneyCell`).
    package mutating func money(_ key: String) -> Double? {
        guard case .string(let text)? = members.first(where: { $0.key == key })?.value, cellsAreText else {
            return number(key, minimum: 0)
        }
        readKeys.insert(key)
        switch MoneyCell.parse(text) {
        case .negotiable:
            return nil
        case .invalid:
            error(key, "\"\(text)\" is not a sum of money (write 50, 50万, 500000元 or 面议)")
            return nil
        case .amount(let amount, let reading):
            guard amount >= 0 else {
                error(key, "\(JSONWriter.format(amount)) must be at least 0")
                return nil
            }
            let shown = JSONWriter.format(amount)
            switch reading {
            case nil: break
            case .approximate?: warning(key, "\"\(text)\" is approximate; imported as \(shown)")
            case .rangeMidpoint?: warning(key, "\"\(text)\" is a range; imported as its midpoint, \(shown)")
            case .approximateRangeMidpoint?: warning(key, "\"\(text)\" is an approximate range; imported as its midpoint, \(shown)")
            }
            return amount
        }
    }

    /// A boolean; `false` when absent. An explicit `null` in a JSON line is an error, not
    /// `false`: `"confidential": null` must not make a demand public without a word.
    mutating func bool(_ key: String) -> Bool {
        if !cellsAreText, case .null? = members.first(where: { $0.key == key })?.value {
            readKeys.insert(key)
            error(key, "expected true or false, found null (leave the field out for false)", code: .wrongType)
            return false
        }
        guard let value = value(key) else { return false }
        switch value {
        case .bool(let flag): return flag
        case .string(let text) where cellsAreText:
            switch text.trimmingWhitespace.lowercased() {
            case "是", "yes", "true", "1", "y": return true
            case "否", "no", "false", "0", "n", "": return false
            default:
                error(key, "\"\(text)\" is not yes or no (是/否)")
                return false
            }
        default:
            error(key, "expected true or false, found \(value.typeName)", code: .wrongType)
            return false
        }
    }

    /// A value of a corpus enumeration.
    mutating func enumeration<Value: CorpusEnumeration>(_ key: String, _ type: Value.Type, required: Bool = false) -> Value? {
        guard let text = string(key, required: required) else { return nil }
        guard let parsed = Value.parse(text) else {
            error(key, "unknown \(Value.enumerationName) \"\(text)\" (expected \(Value.canonicalList))", code: .unknownValue)
            return nil
        }
        return parsed
    }

    /// A list of values of a corpus enumeration, without repeats.
    mutating func enumerations<Value: CorpusEnumeration>(_ key: String, _ type: Value.Type) -> [Value] {
        var result: [Value] = []
        for text in strings(key) {
            guard let parsed = Value.parse(text) else {
                error(key, "unknown \(Value.enumerationName) \"\(text)\" (expected \(Value.canonicalList))", code: .unknownValue)
                continue
            }
            if !result.contains(parsed) { result.append(parsed) }
        }
        return result
    }

    /// The transfer modes of `key`, and the licence types of `licenceKey`. A licence type
    /// among the modes (独占许可, 普通许可 …) reads as `licence` with that type, so the
    /// exclusivity is kept; licence types without `licence` among the modes are an error.
    mutating func transferModes(_ key: String, licenceKey: String) -> (modes: [TransferMode], licenceTypes: [LicenceType]) {
        var modes: [TransferMode] = []
        var licenceTypes: [LicenceType] = []
        for text in strings(key) {
            if let mode = TransferMode.parse(text) {
                if !modes.contains(mode) { modes.append(mode) }
            } else if let type = LicenceType.parse(text) {
                if !modes.contains(.licence) { modes.append(.licence) }
                if !licenceTypes.contains(type) { licenceTypes.append(type) }
            } else {
                error(key, "unknown \(TransferMode.enumerationName) \"\(text)\" (expected \(TransferMode.canonicalList))", code: .unknownValue)
            }
        }
        let declared = enumerations(licenceKey, LicenceType.self)
        if !declared.isEmpty && !modes.contains(.licence) {
            error(licenceKey, "given, but transferModes does not include licence")
        }
        for type in declared where !licenceTypes.contains(type) { licenceTypes.append(type) }
        return (modes, licenceTypes)
    }

    /// A maturity: a stage name or a TRL 1–9.
    mutating func maturity(_ key: String) -> Maturity? {
        guard let value = value(key) else { return nil }
        switch value {
        case .number(let number):
            guard number == number.rounded(), (1...9).contains(number) else {
                error(key, "TRL \(JSONWriter.format(number)) is not an integer from 1 to 9")
                return nil
            }
            return Maturity(technologyReadinessLevel: Int(number))
        case .string(let text):
            guard let parsed = Maturity.parse(text) else {
                error(key, "unknown maturity \"\(text)\" (expected \(Maturity.acceptedValues))", code: .unknownValue)
                return nil
            }
            return parsed
        default:
            error(key, "expected a maturity, found \(value.typeName)", code: .wrongType)
            return nil
        }
    }

    /// A date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; in a spreadsheet cell also the forms of
    /// `CorpusDate.parseCell` (Excel day numbers, `YYYYMMDD`, a date with a time).
    mutating func date(_ key: String) -> CorpusDate? {
        guard let text = string(key) else { return nil }
        if cellsAreText {
            guard let parsed = CorpusDate.parseCell(text) else {
                error(key, "\"\(text)\" is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD or an Excel day number)")
                return nil
            }
            return parsed
        }
        guard let parsed = CorpusDate.parse(text) else {
            error(key, "\"\(text)\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            return nil
        }
        return parsed
    }

    /// Reports the keys no accessor read as warnings; call after the record is decoded.
    package mutating func finish() {
        for member in members where !readKeys.contains(member.key) {
            issues.append(CorpusIssue(.warning, .unknownKey, at: location, field: member.key, "unknown key, ignored"))
        }
    }
}
