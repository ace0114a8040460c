/// Words that carry no matching signal: Chinese function words, the boilerplate of patents,
/// papers and policy documents (本发明, 公开了, 一种, 所述, 推进, 加强 …), and English function
/// words. Lists are configurable: start from `standard`, add or remove words, or use `none`.
public struct StopwordList: Sendable {
    /// Stopwords as normalized strings.
    public private(set) var words: Set<String>

    /// Chinese characters that end a run of Chinese text in bigram mode: pure particles and
    /// conjunctions, so no bigram spans them (`池的`, `的回`). Characters that also start or end
    /// real terms (在 in 在线, 等 in 等离子, 和 in 饱和, 都 in 成都) are deliberately not here.
    public private(set) var boundaryCharacters: Set<Unicode.Scalar>

    /// Creates a list from words and boundary characters.
    public init(words: Set<String>, boundaryCharacters: Set<Unicode.Scalar> = []) {
        self.words = words
        self.boundaryCharacters = boundaryCharacters
    }

    /// No stopwords at all.
    public static let none = StopwordList(words: [])

    /// Duijie's default list: Chinese function words and boilerplate, and English function words.
    public static let standard = StopwordList(
        words: Set(chineseFunctionWords + chineseBoilerplate + englishFunctionWords),
        boundaryCharacters: Set("的了与及或之其而被于也又就".unicodeScalars)
    )

    /// Adds words (already normalized).
    public mutating func add<S: Sequence>(_ newWords: S) where S.Element == String {
        words.formUnion(newWords)
    }

    /// Removes words.
    public mutating func remove<S: Sequence>(_ oldWords: S) where S.Element == String {
        words.subtract(oldWords)
    }

    /// Whether `token` is a stopword.
    @inline(__always)
    public func contains(_ token: String) -> Bool { words.contains(token) }

    static let chineseFunctionWords: [String] = """
    的 地 得 了 着 过 和 与 及 或 而 并 且 但 则 即 也 又 还 都 就 才 在 于 对 为 以 由 从 把 被 将 向 按 给 让 使 \
    其 之 该 此 这 那 些 个 种 等 各 每 某 所 是 有 无 不 没 很 更 最 已 可 能 会 要 需 应 如 若 因 故 及其 \
    已经 可以 能够 需要 应该 如果 因为 所以 因此 从而 进而 以及 以便 以上 以下 之间 之一 其中 其他 其它 \
    一种 一个 一些 一定 我们 我 你 他 她 它 他们 这个 这些 那些 这种 以来 对于 关于 由于 并且 或者 而且 \
    但是 然而 同时 此外 另外 然后 之后 之前 目前 当前 通过 采用 利用 使用 进行 具有 包括 包含 实现 提供 \
    用于 基于 根据 按照 所述 上述 如下 下述 即可 不仅 而是 还是 以及其 其它的 非常 十分 较为 比较
    """.split(separator: " ").map(String.init)

    static let chineseBoilerplate: [String] = """
    本发明 本实用新型 本申请 本公开 公开了 公开 涉及 涉及到 技术领域 背景技术 发明内容 具体实施方式 实施例 \
    权利要求 其特征在于 特征在于 优选 优选地 步骤 方法 所示 如图 附图 本文 本研究 研究了 结果表明 表明 \
    提出了 提出 探讨 分析了 文章 论文 推进 加强 推动 促进 深化 完善 健全 全面 积极 大力 进一步 切实 着力 \
    有效 加快 落实 开展 相关 有关 方面 问题 情况 工作
    """.split(separator: " ").map(String.init)

    static let englishFunctionWords: [String] = """
    a an the and or nor of to in on for with by at from as is are was were be been being this that these those \
    it its which who whom whose what when where why how we our ours you your they their them he she his her him \
    i me my us not no can could will would should may might must shall do does did has have had having than then \
    so such also into onto over under about after before between both each other some any all more most very via \
    per up out if but there here only own same too just while during within without upon thus therefore however \
    et al eg ie etc
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
