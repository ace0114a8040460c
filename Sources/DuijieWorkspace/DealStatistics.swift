import DuijieBase
import GRDB

/// The figures of a period, as the technology-market bulletin and a centre's half-year report
/// give them: deals and their value by contract type, field, seller kind, IP type and the
/// seller's region, each beside the same period a year earlier; brokers' deals, value and fees;
/// and the funnel of the cases opened in the period. A deal counts in the period of its
/// signing day.
public struct DealStatistics: Sendable {
    /// Deals and value (万元) of one group, now and a year earlier.
    public struct Row: Sendable, Equatable {
        /// The group's key: a code (contract type, kind, IP type) or the text as entered.
        public let key: String
        /// Deals signed in the period.
        public let deals: Int
        /// Their value, in 万元.
        public let value: Double
        /// Deals signed in the same days a year earlier.
        public let dealsYearEarlier: Int
        /// Their value, in 万元.
        public let valueYearEarlier: Double

        /// The value's change from a year earlier (0.25 = +25%), or nil when it was 0.
        public var valueChange: Double? { valueYearEarlier > 0 ? value / valueYearEarlier - 1 : nil }
    }

    /// A broker's deals in the period: how many, their value and the broker's fees (万元).
    public struct BrokerRow: Sendable, Equatable {
        /// The broker's login.
        public let login: String
        /// Deals the broker is credited with.
        public let deals: Int
        /// Their value, in 万元.
        public let value: Double
        /// The broker's fees from them, in 万元.
        public let fees: Double
    }

    /// How many results of the cases opened in the period reached a stage (at any time).
    public struct FunnelStep: Sendable, Equatable {
        /// The stage; nil for all results shortlisted.
        public let status: ResultStatus?
        /// Results that reached it.
        public let results: Int
        /// The median of the days each of them took from the stage before (from the case's
        /// opening, for the first stage), or nil for the shortlist and a stage no one reached.
        public let medianDays: Double?
    }

    /// The period reported.
    public let period: ReportPeriod
    /// All deals.
    public let total: Row
    /// By contract type (codes as keys), largest value first, as every list below.
    public let byContractType: [Row]
    /// By technical field, as entered.
    public let byField: [Row]
    /// By the seller's kind (codes as keys).
    public let bySellerKind: [Row]
    /// By IP type (codes as keys).
    public let byIPType: [Row]
    /// By the seller's province (`Deal.sellerProvince`): the first level of `bySellerRegion`.
    public let bySellerProvince: [Row]
    /// By the seller's region, as entered.
    public let bySellerRegion: [Row]
    /// Brokers by value, then login.
    public let brokers: [BrokerRow]
    /// Cases opened in the period.
    public let casesOpened: Int
    /// Shortlisted, then contacted, meeting, negotiating, signed.
    public let funnel: [FunnelStep]
    /// The events held in the period, by day.
    public let events: [EventRow]

    /// An event held in the period and what came of it.
    public struct EventRow: Sendable, Equatable {
        /// The event's number, name and day.
        public let id: Int64, name: String, heldOn: String
        /// Its meetings.
        public let meetings: Int
        /// Meetings rated right after the event (by either side).
        public let rated: Int
        /// The mean of the ratings given right after the event (both sides; nil for none).
        public let meanRating: Double?
        /// Meetings followed up months later.
        public let followedUp: Int
        /// Meetings whose follow-up says a cooperation agreement was reached.
        public let agreements: Int
        /// Deals recorded from its meetings (whenever signed), and their value in 万元.
        public let deals: Int, value: Double
    }
}

