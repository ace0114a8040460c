import DuijieJSON
import DuijieRanking

/// One line of the shard protocol (`duijie shard-serve`), read and checked: `{"op": "info"}`,
/// or a search by free text or by a demand's parts. Every member is checked by name, type and
/// range, so a coordinator learns which field of which request was wrong.
enum ShardRequest {
    case info
    case search(Search)

    /// What a search asks for.
    struct Search {
        /// The caller's id for the query, echoed in the answer.
        let id: String
        /// Free text, or a demand's title, keywords and description.
        let query: Query
        let top: Int
        let ranking: TextRanking
        /// Matched terms per hit.
        let terms: Int
        /// Region, field, maturity, transfer-mode, kind and dual-use filters, names unresolved
        /// (nil: none given).
        let filters: FilterValues?
        /// At most this many hits of one owning institution (nil: no limit).
        let maximumPerInstitution: Int?
    }

    enum Query {
        case text(String)
        case demand(title: String, keywords: [String], description: String)
    }

    /// A request that cannot be served: the id when one could be read, and what was wrong.
    struct Problem: Error {
        let id: String?
        let message: String
    }

    static let searchMembers: Set<String> = ["op", "id", "text", "demand", "top", "ranking", "lexicalWeight", "terms", "filters", "maxPerInstitution"]
    static let filterMembers: Set<String> = ["regions", "pairedRegions", "fields", "minMaturity", "modes", "kinds", "dualUse"]
    static let demandMembers: Set<String> = ["title", "keywords", "description"]
    static let topRange = 1...10_000
    static let termsRange = 0...50

