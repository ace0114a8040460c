/// The features a candidate is ranked by, each in 0…1, by name. The same shape holds the
/// weights that fuse them (`RecommendationWeights`) and each feature's share of a score
/// (`Explanation.contributions`).
public struct RankingFeatures: Sendable, Equatable {
    /// The name of a feature. The order of `allCases` is the order of `values`, of every
    /// output that lists features, and of the sum that fuses them.
    public enum Name: String, Sendable, CaseIterable {
        /// Lexical similarity of the texts (TF-IDF cosine).
        case text
        /// Lexical relevance by BM25, divided by the query's best BM25 score.
        case bm25
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
        /// BM25 of the query expanded by pseudo-relevance feedback (RM3), divided by its best.
        case feedback
        /// BM25 over dictionary words rather than character bigrams, divided by its best: the
        /// word field beside the bigram index.
        case words

        /// The features read from records' metadata rather than their text or links.
        public static let metadata: Set<Name> = [.region, .field, .maturity, .transferMode, .budget]

        /// The feature's name in Chinese or English.
        public func name(chinese: Bool) -> String {
            switch self {
            case .text: return chinese ? "文本相似" : "text"
            case .bm25: return chinese ? "关键词相关(BM25)" : "BM25"
            case .semantic: return chinese ? "语义相似" : "semantic"
            case .graph: return chinese ? "关系图谱" : "graph"
            case .region: return chinese ? "地区" : "region"
            case .field: return chinese ? "领域" : "field"
            case .maturity: return chinese ? "成熟度" : "maturity"
            case .transferMode: return chinese ? "转化方式" : "transfer mode"
            case .budget: return chinese ? "预算" : "budget"
            case .feedback: return chinese ? "扩展查询(RM3)" : "expanded query (RM3)"
            case .words: return chinese ? "词语匹配(BM25)" : "word BM25"
            }
        }
    }

    /// Lexical similarity.
    public var text: Float
    /// BM25 relevance.
    public var bm25: Float
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
    /// BM25 of the expanded query.
    public var feedback: Float
    /// BM25 over dictionary words.
    public var words: Float

    /// Creates features from their values (a feature left out is 0).
    public init(text: Float = 0, bm25: Float = 0, semantic: Float = 0, graph: Float = 0, region: Float = 0, field: Float = 0,
                maturity: Float = 0, transferMode: Float = 0, budget: Float = 0, feedback: Float = 0, words: Float = 0) {
        self.text = text
        self.bm25 = bm25
        self.semantic = semantic
        self.graph = graph
        self.region = region
        self.field = field
        self.maturity = maturity
        self.transferMode = transferMode
        self.budget = budget
        self.feedback = feedback
        self.words = words
    }

    /// Creates features from one value per feature, in `Name.allCases` order.
    public init(values: [Float]) {
        precondition(values.count == Name.allCases.count, "one value per feature")
        self.init(text: values[0], bm25: values[1], semantic: values[2], graph: values[3], region: values[4], field: values[5],
                  maturity: values[6], transferMode: values[7], budget: values[8], feedback: values[9], words: values[10])
    }

    /// The values in `Name.allCases` order.
    public var values: [Float] { [text, bm25, semantic, graph, region, field, maturity, transferMode, budget, feedback, words] }

    /// A feature's value by name.
    public subscript(name: Name) -> Float {
        get {
            switch name {
            case .text: return text
            case .bm25: return bm25
            case .semantic: return semantic
            case .graph: return graph
            case .region: return region
            case .field: return field
            case .maturity: return maturity
            case .transferMode: return transferMode
            case .budget: return budget
            case .feedback: return feedback
            case .words: return words
            }
        }
        set {
            switch name {
            case .text: text = newValue
            case .bm25: bm25 = newValue
            case .semantic: semantic = newValue
            case .graph: graph = newValue
            case .region: region = newValue
            case .field: field = newValue
            case .maturity: maturity = newValue
            case .transferMode: transferMode = newValue
            case .budget: budget = newValue
            case .feedback: feedback = newValue
            case .words: words = newValue
            }
        }
    }

    /// Each value times its weight.
    public func contributions(_ weights: RankingFeatures) -> RankingFeatures {
        RankingFeatures(text: text * weights.text, bm25: bm25 * weights.bm25, semantic: semantic * weights.semantic, graph: graph * weights.graph,
                        region: region * weights.region, field: field * weights.field, maturity: maturity * weights.maturity,
                        transferMode: transferMode * weights.transferMode, budget: budget * weights.budget,
                        feedback: feedback * weights.feedback, words: words * weights.words)
    }

    /// The weighted sum Σ weight × value, added in `Name.allCases` order (so a score is the same
    /// bits on every run).
    public func fused(_ weights: RankingFeatures) -> Float {
        var sum: Float = 0
        sum += text * weights.text
        sum += bm25 * weights.bm25
        sum += semantic * weights.semantic
        sum += graph * weights.graph
        sum += region * weights.region
        sum += field * weights.field
        sum += maturity * weights.maturity
        sum += transferMode * weights.transferMode
        sum += budget * weights.budget
        sum += feedback * weights.feedback
        sum += words * weights.words
        return sum
    }
}
