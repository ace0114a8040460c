import DuijieCorpus
import DuijieGraph
import DuijieVectors

/// How much each kind of link counts in the corpus graph (its edge weight; a walk follows a
/// node's links in proportion to their weights). Relations multiply their own weight.
public struct GraphWeights: Sendable, Equatable {
    public var ownership: Float = 1        // achievement — owner
    public var inventorship: Float = 1     // achievement — inventor
    public var affiliation: Float = 1      // expert — institution
    public var postedBy: Float = 1         // demand — enterprise
    public var cooperated: Float = 1
    public var contracted: Float = 1.5
    public var memberOf: Float = 0.5
    public var metAtEvent: Float = 0.5
    public var consulted: Float = 1
    public var invested: Float = 0.5
    public var field: Float = 0.5          // record — field
    public var fieldParent: Float = 0.25   // field — broader field
    public var region: Float = 0.2         // record — region
    public var regionParent: Float = 0.2   // region — enclosing region
    public var pairedRegion: Float = 0.2   // 对口合作 partners
    public var textSimilarity: Float = 1   // achievement — text neighbour, × their cosine

    /// The default weights: direct links (ownership, inventorship, affiliation, posting,
    /// cooperation) 1, contracts 1.5, looser links less; fields and regions tie records together
    /// weakly, so a walk prefers concrete history.
    public init() {}

    func weight(of kind: RelationKind) -> Float {
        switch kind {
        case .cooperated: return cooperated
        case .contracted: return contracted
        case .memberOf: return memberOf
        case .metAtEvent: return metAtEvent
        case .consulted: return consulted
        case .invested: return invested
        }
    }
}

/// The corpus as one typed, weighted, undirected graph: a node per record (regions and fields
/// included), an edge per ownership, inventorship, affiliation, posting, relation, field and
/// region link, taxonomy parent and regional pairing — in both directions.
public struct CorpusGraph: Sendable {
    /// The graph in CSR form; node i is the record `ids[i]`.
    public let graph: WeightedGraph
    /// The record id of each node.
    public let ids: [String]
    /// The kind of each node.
    public let kinds: [RecordKind]
    private let nodeByID: [String: Int]

    /// Builds the graph of `corpus`.
    ///
    /// - Parameters:
    ///   - corpus: The records.
    ///   - weights: The edge weight of each kind of link.
    ///   - textNeighbors: For each achievement (in corpus order), its nearest achievements by text
    ///     with their similarity (`TextMatcher.nearestNeighbors`); linked with weight
    ///     `textSimilarity` × similarity.
    /// - Complexity: O(records + links · log links).
    public init(corpus: Corpus, weights: GraphWeights = GraphWeights(), textNeighbors: [[ScoredIndex]]? = nil) {
        let (ids, kinds, index) = Self.nodes(of: corpus)

        // Three parallel arrays, 12 bytes an edge (a million achievements give 16 million).
        var sources: [Int32] = [], targets: [Int32] = [], weightsOfEdges: [Float] = []
        func link(_ a: String?, _ b: String?, _ weight: Float) {
            guard weight > 0, let a, let b, let x = index[a], let y = index[b], x != y else { return }
            sources.append(Int32(x))
            targets.append(Int32(y))
            weightsOfEdges.append(weight)
        }
        for region in corpus.regions {
            link(region.id, region.parent, weights.regionParent)
            for partner in region.paired { link(region.id, partner, weights.pairedRegion) }
            for member in region.members { link(region.id, member, weights.regionParent) }
        }
        for field in corpus.fields { link(field.id, field.parent, weights.fieldParent) }
        for institution in corpus.institutions {
            link(institution.id, institution.region, weights.region)
            for field in institution.fields { link(institution.id, field, weights.field) }
        }
        for expert in corpus.experts {
            link(expert.id, expert.institution, weights.affiliation)
            link(expert.id, expert.region, weights.region)
            for field in expert.fields { link(expert.id, field, weights.field) }
        }
        for enterprise in corpus.enterprises {
            link(enterprise.id, enterprise.region, weights.region)
            for field in enterprise.fields { link(enterprise.id, field, weights.field) }
        }
        for achievement in corpus.achievements {
            link(achievement.id, achievement.owner, weights.ownership)
            for inventor in achievement.inventors { link(achievement.id, inventor, weights.inventorship) }
            link(achievement.id, achievement.region, weights.region)
            for field in achievement.fields { link(achievement.id, field, weights.field) }
        }
        for demand in corpus.demands {
            link(demand.id, demand.enterprise, weights.postedBy)
            link(demand.id, demand.region, weights.region)
            for field in demand.fields { link(demand.id, field, weights.field) }
        }
        for relation in corpus.relations {
            link(relation.from, relation.to, weights.weight(of: relation.kind) * Float(relation.weight))
        }
        if let textNeighbors {
            let achievements = corpus.achievements
            for (row, neighbors) in textNeighbors.enumerated() where row < achievements.count {
                for neighbor in neighbors where Int(neighbor.index) < achievements.count && neighbor.score > 0 {
                    link(achievements[row].id, achievements[Int(neighbor.index)].id, weights.textSimilarity * neighbor.score)
                }
            }
        }
        graph = WeightedGraph(nodeCount: ids.count, sources: sources, targets: targets, weights: weightsOfEdges, symmetric: true)
        self.ids = ids
        self.kinds = kinds
        nodeByID = index
    }