    /// Parses one request line.
    static func parse(_ line: String) -> Result<ShardRequest, Problem> {
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch { return .failure(Problem(id: nil, message: "not JSON: column \(error.column): \(error.message)")) }
        guard case .object(let members) = value else { return .failure(Problem(id: nil, message: "expected a JSON object, got \(value.typeName)")) }
        var id: String?
        if case .string(let given)? = value["id"] { id = given }
        do {
            switch value["op"] {
            case .string("info")?:
                if let extra = members.first(where: { $0.key != "op" }) { throw Problem(id: id, message: "request field `\(extra.key)`: info takes no other field") }
                return .success(.info)
            case nil, .string("search")?:
                return .success(.search(try search(value, members: members, id: id)))
            case let other?:
                throw Problem(id: id, message: "request field `op`: expected \"info\" or \"search\", got \(describe(other))")
            }
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(id: id, message: "\(error)"))
        }
    }

    private static func search(_ value: JSONValue, members: [(key: String, value: JSONValue)], id: String?) throws -> Search {
        func fail(_ field: String, _ message: String) -> Problem { Problem(id: id, message: "request field `\(field)`: \(message)") }
        if let unknown = members.first(where: { !searchMembers.contains($0.key) }) {
            throw fail(unknown.key, "unknown field (expected \(searchMembers.sorted().joined(separator: ", ")))")
        }
        guard let id else { throw fail("id", value["id"] == nil ? "required" : "expected a string, got \(value["id"]!.typeName)") }
        let query: Query
        switch (value["text"], value["demand"]) {
        case (.string(let text)?, nil): query = .text(text)
        case (let text?, nil): throw fail("text", "expected a string, got \(text.typeName)")
        case (nil, let demand?): query = try demandQuery(demand, fail: fail)
        case (nil, nil): throw fail("text", "give `text` or `demand`")
        case (_?, _?): throw fail("demand", "give `text` or `demand`, not both")
        }
        let top = try integer(value["top"], field: "top", in: topRange, default: 10, fail: fail)
        let terms = try integer(value["terms"], field: "terms", in: termsRange, default: 5, fail: fail)
        var weight: Float = 0.5
        switch value["lexicalWeight"] {
        case nil: break
        case .number(let number)? where (0...1).contains(number): weight = Float(number)
        case let other?: throw fail("lexicalWeight", "expected a number from 0 to 1, got \(describe(other))")
        }
        let ranking: TextRanking
        switch value["ranking"] {
        case nil, .string("lexical")?: ranking = .lexical
        case .string("semantic")?: ranking = .semantic
        case .string("fused")?: ranking = .fused(lexicalWeight: weight)
        case let other?: throw fail("ranking", "expected \"lexical\", \"semantic\" or \"fused\", got \(describe(other))")
        }
        let filters = try value["filters"].map { try filterValues($0, fail: fail) }
        let perInstitution = value["maxPerInstitution"] == nil ? nil
            : try integer(value["maxPerInstitution"], field: "maxPerInstitution", in: topRange, default: 0, fail: fail)
        return Search(id: id, query: query, top: top, ranking: ranking, terms: terms, filters: filters, maximumPerInstitution: perInstitution)
    }

    private static func filterValues(_ value: JSONValue, fail: (String, String) -> Problem) throws -> FilterValues {
        guard case .object(let members) = value else { throw fail("filters", "expected an object, got \(value.typeName)") }
        if let unknown = members.first(where: { !filterMembers.contains($0.key) }) {
            throw fail("filters.\(unknown.key)", "unknown field (expected \(filterMembers.sorted().joined(separator: ", ")))")
        }
        func strings(_ key: String) throws -> [String] {
            switch value[key] {
            case nil: return []
            case .array(let items)?:
                return try items.enumerated().map { position, item in
                    guard case .string(let text) = item else { throw fail("filters.\(key)[\(position)]", "expected a string, got \(item.typeName)") }
                    return text
                }
            case let other?: throw fail("filters.\(key)", "expected a list of strings, got \(other.typeName)")
            }
        }
        func flag(_ key: String) throws -> Bool? {
            switch value[key] {
            case nil: return nil
            case .bool(let flag)?: return flag
            case let other?: throw fail("filters.\(key)", "expected true or false, got \(other.typeName)")
            }
        }
        var filters = FilterValues()
        filters.regions = try strings("regions")
        filters.includePairedRegions = try flag("pairedRegions") ?? false
        filters.fields = try strings("fields")
        filters.modes = try strings("modes")
        filters.kinds = try strings("kinds")
        filters.dualUse = try flag("dualUse")
        switch value["minMaturity"] {
        case nil: break
        case .string(let text)?: filters.minMaturity = text
        case let other?: throw fail("filters.minMaturity", "expected a string (a stage or a TRL), got \(other.typeName)")
        }
        return filters
    }

    private static func demandQuery(_ demand: JSONValue, fail: (String, String) -> Problem) throws -> Query {
        guard case .object(let members) = demand else { throw fail("demand", "expected an object, got \(demand.typeName)") }
        if let unknown = members.first(where: { !demandMembers.contains($0.key) }) {
            throw fail("demand.\(unknown.key)", "unknown field (expected title, keywords, description)")
        }
        guard case .string(let title)? = demand["title"] else { throw fail("demand.title", "required, a string") }
        var keywords: [String] = []
        switch demand["keywords"] {
        case nil: break
        case .array(let items)?:
            for (position, item) in items.enumerated() {
                guard case .string(let keyword) = item else { throw fail("demand.keywords[\(position)]", "expected a string, got \(item.typeName)") }
                keywords.append(keyword)
            }
        case let other?: throw fail("demand.keywords", "expected a list of strings, got \(other.typeName)")
        }
        var description = ""
        switch demand["description"] {
        case nil, .null?: break
        case .string(let text)?: description = text
        case let other?: throw fail("demand.description", "expected a string, got \(other.typeName)")
        }
        return .demand(title: title, keywords: keywords, description: description)
    }

    private static func integer(_ value: JSONValue?, field: String, in range: ClosedRange<Int>, default fallback: Int,
                                fail: (String, String) -> Problem) throws -> Int {
        guard let value else { return fallback }
        guard case .number(let number) = value, number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw fail(field, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(describe(value))")
        }
        return Int(number)
    }

    /// A value as the request gave it, for error messages.
    private static func describe(_ value: JSONValue) -> String { JSONWriter.string(value) }
}
