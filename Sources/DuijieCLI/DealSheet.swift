import DuijieBase
import DuijieCorpus
import DuijieJSON
import Foundation

/// A deal register kept in a spreadsheet (CSV or tab-separated, any encoding `--encoding auto`
/// reads), with Chinese or English headers, turned into the objects `DealReader` checks. Cells
/// are read as a register holds them: sums with 万 or 万元 (`50万`), days as `2026-03-02`,
/// `2026/3/2`, `2026年3月2日` or an Excel serial number, several brokers as `wang;li` with their
/// fees `1.2;0.5`. Nothing is dropped: a column the importer does not know, and a sum in 元
/// rather than 万元, are errors.
enum DealSheet {
    /// The deal field each header names (spaces and a 万元 unit removed before looking up).
    static let headers: [String: String] = {
        var map: [String: String] = [:]
        let names: [(String, [String])] = [
            ("contractType", ["合同类型", "contract type", "contracttype"]),
            ("registrationNumber", ["登记号", "合同登记号", "技术合同登记号", "registration number", "registrationnumber"]),
            ("registeredOn", ["登记日期", "registered on", "registeredon"]),
            ("signedOn", ["签订日期", "签约日期", "合同签订日期", "signed on", "signedon"]),
            ("value", ["成交额", "成交金额", "合同金额", "技术合同成交额", "技术交易额", "value"]),
            ("seller", ["卖方", "卖方名称", "seller"]),
            ("sellerKind", ["卖方类型", "卖方性质", "seller kind", "sellerkind"]),
            ("buyer", ["买方", "买方名称", "buyer"]),
            ("buyerKind", ["买方类型", "买方性质", "buyer kind", "buyerkind"]),
            ("field", ["技术领域", "field"]),
            ("sellerRegion", ["卖方地区", "seller region", "sellerregion"]),
            ("buyerRegion", ["买方地区", "buyer region", "buyerregion"]),
            ("ipType", ["知识产权类型", "ip type", "iptype"]),
            ("brokers", ["经纪人", "技术经纪人", "brokers", "broker"]),
            ("fees", ["佣金", "经纪佣金", "经纪人佣金", "fees", "fee"]),
            ("caseID", ["案例编号", "case", "caseid"]),
            ("resultRecordID", ["成果编号", "推荐结果", "result", "resultrecordid"]),
            ("meetingID", ["洽谈编号", "对接会洽谈编号", "meeting", "meetingid"]),
        ]
        for (field, spellings) in names { for spelling in spellings { map[spelling] = field } }
        return map
    }()

    static let required = ["contractType", "signedOn", "value", "seller", "sellerKind", "buyer", "buyerKind", "ipType"]

