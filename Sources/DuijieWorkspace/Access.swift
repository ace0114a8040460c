import GRDB

/// Who sees what, in one place: every read of a record or a case by the server asks it.
///
/// - An admin sees everything.
/// - A confidential demand is seen by the broker who owns it (`demandOwner`) and by admins;
///   one with no owner in the workspace by admins only.
/// - A case is seen by its broker and admins, and by everyone when it is not confidential;
///   only its broker and admins change it. A viewer changes nothing.
public struct Access: Sendable {
    /// Who is asking.
    public let user: User
    /// The owner of each demand added through the workbench (demand id → user id).
    public let demandOwners: [String: Int64]

    /// The rules for `user`, given the demands' owners.
    public init(user: User, demandOwners: [String: Int64]) {
        self.user = user
        self.demandOwners = demandOwners
    }

    /// Whether `user` may see a demand (`confidential` as its record says).
    public func canSeeDemand(_ id: String, confidential: Bool) -> Bool {
        !confidential || user.role == .admin || demandOwners[id] == user.id
    }

    /// Whether `user` may see a case of `brokerID`.
    public func canSeeCase(brokerID: Int64, confidential: Bool) -> Bool {
        !confidential || user.role == .admin || brokerID == user.id
    }

    /// Whether `user` may change a case of `brokerID` (its statuses and notes).
    public func canChangeCase(brokerID: Int64) -> Bool {
        user.role == .admin || (user.role == .broker && brokerID == user.id)
    }

    /// The SQL condition on table "case" that keeps the cases `user` may see; its arguments
    /// are `caseArguments`.
    static let caseCondition = #"(? = 'admin' OR "case".brokerID = ? OR "case".confidential = 0)"#

    var caseArguments: StatementArguments { [user.role.rawValue, user.id] }
}