extension Workspace {
    /// The figures of `period` (see `DealStatistics`).
    public func dealStatistics(_ period: ReportPeriod) throws(DuijieError) -> DealStatistics {
        let all = try deals()
        let earlier = period.yearEarlier
        let now = all.filter { period.contains($0.signedOn) }
        let before = all.filter { earlier.contains($0.signedOn) }
        func rows(_ key: (Deal) -> String) -> [DealStatistics.Row] {
            let keys = Set(now.map(key)).union(before.map(key))
            return keys.map { name in
                let current = now.filter { key($0) == name }, previous = before.filter { key($0) == name }
                return DealStatistics.Row(key: name, deals: current.count, value: current.reduce(0) { $0 + $1.value },
                                          dealsYearEarlier: previous.count, valueYearEarlier: previous.reduce(0) { $0 + $1.value })
            }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        }
        let total = DealStatistics.Row(key: "", deals: now.count, value: now.reduce(0) { $0 + $1.value },
                                       dealsYearEarlier: before.count, valueYearEarlier: before.reduce(0) { $0 + $1.value })
        var brokerTotals: [String: (deals: Int, value: Double, fees: Double)] = [:]
        for deal in now {
            for broker in deal.brokers {
                let sums = brokerTotals[broker.login] ?? (0, 0, 0)
                brokerTotals[broker.login] = (sums.deals + 1, sums.value + deal.value, sums.fees + broker.fee)
            }
        }
        let brokers = brokerTotals.map { DealStatistics.BrokerRow(login: $0.key, deals: $0.value.deals, value: $0.value.value, fees: $0.value.fees) }
            .sorted { ($1.value, $0.login) < ($0.value, $1.login) }
        let (casesOpened, funnel) = try caseFunnel(period)
        return DealStatistics(period: period, total: total, byContractType: rows(\.contractType.rawValue), byField: rows(\.field),
                              bySellerKind: rows(\.sellerKind.rawValue), byIPType: rows(\.ipType.rawValue),
                              bySellerProvince: rows(\.sellerProvince), bySellerRegion: rows(\.sellerRegion), brokers: brokers, casesOpened: casesOpened, funnel: funnel,
                              events: try eventRows(period, deals: all))
    }

    /// The events held in `period`: meetings, ratings, follow-ups, agreements, and the deals
    /// recorded from their meetings whenever they were signed.
    func eventRows(_ period: ReportPeriod, deals: [Deal]) throws(DuijieError) -> [DealStatistics.EventRow] {
        let meetings = Dictionary(grouping: try self.meetings(), by: \.eventID)
        return try events().filter { period.contains($0.heldOn) }.map { event in
            let held = meetings[event.id] ?? []
            let ids = Set(held.map(\.id))
            let afterEvent = held.flatMap { $0.ratings.filter { $0.stage == .afterEvent } }
            let fromEvent = deals.filter { $0.meetingID.map(ids.contains) ?? false }
            return DealStatistics.EventRow(
                id: event.id, name: event.name, heldOn: event.heldOn, meetings: held.count,
                rated: held.filter { $0.ratings.contains { $0.stage == .afterEvent } }.count,
                meanRating: afterEvent.isEmpty ? nil : Double(afterEvent.reduce(0) { $0 + $1.rating }) / Double(afterEvent.count),
                followedUp: held.filter { $0.ratings.contains { $0.stage == .followUp } }.count,
                agreements: held.filter { $0.ratings.contains { $0.stage == .followUp && $0.agreement } }.count,
                deals: fromEvent.count, value: fromEvent.reduce(0) { $0 + $1.value })
        }
    }