    /// The rows of `text` as deal objects, each with its `FILE:LINE`, and the problems of cells
    /// that cannot become a deal's value (each at `FILE:LINE: header`).
    ///
    /// - Throws: `DuijieError` for a header that cannot be read: an unknown or repeated column,
    ///   a sum in 元, a required column missing.
    static func read(_ text: String, fileName: String) throws(DuijieError) -> (objects: [(location: String, value: JSONValue)], problems: [String]) {
        let delimiter: Character = fileName.lowercased().hasSuffix(".csv") ? "," : "\t"
        let rows = try SheetReader(fileName: fileName, delimiter: delimiter).rows(of: text)
        guard let header = rows.first else { throw DuijieError(.invalidInput, "\(fileName): empty; expected a header row") }
        var fields: [String?] = []
        var seen: [String: String] = [:]
        for (column, name) in header.cells.enumerated() {
            let cleaned = name.trimmingCharacters(in: .whitespaces)
            if cleaned.isEmpty {
                let used = rows.dropFirst().contains { column < $0.cells.count && !$0.cells[column].trimmingCharacters(in: .whitespaces).isEmpty }
                if used { throw DuijieError(.invalidInput, "\(fileName):1: column \(column + 1) has values but no header") }
                fields.append(nil)
                continue
            }
            var key = cleaned.lowercased().replacingOccurrences(of: "\u{3000}", with: "")
            for unit in ["（万元）", "(万元)"] { key = key.replacingOccurrences(of: unit, with: "") }
            if key.hasSuffix("（元）") || key.hasSuffix("(元)") {
                throw DuijieError(.invalidInput, "\(fileName):1: \(cleaned): sums are read in 万元; convert the column from 元 (divide by 10,000) and name it \(key.dropLast(3))（万元）")
            }
            guard let field = headers[key] else {
                throw DuijieError(.invalidInput, "\(fileName):1: \(cleaned): not a deal column (known: 合同类型, 登记号, 登记日期, 签订日期, 成交额（万元）, 卖方, 卖方类型, 买方, 买方类型, 技术领域, 卖方地区, 买方地区, 知识产权类型, 经纪人, 佣金（万元）, 案例编号, 成果编号)")
            }
            if let earlier = seen[field] { throw DuijieError(.invalidInput, "\(fileName):1: \(cleaned): the same column as \(earlier)") }
            seen[field] = cleaned
            fields.append(field)
        }
        let missing = required.filter { seen[$0] == nil }
        guard missing.isEmpty else { throw DuijieError(.invalidInput, "\(fileName):1: no column for \(missing.joined(separator: ", "))") }
        var objects: [(location: String, value: JSONValue)] = [], problems: [String] = []
        for row in rows.dropFirst() where !row.cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let location = "\(fileName):\(row.line)"
            let problemsBefore = problems.count
            var members: [(key: String, value: JSONValue)] = []
            var brokers: [String] = [], fees: [String] = []
            for (column, cell) in row.cells.enumerated() {
                let text = cell.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                guard column < fields.count, let field = fields[column] else {
                    problems.append("\(location): column \(column + 1): a value beyond the header's columns")
                    continue
                }
                let label = header.cells[column].trimmingCharacters(in: .whitespaces)
                switch field {
                case "value", "caseID", "meetingID":
                    guard let number = sum(text) else { problems.append("\(location): \(label): \(text): expected a number (万元)"); continue }
                    members.append((field, .number(number)))
                case "signedOn", "registeredOn":
                    members.append((field, .string(day(text) ?? text)))
                case "brokers": brokers = list(text)
                case "fees": fees = list(text)
                default: members.append((field, .string(text)))
                }
            }
            if !brokers.isEmpty || !fees.isEmpty {
                guard fees.isEmpty || fees.count == brokers.count else {
                    problems.append("\(location): 佣金: \(fees.count) fees for \(brokers.count) brokers: give one per broker, in the same order")
                    continue
                }
                var entries: [JSONValue] = []
                for (index, login) in brokers.enumerated() {
                    var entry: [(key: String, value: JSONValue)] = [("login", .string(login))]
                    if index < fees.count {
                        guard let fee = sum(fees[index]) else { problems.append("\(location): 佣金: \(fees[index]): expected a number (万元)"); continue }
                        entry.append(("fee", .number(fee)))
                    }
                    entries.append(.object(entry))
                }
                members.append(("brokers", .array(entries)))
            }
            // A row with a cell that could not be read is not checked further (its problem is said).
            if problems.count == problemsBefore { objects.append((location, .object(members))) }
        }
        return (objects, problems)
    }

    /// Items separated by `;`, `；`, `、`, `,` or `，`.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { ";；、,，".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A sum as a register writes it: `120`, `1,200.5`, `50万`, `50万元`; nil for anything else
    /// (`约100` is not a contract's value).
    static func sum(_ text: String) -> Double? {
        var digits = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        for unit in ["万元", "万"] where digits.hasSuffix(unit) { digits.removeLast(unit.count) }
        guard let value = Double(digits.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }

    /// `YYYY-MM-DD` for `2026-03-02`, `2026/3/2`, `2026.3.2`, `2026年3月2日` (as `CorpusDate`
    /// reads them), or an Excel serial day number from 20000 to 80000 (1954 to 2119: `46083`);
    /// nil when the text is none of these, or names no single day.
    static func day(_ text: String) -> String? {
        let date: CorpusDate?
        if let serial = Int(text) {
            date = (20_000...80_000).contains(serial) ? CorpusDate.excelSerial(serial) : nil
        } else {
            date = CorpusDate.parse(text)
        }
        guard let date, date.day != nil else { return nil }
        return date.description
    }
}
