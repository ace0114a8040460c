import DuijieBase
import DuijieJSON
import DuijieWorkspace
import Hummingbird

/// Deals (成交): `POST /api/deals` records one, `GET /api/deals` lists them.
///
/// A deal is entered in the same form as a line of `deals.jsonl` (`DealReader`: codes or
/// Chinese names, 万元, `YYYY-MM-DD`) and saved by the same checks as an import. Admins enter
/// and see every deal; a broker enters deals they broker (with no `brokers` given, they are its
/// broker) from cases they may change, and sees the deals they broker; a viewer neither.
struct DealRoutes {
    let workbench: Workbench

    func add(to routes: RouteTable) {
        routes.add(.get, "/api/deals") { request, context in
            let user = try context.requireUser()
            guard user.role != .viewer else { throw APIError(.forbidden, "a viewer does not see deals (their values and parties are the brokers')") }
            let period = try request.uri.queryParameters["period"].map { try StatsRoutes.period(String($0)) }
            let deals = try workbench.workspace.deals().filter { deal in
                (user.role == .admin || deal.brokers.contains { $0.login == user.login })
                    && period.map { $0.contains(deal.signedOn) } ?? true
            }
            return JSONResponse.make(.object([("deals", .array(deals.map(Self.json)))]))
        }
        routes.add(.post, "/api/deals") { request, context in
            let user = try context.requireUser()
            var body = try await RequestObject.body(of: request, context: context)
            guard let value = body.raw("deal") else { throw APIError(.badRequest, "deal: required", field: "deal") }
            try body.finish()
            guard user.role.canWrite else { throw APIError(.forbidden, "a viewer cannot record deals") }
            var deal = try Self.read(value)
            if user.role == .broker {
                let access = try workbench.access(for: user)
                if deal.brokers.isEmpty { deal.brokers = [DealBroker(login: user.login, fee: 0)] }
                guard deal.brokers.contains(where: { $0.login == user.login }) else {
                    throw APIError(.forbidden, "a broker records the deals they broker: add yourself to deal.brokers")
                }
                if let caseID = deal.caseID {
                    guard let found = try workbench.workspace.caseDetail(caseID, access: access)?.case, access.canChangeCase(brokerID: found.brokerID) else {
                        throw APIError(.notFound, "deal.caseID \(caseID): no such case of yours", field: "deal.caseID")
                    }
                }
            }
            let saved: [Deal]
            do {
                saved = try workbench.workspace.addDeals([deal], locations: ["deal"], createdBy: user.id)
            } catch let error as DuijieError where error.code == .invalidInput {
                throw APIError(problems: error, location: "deal", fieldPrefix: "deal.")
            }
            return JSONResponse.make(Self.json(saved[0]), status: .created)
        }
    }

    /// The deal a request's `deal` member describes.
    ///
    /// - Throws: `APIError` 400 naming the first field at fault (`deal.value`), with every problem in the message.
    static func read(_ value: JSONValue) throws -> Deal {
        do {
            return try DealReader.read(objects: [("deal", value)], source: "deal").deals[0]
        } catch {
            throw APIError(problems: error, location: "deal", fieldPrefix: "deal.")
        }
    }

    /// A deal as the API answers it: codes for the enumerations, as `deals.jsonl` holds them.
    static func json(_ deal: Deal) -> JSONValue {
        .object([
            ("id", .int(deal.id)), ("contractType", .string(deal.contractType.rawValue)),
            ("registrationNumber", .string(deal.registrationNumber)), ("registeredOn", .optional(deal.registeredOn)),
            ("signedOn", .string(deal.signedOn)), ("value", .number(deal.value)),
            ("seller", .string(deal.seller)), ("sellerKind", .string(deal.sellerKind.rawValue)),
            ("buyer", .string(deal.buyer)), ("buyerKind", .string(deal.buyerKind.rawValue)),
            ("field", .string(deal.field)), ("sellerRegion", .string(deal.sellerRegion)), ("buyerRegion", .string(deal.buyerRegion)),
            ("ipType", .string(deal.ipType.rawValue)),
            ("brokers", .array(deal.brokers.map { .object([("login", .string($0.login)), ("fee", .number($0.fee))]) })),
            ("caseID", deal.caseID.map { .int($0) } ?? .null), ("resultRecordID", .optional(deal.resultRecordID)),
            ("meetingID", deal.meetingID.map { .int($0) } ?? .null),
        ])
    }
}
