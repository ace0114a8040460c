import DuijieBase
import DuijieJSON
import DuijieWorkspace
import Hummingbird

/// Statistics: `GET /api/stats?period=2026H1[&language=en]` — the period's deals by contract
/// type, field, seller kind, IP type and seller region beside a year earlier, the brokers, and
/// the funnel of the cases opened in it (`DealStatistics`, as `duijie stats` reports it).
/// Everyone signed in sees the figures; a broker sees only their own line among the brokers.
struct StatsRoutes {
    let workbench: Workbench

    func add(to routes: RouteTable) {
        routes.add(.get, "/api/stats") { request, context in
            let user = try context.requireUser()
            let parameters = request.uri.queryParameters
            let periodText = String(parameters["period"] ?? "")
            guard !periodText.isEmpty, periodText.count <= 40 else { throw APIError(.badRequest, "period: required (2026H1, 2026Q3, 2026 or 2026-01-01..2026-03-31)", field: "period") }
            let period = try Self.period(periodText)
            let language = String(parameters["language"] ?? "zh")
            guard language == "zh" || language == "en" else { throw APIError(.badRequest, "language \(language): expected zh or en", field: "language") }
            let workspace = workbench.workspace
            let statistics = try await workbench.offload { try workspace.dealStatistics(period) }
            let brokers = user.role == .broker ? statistics.brokers.filter { $0.login == user.login } : statistics.brokers
            return JSONResponse.make(Self.json(statistics, brokers: brokers, chinese: language == "zh"))
        }
    }

    /// The `period` query parameter as a period, or a 400 naming it.
    static func period(_ text: String) throws -> ReportPeriod {
        do { return try ReportPeriod(parsing: text) } catch {
            throw APIError(.badRequest, error.message.replacingOccurrences(of: "--period", with: "period"), field: "period")
        }
    }

    static func json(_ statistics: DealStatistics, brokers: [DealStatistics.BrokerRow], chinese: Bool) -> JSONValue {
        func row(_ row: DealStatistics.Row, _ name: String) -> JSONValue {
            let change: JSONValue = row.valueChange.map { .number($0) } ?? .null
            return .object([("key", .string(row.key)), ("name", .string(name)), ("deals", .int(row.deals)),
                            ("value", .number(row.value)), ("dealsYearEarlier", .int(row.dealsYearEarlier)),
                            ("valueYearEarlier", .number(row.valueYearEarlier)), ("valueChange", change)])
        }
        let period = statistics.period, earlier = period.yearEarlier
        var members: [(key: String, value: JSONValue)] = [
            ("period", .object([("label", .string(period.label)), ("start", .string(period.start)), ("end", .string(period.end)),
                                ("yearEarlierStart", .string(earlier.start)), ("yearEarlierEnd", .string(earlier.end))])),
            ("total", row(statistics.total, chinese ? "合计" : "total")),
        ]
        for breakdown in DealStatistics.Breakdown.allCases {
            let rows = statistics.rows(breakdown).map { row($0, breakdown.name(of: $0.key, chinese: chinese)) }
            members.append((member(breakdown), .array(rows)))
        }
        members.append(("brokers", .array(brokers.map { broker in
            .object([("login", .string(broker.login)), ("deals", .int(broker.deals)), ("value", .number(broker.value)), ("fees", .number(broker.fees))])
        })))
        members.append(("casesOpened", .int(statistics.casesOpened)))
        members.append(("funnel", .array(statistics.funnel.map { step in
            let status: JSONValue = step.status.map { .string($0.rawValue) } ?? .null
            let days: JSONValue = step.medianDays.map { .number($0) } ?? .null
            return .object([("status", status), ("name", .string(step.name(chinese: chinese))), ("results", .int(step.results)), ("medianDays", days)])
        })))
        members.append(("events", .array(statistics.events.map { event in
            .object([("id", .int(event.id)), ("name", .string(event.name)), ("heldOn", .string(event.heldOn)), ("meetings", .int(event.meetings)),
                     ("rated", .int(event.rated)), ("meanRating", event.meanRating.map { .number($0) } ?? .null),
                     ("followedUp", .int(event.followedUp)), ("agreements", .int(event.agreements)), ("deals", .int(event.deals)),
                     ("value", .number(event.value))])
        })))
        return .object(members)
    }

    /// The answer's member for `breakdown` (as docs/openapi.json names it).
    static func member(_ breakdown: DealStatistics.Breakdown) -> String {
        switch breakdown {
        case .contractType: return "byContractType"
        case .field: return "byField"
        case .sellerKind: return "bySellerKind"
        case .ipType: return "byIPType"
        case .sellerProvince: return "bySellerProvince"
        case .sellerRegion: return "bySellerRegion"
        }
    }
}