    /// The cases opened in `period` and how far their results went: each result counts at the
    /// furthest stage it ever reached (its history and its status now), and at every stage
    /// before it. A stage is reached at the first change to it or beyond; the days between two
    /// stages are counted for the results whose history dates both.
    func caseFunnel(_ period: ReportPeriod) throws(DuijieError) -> (Int, [DealStatistics.FunnelStep]) {
        let stages: [ResultStatus] = [.contacted, .meeting, .negotiating, .signed]
        func stage(_ name: String) -> Int { ResultStatus(rawValue: name).flatMap { stages.firstIndex(of: $0) } ?? -1 }
        return try read { db in
            // Days of the period as seconds since 1970, UTC: from the first day's start to the last day's end.
            let from = Self.seconds(ofDay: period.start), until = Self.seconds(ofDay: period.end) + 86_400
            let casesOpened = try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "case" WHERE createdAt >= ? AND createdAt < ?"#,
                                               arguments: [from, until]) ?? 0
            var furthest: [String: Int] = [:]  // "case/record" → index of the furthest stage, -1 for none
            var reached: [String: [Int: Int64]] = [:]  // "case/record" → stage → first moment at it or beyond
            var opened: [String: Int64] = [:]
            let results = try Row.fetchAll(db, sql: """
                SELECT r.caseID, r.recordID, r.status, c.createdAt FROM caseResult r JOIN "case" c ON c.id = r.caseID
                WHERE c.createdAt >= ? AND c.createdAt < ?
                """, arguments: [from, until])
            for row in results {
                let key = "\(row["caseID"] as Int64)/\(row["recordID"] as String)"
                furthest[key] = max(furthest[key] ?? -1, stage(row["status"]))
                opened[key] = row["createdAt"]
            }
            let changes = try Row.fetchAll(db, sql: """
                SELECT s.caseID, s.recordID, s.status, s.at FROM statusChange s JOIN "case" c ON c.id = s.caseID
                WHERE c.createdAt >= ? AND c.createdAt < ? ORDER BY s.at, s.id
                """, arguments: [from, until])
            for row in changes {
                let key = "\(row["caseID"] as Int64)/\(row["recordID"] as String)", index = stage(row["status"])
                furthest[key] = max(furthest[key] ?? -1, index)
                if index >= 0 {
                    for step in 0...index where reached[key]?[step] == nil { reached[key, default: [:]][step] = row["at"] }
                }
            }
            func median(_ values: [Double]) -> Double? {
                guard !values.isEmpty else { return nil }
                let sorted = values.sorted(), middle = sorted.count / 2
                return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            }
            let steps = [DealStatistics.FunnelStep(status: nil, results: furthest.count, medianDays: nil)]
                + stages.enumerated().map { index, stage in
                    let days = reached.compactMap { key, moments -> Double? in
                        guard let at = moments[index], let before = index == 0 ? opened[key] : moments[index - 1] else { return nil }
                        return Double(at - before) / 86_400
                    }
                    return DealStatistics.FunnelStep(status: stage, results: furthest.values.filter { $0 >= index }.count, medianDays: median(days))
                }
            return (casesOpened, steps)
        }
    }

    /// Seconds since 1970 at the start of `day` (`YYYY-MM-DD`), UTC (days from the civil calendar).
    static func seconds(ofDay day: String) -> Int64 {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        var (year, month) = (parts[0], parts[1])
        let date = parts[2]
        if month <= 2 { year -= 1; month += 12 }
        let era = year / 400, yearOfEra = year - era * 400
        let dayOfYear = (153 * (month - 3) + 2) / 5 + date - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era * 146_097 + dayOfEra - 719_468) * 86_400
    }
}

extension DealStatistics {
    /// The breakdowns of a period's deals, in the order reports give them; the raw value names
    /// the section in CSV.
    public enum Breakdown: String, CaseIterable, Sendable {
        case contractType = "contract-type"
        case field
        case sellerKind = "seller-kind"
        case ipType = "ip-type"
        case sellerProvince = "seller-province"
        case sellerRegion = "seller-region"

        /// The breakdown's title (按合同类型 / By contract type).
        public func title(chinese: Bool) -> String {
            switch self {
            case .contractType: return chinese ? "按合同类型" : "By contract type"
            case .field: return chinese ? "按技术领域" : "By technical field"
            case .sellerKind: return chinese ? "按卖方类型" : "By seller kind"
            case .ipType: return chinese ? "按知识产权类型" : "By IP type"
            case .sellerProvince: return chinese ? "按卖方省份" : "By seller province"
            case .sellerRegion: return chinese ? "按卖方地区" : "By seller region"
            }
        }

        /// A group's name: a code's Chinese name in Chinese (the code in English); text as
        /// entered, or （未填） / (none) when nothing was.
        public func name(of key: String, chinese: Bool) -> String {
            func named<T: NamedInChinese>(_: T.Type) -> String { chinese ? (T(rawValue: key)?.chineseName ?? key) : key }
            switch self {
            case .contractType: return named(ContractType.self)
            case .sellerKind: return named(PartyKind.self)
            case .ipType: return named(IPType.self)
            case .field, .sellerProvince, .sellerRegion: return key.isEmpty ? (chinese ? "（未填）" : "(none)") : key
            }
        }
    }

    /// The rows of `breakdown`.
    public func rows(_ breakdown: Breakdown) -> [Row] {
        switch breakdown {
        case .contractType: return byContractType
        case .field: return byField
        case .sellerKind: return bySellerKind
        case .ipType: return byIPType
        case .sellerProvince: return bySellerProvince
        case .sellerRegion: return bySellerRegion
        }
    }
}

extension DealStatistics.FunnelStep {
    /// The stage's name: 推荐结果 / shortlisted, then the status's.
    public func name(chinese: Bool) -> String {
        guard let status else { return chinese ? "推荐结果" : "shortlisted" }
        return chinese ? status.chineseName : status.rawValue
    }
}