    /// Restores the graph of `corpus` from a saved CSR form (`graph`), whose nodes must be the
    /// corpus's records in the order `init(corpus:weights:textNeighbors:)` gives them.
    ///
    /// - Returns: `nil` when the node count does not match the corpus.
    public init?(corpus: Corpus, graph: WeightedGraph) {
        let (ids, kinds, index) = Self.nodes(of: corpus)
        guard graph.nodeCount == ids.count else { return nil }
        self.graph = graph
        self.ids = ids
        self.kinds = kinds
        nodeByID = index
    }

    /// One node per record: regions, fields, institutions, experts, enterprises, achievements,
    /// demands, in corpus order; an id's node is its first.
    static func nodes(of corpus: Corpus) -> (ids: [String], kinds: [RecordKind], index: [String: Int]) {
        var ids: [String] = []
        var kinds: [RecordKind] = []
        func add(_ records: [String], _ kind: RecordKind) {
            ids += records
            kinds += Array(repeating: kind, count: records.count)
        }
        add(corpus.regions.map(\.id), .region)
        add(corpus.fields.map(\.id), .field)
        add(corpus.institutions.map(\.id), .institution)
        add(corpus.experts.map(\.id), .expert)
        add(corpus.enterprises.map(\.id), .enterprise)
        add(corpus.achievements.map(\.id), .achievement)
        add(corpus.demands.map(\.id), .demand)
        var index: [String: Int] = [:]
        for (node, id) in ids.enumerated() where index[id] == nil { index[id] = node }
        return (ids, kinds, index)
    }

    /// The node of record `id`.
    public func node(of id: String) -> Int? { nodeByID[id] }

    /// Above this many nodes, proximity uses `ForwardPushPageRank` instead of power iteration.
    public static let forwardPushThreshold = 20_000
    /// The forward push's residual threshold per out-edge.
    public static let forwardPushEpsilon = 1e-6

    /// Personalized PageRank from seed records (id → weight): how close every record is to the
    /// seeds through the corpus's links. Seeds not in the graph are ignored.
    ///
    /// - Returns: Record id → score, or `nil` when no seed is in the graph.
    public func proximity(from seeds: [String: Double], options: PersonalizedPageRank.Options = .init(),
                          parallelism: Parallelism = .automatic) -> [Double]? {
        var nodes: [Int: Double] = [:]
        for (id, weight) in seeds where weight > 0 { if let node = nodeByID[id] { nodes[node, default: 0] += weight } }
        guard !nodes.isEmpty else { return nil }
        // Large graphs: forward push, whose work depends on the tolerance, not the graph's size.
        if usesForwardPush {
            return ForwardPushPageRank.scores(graph: graph, seeds: nodes, damping: options.damping, epsilon: Self.forwardPushEpsilon)
        }
        return PersonalizedPageRank(graph: graph, seeds: nodes, options: options, parallelism: parallelism).scores
    }

