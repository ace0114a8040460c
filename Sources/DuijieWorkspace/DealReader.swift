import DuijieBase
import DuijieJSON

/// Reads deals from JSON lines, one object per line, as a spreadsheet export or a script
/// writes them: enumerations by code or Chinese name (`"contractType": "技术许可"`), values in
/// 万元, days as `YYYY-MM-DD`, brokers as `[{"login": "wang", "fee": 1.5}]`. Every problem is
/// reported at `FILE:LINE: field`; an unknown field is a problem, never ignored.
public enum DealReader {
    /// The fields a deal line may have.
    static let fields: Set<String> = [
        "contractType", "registrationNumber", "registeredOn", "signedOn", "value", "seller", "sellerKind", "buyer", "buyerKind",
        "field", "sellerRegion", "buyerRegion", "ipType", "brokers", "caseID", "resultRecordID", "meetingID",
    ]

    /// The deals of `text` and where each came from (`FILE:LINE`), or every problem found.
    ///
    /// - Throws: `DuijieError` (`invalid-input`) listing each problem in its details.
    public static func read(_ text: String, fileName: String) throws(DuijieError) -> (deals: [Deal], locations: [String]) {
        let lines = JSONLinesText.objects(of: text, fileName: fileName)
        return try read(objects: lines.objects, source: fileName, problems: lines.problems)
    }

    /// The deals of objects already read (a spreadsheet's rows), each with its location.
    ///
    /// - Parameter problems: what reading the source found already (`FILE:LINE: …`), reported
    ///   with the deals' own problems, all in the file's order.
    /// - Throws: `DuijieError` (`invalid-input`) listing each problem, after its location.
    public static func read(objects: [(location: String, value: JSONValue)], source: String,
                            problems earlier: [String] = []) throws(DuijieError) -> (deals: [Deal], locations: [String]) {
        var deals: [Deal] = [], locations: [String] = [], problems = earlier
        for (location, value) in objects {
            var found: [String] = []
            if let deal = deal(from: value, problems: &found) {
                deals.append(deal)
                locations.append(location)
            }
            problems += found.map { "\(location): \($0)" }
        }
        guard problems.isEmpty else {
            let ordered = problems.sorted { JSONLinesText.line(of: $0) < JSONLinesText.line(of: $1) }
            throw DuijieError(.invalidInput, "\(source): \(problems.count) problem(s); no deal was read", details: ordered)
        }
        return (deals, locations)
    }

    /// The deal `value` describes, or nil with `problems` saying why.
    static func deal(from value: JSONValue, problems: inout [String]) -> Deal? {
        guard case .object(let members) = value else {
            problems.append("expected an object, found \(value.typeName)")
            return nil
        }
        for member in members where !fields.contains(member.key) {
            problems.append("\(member.key): unknown field (known: \(fields.sorted().joined(separator: ", ")))")
        }
        func text(_ key: String, required: Bool) -> String? {
            switch value[key] {
            case .string(let text)?: return text
            case nil: if required { problems.append("\(key): required") }; return nil
            case let other?: problems.append("\(key): expected text, found \(other.typeName)"); return nil
            }
        }
        func number(_ key: String, required: Bool) -> Double? {
            switch value[key] {
            case .number(let number)?: return number
            case nil: if required { problems.append("\(key): required") }; return nil
            case let other?: problems.append("\(key): expected a number, found \(other.typeName)"); return nil
            }
        }
        func named<T: NamedInChinese>(_ key: String, as type: T.Type) -> T? {
            guard let name = text(key, required: true) else { return nil }
            guard let found = T(parsing: name) else {
                problems.append("\(key): \(name): expected one of \(T.acceptedNames)")
                return nil
            }
            return found
        }
        let contractType = named("contractType", as: ContractType.self)
        let sellerKind = named("sellerKind", as: PartyKind.self)
        let buyerKind = named("buyerKind", as: PartyKind.self)
        let ipType = named("ipType", as: IPType.self)
        let signedOn = text("signedOn", required: true)
        let amount = number("value", required: true)
        let seller = text("seller", required: true)
        let buyer = text("buyer", required: true)
        var brokers: [DealBroker] = []
        switch value["brokers"] {
        case nil: break
        case .array(let entries)?:
            for (position, entry) in entries.enumerated() {
                guard case .string(let login)? = entry["login"] else {
                    problems.append("brokers[\(position)].login: required (text)")
                    continue
                }
                switch entry["fee"] {
                case nil: brokers.append(DealBroker(login: login, fee: 0))
                case .number(let fee)?: brokers.append(DealBroker(login: login, fee: fee))
                case let other?: problems.append("brokers[\(position)].fee: expected a number, found \(other.typeName)")
                }
            }
        case let other?: problems.append("brokers: expected a list of {\"login\", \"fee\"}, found \(other.typeName)")
        }
        func serial(_ key: String, _ what: String) -> Int64? {
            guard let number = number(key, required: false) else { return nil }
            if number.rounded() == number, number >= 1, number < 1e15 { return Int64(number) }
            problems.append("\(key): \(number): expected a \(what) number")
            return nil
        }
        let caseID = serial("caseID", "case"), meetingID = serial("meetingID", "meeting")
        guard let contractType, let sellerKind, let buyerKind, let ipType, let signedOn, let amount, let seller, let buyer else { return nil }
        var deal = Deal(contractType: contractType, signedOn: signedOn, value: amount, seller: seller, sellerKind: sellerKind,
                        buyer: buyer, buyerKind: buyerKind, ipType: ipType)
        deal.registrationNumber = text("registrationNumber", required: false) ?? ""
        deal.registeredOn = text("registeredOn", required: false)
        deal.field = text("field", required: false) ?? ""
        deal.sellerRegion = text("sellerRegion", required: false) ?? ""
        deal.buyerRegion = text("buyerRegion", required: false) ?? ""
        deal.brokers = brokers
        deal.caseID = caseID
        deal.meetingID = meetingID
        deal.resultRecordID = text("resultRecordID", required: false)
        problems += deal.problems()
        return deal
    }
}

/// JSON lines split and parsed, each object with its `FILE:LINE`, and the lines that are not
/// JSON (`FILE:LINE:COLUMN: message`). Blank lines are skipped.
enum JSONLinesText {
    static func objects(of text: String, fileName: String) -> (objects: [(location: String, value: JSONValue)], problems: [String]) {
        var objects: [(location: String, value: JSONValue)] = [], problems: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let location = "\(fileName):\(index + 1)"
            do { objects.append((location, try JSONParser.parse(trimmed))) } catch {
                problems.append("\(location):\(error.column): \(error.message)")
            }
        }
        return (objects, problems)
    }

    /// The line number in a `FILE:LINE: …` problem (0 when there is none), for putting the
    /// problems of two readings of a file in the file's order.
    static func line(of problem: String) -> Int {
        let parts = problem.split(separator: ":", maxSplits: 2)
        return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    }
}
