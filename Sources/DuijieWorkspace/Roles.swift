/// What a user may do: an admin everything; a broker read, rank, and work cases (their own);
/// a viewer read and rank only.
public enum Role: String, Sendable, CaseIterable, Codable {
    case admin, broker, viewer

    /// Whether the role may change anything (records, cases, statuses).
    public var canWrite: Bool { self != .viewer }
}

/// Where a shortlisted result stands with the client: to contact, contacted, meeting arranged,
/// negotiating, signed, or no deal (with a reason).
public enum ResultStatus: String, Sendable, CaseIterable, Codable {
    case toContact = "to-contact"
    case contacted
    case meeting
    case negotiating
    case signed
    case noDeal = "no-deal"

    /// The status's name in Chinese, as brokers say it.
    public var chineseName: String {
        switch self {
        case .toContact: return "待联系"
        case .contacted: return "已联系"
        case .meeting: return "已约见"
        case .negotiating: return "洽谈中"
        case .signed: return "已签约"
        case .noDeal: return "未成交"
        }
    }

    /// The status for an English value or a Chinese name.
    public init?(parsing text: String) {
        guard let status = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = status
    }

    /// Whether a change to this status must say why (no deal).
    public var needsReason: Bool { self == .noDeal }
}

/// A user of the workbench.
public struct User: Sendable, Equatable, Codable {
    /// The database id.
    public let id: Int64
    /// The login name.
    public let login: String
    /// The name shown.
    public let displayName: String
    /// What the user may do.
    public let role: Role
}