    /// Whether `proximity` uses forward push (the graph is above `forwardPushThreshold` nodes).
    public var usesForwardPush: Bool { graph.nodeCount > Self.forwardPushThreshold }

    /// The paths that explain how one record reaches each of several others, as record ids:
    /// the strongest path of at most `maximumHops` links through content — people,
    /// institutions, enterprises, relations, fields — leaving out regions (the region column
    /// says that), text-similarity links between achievements (the matched words say that) and
    /// the field taxonomy's parent links; and only when the path is at least
    /// `minimumPathStrength` strong (`strength(of:)`). A target with no such path is absent.
    /// One search serves all targets: layer by layer over the whole graph when it is small
    /// (`StrongestPath`), by a Dijkstra that stops at the last target when it is large.
    public func paths(from source: String, to targets: [String], maximumHops: Int = 4) -> [String: [String]] {
        guard let node = nodeByID[source] else { return [:] }
        let targetNodes = targets.compactMap { nodeByID[$0] }
        let follows = explanationLinks
        var found: [Int: [Int]] = [:]
        if usesForwardPush {
            found = StrongestPath.paths(in: graph, from: node, to: targetNodes, maximumHops: maximumHops, follows: follows)
        } else {
            let search = StrongestPath(in: graph, from: node, maximumHops: maximumHops, follows: follows)
            for target in targetNodes { if let path = search.path(to: target) { found[target] = path } }
        }
        var result: [String: [String]] = [:]
        for (target, path) in found where strength(ofNodes: path) >= Self.minimumPathStrength {
            result[ids[target]] = path.map { ids[$0] }
        }
        return result
    }

    /// How strong a path must be to explain a recommendation: the probability that a random
    /// walk from the source takes exactly this path. 0.001 keeps a two-link path through an
    /// institution or enterprise with up to about 30 links per node, and leaves out long
    /// chains through busy nodes.
    public static let minimumPathStrength = 1e-3

    /// The strength of a path of records: the product, over its links, of the link's weight
    /// divided by the total weight of its start's links (0 when a step is not a link).
    public func strength(of path: [String]) -> Double {
        let nodes = path.compactMap { nodeByID[$0] }
        return nodes.count == path.count ? strength(ofNodes: nodes) : 0
    }

    private func strength(ofNodes path: [Int]) -> Double {
        var product = 1.0
        for (from, to) in zip(path, path.dropFirst()) {
            let edges = graph.offsets[from]..<graph.offsets[from + 1]
            guard let position = edges.first(where: { Int(graph.targets[$0]) == to }), graph.outWeightSums[from] > 0 else { return 0 }
            product *= Double(graph.weights[position]) / Double(graph.outWeightSums[from])
        }
        return product
    }

    /// The links an explanation path may follow: none into a region, none between two
    /// achievements (text similarity), none between two fields (the taxonomy).
    private var explanationLinks: @Sendable (Int, Int) -> Bool {
        let kinds = self.kinds
        return { from, to in
            let a = kinds[from], b = kinds[to]
            return b != .region && a != .region && !(a == .achievement && b == .achievement) && !(a == .field && b == .field)
        }
    }

    /// The strongest short path between two records, as record ids (see `StrongestPath`).
    public func path(from source: String, to target: String, maximumHops: Int = 4) -> [String]? {
        guard let a = nodeByID[source], let b = nodeByID[target] else { return nil }
        return StrongestPath.find(in: graph, from: a, to: b, maximumHops: maximumHops)?.map { ids[$0] }
    }
}
