/// The features a candidate is ranked by, each in 0…1, by name. The same shape holds the
/// weights that fuse them (`RecommendationWeights`) and each feature's share of a score
/// (`Explanation.contributions`).
public struct RankingFeatures: Sendable, Equatable {
    /// The name of a feature. The order of `allCases` is the order of `values`, of every
    /// output that lists features, and of the sum that fuses them.
    public enum Name: String, Sendable, CaseIterable {
        /// Lexical similarity of the texts (TF-IDF cosine).
        case text
        /// Semantic similarity (LSA cosine, negative values as 0).
        case semantic
        /// Graph proximity (personalized PageRank from the query, divided by its maximum).
        case graph
        /// How the regions relate (same region, paired region, same province …).
        case region
        /// How the fields overlap through the field taxonomy.
        case field
        /// Whether the offered maturity meets the required one.
        case maturity
        /// Whether the transfer modes overlap.
        case transferMode
        /// Whether the price fits the budget.
        case budget

        /// The feature's name in Chinese or English.
        public func name(chinese: Bool) -> String {
            switch self {
            case .text: return chinese ? "文本相似" : "text"
            case .semantic: return chinese ? "语义相似" : "semantic"
            case .graph: return chinese ? "关系图谱" : "graph"
            case .region: return chinese ? "地区" : "region"
            case .field: return chinese ? "领域" : "field"
            case .maturity: return chinese ? "成熟度" : "maturity"
            case .transferMode: return chinese ? "转化方式" : "transfer mode"
            case .budget: return chinese ? "预算" : "budget"
            }
        }
    }

    /// Lexical similarity.
    public var text: Float
    /// Semantic similarity.
    public var semantic: Float
    /// Graph proximity.
    public var graph: Float
    /// Region relation.
    public var region: Float
    /// Field overlap.
    public var field: Float
    /// Maturity fit.
    public var maturity: Float
    /// Transfer-mode fit.
    public var transferMode: Float
    /// Budget fit.
    public var budget: Float

    /// Creates features from their values.
    public init(text: Float, semantic: Float, graph: Float, region: Float, field: Float, maturity: Float, transferMode: Float,
                budget: Float) {
        self.text = text
        self.semantic = semantic
        self.graph = graph
        self.region = region
        self.field = field
        self.maturity = maturity
        self.transferMode = transferMode
        self.budget = budget
    }

    /// Creates features from one value per feature, in `Name.allCases` order.
    public init(values: [Float]) {
        precondition(values.count == Name.allCases.count, "one value per feature")
        self.init(text: values[0], semantic: values[1], graph: values[2], region: values[3], field: values[4], maturity: values[5],
                  transferMode: values[6], budget: values[7])
    }

    /// The values in `Name.allCases` order.
    public var values: [Float] { [text, semantic, graph, region, field, maturity, transferMode, budget] }

    /// A feature's value by name.
    public subscript(name: Name) -> Float {
        get {
            switch name {
            case .text: return text
            case .semantic: return semantic
            case .graph: return graph
            case .region: return region
            case .field: return field
            case .maturity: return maturity
            case .transferMode: return transferMode
            case .budget: return budget
            }
        }
        set {
            switch name {
            case .text: text = newValue
            case .semantic: semantic = newValue
            case .graph: graph = newValue
            case .region: region = newValue
            case .field: field = newValue
            case .maturity: maturity = newValue
            case .transferMode: transferMode = newValue
            case .budget: budget = newValue
            }
        }
    }

    /// Each value times its weight.
    public func contributions(_ weights: RankingFeatures) -> RankingFeatures {
        RankingFeatures(text: text * weights.text, semantic: semantic * weights.semantic, graph: graph * weights.graph,
                        region: region * weights.region, field: field * weights.field, maturity: maturity * weights.maturity,
                        transferMode: transferMode * weights.transferMode, budget: budget * weights.budget)
    }

    /// The weighted sum Σ weight × value, added in `Name.allCases` order (so a score is the same
    /// bits on every run).
    public func fused(_ weights: RankingFeatures) -> Float {
        var sum: Float = 0
        sum += text * weights.text
        sum += semantic * weights.semantic
        sum += graph * weights.graph
        sum += region * weights.region
        sum += field * weights.field
        sum += maturity * weights.maturity
        sum += transferMode * weights.transferMode
        sum += budget * weights.budget
        return sum
    }
}
