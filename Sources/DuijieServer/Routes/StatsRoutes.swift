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
            let period: ReportPeriod
            do { period = try ReportPeriod(parsing: periodText) } catch let error as DuijieError {
                throw APIError(.badRequest, error.message.replacingOccurrences(of: "--period", with: "period"), field: "period")
            }
            let language = String(parameters["language"] ?? "zh")
            guard language == "zh" || language == "en" else { throw APIError(.badRequest, "language \(language): expected zh or en", field: "language") }
            let workspace = workbench.workspace
            let statistics = try await workbench.offload { try workspace.dealStatistics(period) }
            let brokers = user.role == .broker ? statistics.brokers.filter { $0.login == user.login } : statistics.brokers
            return JSONResponse.make(Self.json(statistics, brokers: brokers, chinese: language == "zh"))
        }
    }

    static func json(_ statistics: DealStatistics, brokers: [DealStatistics.BrokerRow], chinese: Bool) -> JSONValue {
        func rows(_ rows: [DealStatistics.Row], _ name: (String) -> String) -> JSONValue {
            .array(rows.map { row -> JSONValue in
                let change: JSONValue = row.valueChange.map { .number($0) } ?? .null
                return .object([("key", .string(row.key)), ("name", .string(name(row.key))), ("deals", .int(row.deals)),
                                ("value", .number(row.value)), ("dealsYearEarlier", .int(row.dealsYearEarlier)),
                                ("valueYearEarlier", .number(row.valueYearEarlier)), ("valueChange", change)])
            })
        }
        func named<T: RawRepresentable>(_: T.Type, _ chineseName: @escaping (T) -> String) -> (String) -> String where T.RawValue == String {
            { key in chinese ? (T(rawValue: key).map(chineseName) ?? key) : key }
        }
        let asEntered: (String) -> String = { $0.isEmpty ? (chinese ? "（未填）" : "(none)") : $0 }
        let period = statistics.period, earlier = period.yearEarlier
        let periodJSON: JSONValue = .object([("label", .string(period.label)), ("start", .string(period.start)), ("end", .string(period.end)),
                                             ("yearEarlierStart", .string(earlier.start)), ("yearEarlierEnd", .string(earlier.end))])
        let brokerJSON: [JSONValue] = brokers.map { broker in
            .object([("login", .string(broker.login)), ("deals", .int(broker.deals)), ("value", .number(broker.value)), ("fees", .number(broker.fees))])
        }
        let funnelJSON: [JSONValue] = statistics.funnel.map { step in
            let name = step.status.map { chinese ? $0.chineseName : $0.rawValue } ?? (chinese ? "推荐结果" : "shortlisted")
            let status: JSONValue = step.status.map { .string($0.rawValue) } ?? .null
            let days: JSONValue = step.medianDays.map { .number($0) } ?? .null
            return .object([("status", status), ("name", .string(name)), ("results", .int(step.results)), ("medianDays", days)])
        }
        let total: JSONValue = rows([statistics.total], { _ in chinese ? "合计" : "total" }).first ?? .null
        var members: [(key: String, value: JSONValue)] = [("period", periodJSON), ("total", total)]
        members.append(("byContractType", rows(statistics.byContractType, named(ContractType.self, \.chineseName))))
        members.append(("byField", rows(statistics.byField, asEntered)))
        members.append(("bySellerKind", rows(statistics.bySellerKind, named(PartyKind.self, \.chineseName))))
        members.append(("byIPType", rows(statistics.byIPType, named(IPType.self, \.chineseName))))
        members.append(("bySellerRegion", rows(statistics.bySellerRegion, asEntered)))
        members.append(("brokers", .array(brokerJSON)))
        members.append(("casesOpened", .int(statistics.casesOpened)))
        members.append(("funnel", .array(funnelJSON)))
        return .object(members)
    }
}

extension JSONValue {
    /// The first element of an array.
    fileprivate var first: JSONValue? {
        guard case .array(let values) = self else { return nil }
        return values.first
    }
}
