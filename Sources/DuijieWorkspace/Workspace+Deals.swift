import DuijieBase
import Foundation
import GRDB

extension Workspace {
    /// Saves `deals` all together or none: each is checked (see `Deal.problems`) and its
    /// brokers, case and result looked up; every problem of every deal is reported, each after
    /// its `locations` entry (`deals.jsonl:3`), and nothing is saved when there is one.
    ///
    /// - Parameters:
    ///   - locations: where each deal came from, for the problems (as many as `deals`).
    ///   - createdBy: the user who enters them, or nil (an import on the command line).
    /// - Returns: the deals as saved, with their ids.
    /// - Throws: `DuijieError` (`invalid-input`) listing the problems in its details.
    @discardableResult
    public func addDeals(_ deals: [Deal], locations: [String], createdBy: Int64? = nil) throws(DuijieError) -> [Deal] {
        precondition(locations.count == deals.count, "a location per deal")
        let now = Self.now()
        return try write { db in
            let brokers = Dictionary(try Row.fetchAll(db, sql: "SELECT id, login, role FROM user").map { row in
                (row["login"] as String, (id: row["id"] as Int64, role: row["role"] as String))
            }, uniquingKeysWith: { first, _ in first })
            var problems: [String] = []
            var seenNumbers: [String: String] = [:]
            for (deal, location) in zip(deals, locations) {
                var found = deal.problems()
                for broker in deal.brokers {
                    guard let user = brokers[broker.login] else { found.append("brokers: \(broker.login): no such user"); continue }
                    if user.role != Role.broker.rawValue { found.append("brokers: \(broker.login): is a \(user.role), not a broker") }
                }
                if let caseID = deal.caseID {
                    if try Bool.fetchOne(db, sql: #"SELECT 1 FROM "case" WHERE id = ?"#, arguments: [caseID]) != true {
                        found.append("caseID: \(caseID): no such case")
                    } else if let record = deal.resultRecordID,
                              try Bool.fetchOne(db, sql: "SELECT 1 FROM caseResult WHERE caseID = ? AND recordID = ?", arguments: [caseID, record]) != true {
                        found.append("resultRecordID: \(record): not a result of case \(caseID)")
                    }
                }
                if let meetingID = deal.meetingID, try Bool.fetchOne(db, sql: "SELECT 1 FROM meeting WHERE id = ?", arguments: [meetingID]) != true {
                    found.append("meetingID: \(meetingID): no such meeting")
                }
                if !deal.registrationNumber.isEmpty {
                    if let earlier = seenNumbers[deal.registrationNumber] {
                        found.append("registrationNumber: \(deal.registrationNumber): also at \(earlier)")
                    } else if try Bool.fetchOne(db, sql: "SELECT 1 FROM deal WHERE registrationNumber = ?", arguments: [deal.registrationNumber]) == true {
                        found.append("registrationNumber: \(deal.registrationNumber): a deal with this number is saved already")
                    }
                    seenNumbers[deal.registrationNumber] = location
                }
                problems += found.map { "\(location): \($0)" }
            }
            guard problems.isEmpty else {
                throw DuijieError(.invalidInput, "\(problems.count) problem(s) in the deals; none was saved", details: problems)
            }
            var saved: [Deal] = []
            for var deal in deals {
                try db.execute(sql: """
                    INSERT INTO deal (contractType, registrationNumber, registeredOn, signedOn, value, seller, sellerKind, buyer, buyerKind,
                                      field, sellerRegion, buyerRegion, ipType, caseID, resultRecordID, meetingID, createdBy, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [deal.contractType.rawValue, deal.registrationNumber, deal.registeredOn, deal.signedOn, deal.value,
                                     deal.seller, deal.sellerKind.rawValue, deal.buyer, deal.buyerKind.rawValue, deal.field,
                                     deal.sellerRegion, deal.buyerRegion, deal.ipType.rawValue, deal.caseID, deal.resultRecordID, deal.meetingID,
                                     createdBy, now])
                deal.id = db.lastInsertedRowID
                for broker in deal.brokers {
                    try db.execute(sql: "INSERT INTO dealBroker (dealID, brokerID, fee) VALUES (?, ?, ?)",
                                   arguments: [deal.id, brokers[broker.login]!.id, broker.fee])
                }
                saved.append(deal)
            }
            return saved
        }
    }

    /// Every deal, by signing day then id, with its brokers (by login, in the order entered).
    public func deals() throws(DuijieError) -> [Deal] {
        try read { db in
            let brokerRows = try Row.fetchAll(db, sql: """
                SELECT b.dealID, u.login, b.fee FROM dealBroker b JOIN user u ON u.id = b.brokerID ORDER BY b.rowid
                """)
            var brokers: [Int64: [DealBroker]] = [:]
            for row in brokerRows { brokers[row["dealID"], default: []].append(DealBroker(login: row["login"], fee: row["fee"])) }
            return try Row.fetchAll(db, sql: "SELECT * FROM deal ORDER BY signedOn, id").map { row in
                var deal = Deal(contractType: ContractType(rawValue: row["contractType"]) ?? .development, signedOn: row["signedOn"],
                                value: row["value"], seller: row["seller"], sellerKind: PartyKind(rawValue: row["sellerKind"]) ?? .other,
                                buyer: row["buyer"], buyerKind: PartyKind(rawValue: row["buyerKind"]) ?? .other,
                                ipType: IPType(rawValue: row["ipType"]) ?? .other)
                deal.id = row["id"]
                deal.registrationNumber = row["registrationNumber"]
                deal.registeredOn = row["registeredOn"]
                deal.field = row["field"]
                deal.sellerRegion = row["sellerRegion"]
                deal.buyerRegion = row["buyerRegion"]
                deal.caseID = row["caseID"]
                deal.meetingID = row["meetingID"]
                deal.resultRecordID = row["resultRecordID"]
                deal.brokers = brokers[deal.id] ?? []
                return deal
            }
        }
    }
}
