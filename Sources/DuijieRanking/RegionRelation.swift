import DuijieCorpus

/// How two regions relate, from closest to farthest — what a broker weighs first ("local
/// supply, then the paired region, then anywhere").
public enum RegionRelation: Int, Sendable, Comparable, CaseIterable {
    /// The same district or park (or one inside the other below city level).
    case sameDistrict
    /// The same city.
    case sameCity
    /// The same province.
    case sameProvince
    /// 对口合作 partners (a region or an ancestor of one paired with the other's).
    case paired
    /// Provinces in the same regional bloc (京津冀, 长三角, 珠三角).
    case sameBloc
    /// No relation.
    case other
    /// One of the two regions is not known.
    case unknown

    public static func < (lhs: RegionRelation, rhs: RegionRelation) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The feature value: 1 for the same district down to 0 for no relation; unknown is 0.2.
    public var score: Float {
        switch self {
        case .sameDistrict: return 1
        case .sameCity: return 0.8
        case .sameProvince: return 0.6
        case .paired: return 0.4
        case .sameBloc: return 0.3
        case .other: return 0
        case .unknown: return 0.2
        }
    }

    /// The relation's name in Chinese or English.
    public func name(chinese: Bool) -> String {
        switch self {
        case .sameDistrict: return chinese ? "同区县/园区" : "same district"
        case .sameCity: return chinese ? "同城" : "same city"
        case .sameProvince: return chinese ? "同省" : "same province"
        case .paired: return chinese ? "对口合作地区" : "paired region"
        case .sameBloc: return chinese ? "同一区域板块" : "same regional bloc"
        case .other: return chinese ? "异地" : "elsewhere"
        case .unknown: return chinese ? "地区未知" : "region unknown"
        }
    }

    /// The relation of regions `a` and `b` in `corpus`'s region taxonomy.
    public init(_ a: String?, _ b: String?, in corpus: Corpus) {
        guard let a, let b else { self = .unknown; return }
        let chainA = Self.ancestors(a, corpus)
        let chainB = Self.ancestors(b, corpus)
        func level(_ id: String) -> RegionLevel? { corpus.region(id)?.level }
        func first(_ chain: [String], _ wanted: RegionLevel) -> String? { chain.first { level($0) == wanted } }
        if a == b || (level(a) != .city && level(a) != .province && chainB.contains(a)) || (level(b) != .city && level(b) != .province && chainA.contains(b)) {
            self = .sameDistrict
        } else if let city = first(chainA, .city), city == first(chainB, .city) {
            self = .sameCity
        } else if let province = first(chainA, .province) ?? chainA.last, province == (first(chainB, .province) ?? chainB.last) {
            self = .sameProvince
        } else if Self.paired(chainA, chainB, corpus) {
            self = .paired
        } else if Self.sameBloc(chainA, chainB, corpus) {
            self = .sameBloc
        } else {
            self = .other
        }
    }

    /// The region and its enclosing regions, innermost first.
    static func ancestors(_ id: String, _ corpus: Corpus) -> [String] {
        var chain = [id]
        var current = id
        while let parent = corpus.region(current)?.parent, !chain.contains(parent) {
            chain.append(parent)
            current = parent
        }
        return chain
    }

    private static func paired(_ a: [String], _ b: [String], _ corpus: Corpus) -> Bool {
        for x in a {
            for y in b where corpus.region(x)?.paired.contains(y) == true || corpus.region(y)?.paired.contains(x) == true {
                return true
            }
        }
        return false
    }

    private static func sameBloc(_ a: [String], _ b: [String], _ corpus: Corpus) -> Bool {
        corpus.regions.contains { bloc in
            bloc.level == .bloc && a.contains(where: bloc.members.contains) && b.contains(where: bloc.members.contains)
        }
    }
}
