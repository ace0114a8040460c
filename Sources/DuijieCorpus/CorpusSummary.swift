/// Counts that describe a corpus at a glance: records per kind, how the records spread over
/// fields and provinces.
public struct CorpusSummary: Sendable {
    /// How many records a field or region carries.
    public struct Usage: Sendable, Equatable {
        /// The field or region id.
        public let id: String
        /// Its name (the id when the taxonomy does not know it).
        public let name: String
        /// Achievements in it.
        public let achievements: Int
        /// Demands in it.
        public let demands: Int
        /// Experts in it.
        public let experts: Int
        /// Institutions and enterprises in it.
        public let organizations: Int

        /// All records counted.
        public var total: Int { achievements + demands + experts + organizations }
    }

    /// Records per kind, in file order.
    public let counts: [(kind: RecordKind, count: Int)]
    /// Usage per field (as records name them, not rolled up), most used first.
    public let fields: [Usage]
    /// Usage per top-level region (provinces and province-level cities), most used first.
    public let regions: [Usage]

    /// Summarizes `corpus`.
    ///
    /// - Complexity: O(r) in the number of records, plus sorting the fields and regions.
    public init(_ corpus: Corpus) {
        counts = RecordKind.allCases.map { ($0, corpus.count(of: $0)) }

        var fieldCounts: [String: [Int]] = [:]
        func countFields(_ ids: [String], _ slot: Int) {
            for id in ids { fieldCounts[id, default: [0, 0, 0, 0]][slot] += 1 }
        }
        corpus.achievements.forEach { countFields($0.fields, 0) }
        corpus.demands.forEach { countFields($0.fields, 1) }
        corpus.experts.forEach { countFields($0.fields, 2) }
        corpus.institutions.forEach { countFields($0.fields, 3) }
        corpus.enterprises.forEach { countFields($0.fields, 3) }
        fields = Self.usages(fieldCounts) { corpus.field($0)?.name ?? $0 }

        var regionCounts: [String: [Int]] = [:]
        func countRegion(_ id: String?, _ slot: Int) {
            guard let id else { return }
            regionCounts[corpus.topRegion(of: id), default: [0, 0, 0, 0]][slot] += 1
        }
        corpus.achievements.forEach { countRegion($0.region, 0) }
        corpus.demands.forEach { countRegion($0.region, 1) }
        corpus.experts.forEach { countRegion($0.region, 2) }
        corpus.institutions.forEach { countRegion($0.region, 3) }
        corpus.enterprises.forEach { countRegion($0.region, 3) }
        regions = Self.usages(regionCounts) { corpus.region($0)?.name ?? $0 }
    }

    private static func usages(_ counts: [String: [Int]], name: (String) -> String) -> [Usage] {
        counts.map { id, slots in
            Usage(id: id, name: name(id), achievements: slots[0], demands: slots[1], experts: slots[2], organizations: slots[3])
        }
        .sorted { ($1.total, $0.id) < ($0.total, $1.id) }
    }
}
