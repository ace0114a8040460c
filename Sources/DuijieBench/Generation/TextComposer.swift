import DuijieCorpus
import Foundation

/// Writes the texts of generated records from source documents.
///
/// At a million achievements each source document (a few thousand) is drawn hundreds of times,
/// so a text is never a plain copy. An achievement takes a *primary* document (of its first
/// field) and a *secondary* one among the primary's nearest documents (shared rare words):
/// - title: the primary title, or (nine times in ten) the primary title joined to one or two
///   keywords of the secondary by a usual pattern — 基于X的…, …及其在X中的应用, 面向X与Y的…;
/// - abstract: the primary's sentences, its opening always kept, one later sentence dropped
///   half the time when there are four or more, and one to three pieces (1.75 on average; one
///   more for a primary of one or two sentences) of the primary's nearest documents — their later sentences or, for short ones, their clauses, never
///   one the text already has — inserted at random places after the opening;
/// - keywords: a shuffled selection of the primary's, topped up with the secondary's.
/// Two achievements share a text only if they drew the same documents and the same sentence
/// choices, so the TF-IDF index sees near-duplicates (as real patent families are) but few
/// exact ones. A demand is written from one document in an enterprise's words: a
/// problem statement around the document's keywords plus one of its sentences, so the
/// achievements drawn from that document are plausible answers.
enum TextComposer {
    /// Title, abstract and keywords of an achievement.
    ///
    /// - Parameters:
    ///   - borrowed: The secondary's keywords that the primary lacks.
    ///   - alsoBorrowable: The same for the primary's other neighbours.
    ///   - donors: The pieces (see `borrowablePieces`) of the documents the abstract may borrow
    ///     from: the secondary and the primary's other neighbours.
    static func achievement(primary: SourceDocument, borrowed: [String], alsoBorrowable: [[String]], donors: [[String]],
                            keywordCount: Int, random: inout GeneratorRandom) -> (title: String, abstract: String, keywords: [String]) {
        let title = achievementTitle(primary, borrowed: borrowed, alsoBorrowable: alsoBorrowable, random: &random)

        var sentences = primary.sentences
        if sentences.count >= 4 && random.chance(0.5) { sentences.remove(at: 1 + random.below(sentences.count - 1)) }
        let donors = donors.filter { !$0.isEmpty }
        // A short primary (one or two sentences) leaves few places to insert at: it takes one
        // piece more, so that its texts still come out different.
        let insertions = (primary.sentences.count <= 2 ? 2 : 1) + (random.chance(0.5) ? 1 : 0) + (random.chance(0.25) ? 1 : 0)
        for _ in 0..<insertions where !donors.isEmpty {
            let piece = random.element(of: random.element(of: donors))
            if !sentences.contains(piece) { sentences.insert(piece, at: 1 + random.below(sentences.count)) }
        }
        let abstract = sentences.joined(separator: primary.isEnglish ? " " : "")

        var keywords = primary.keywords
        random.shuffle(&keywords)
        let wanted = max(1, keywordCount)
        keywords = Array(keywords.prefix(borrowed.isEmpty ? wanted : max(1, wanted - 1)))
        var extra = borrowed
        random.shuffle(&extra)
        for keyword in extra.prefix(wanted - keywords.count) { keywords.append(keyword) }
        return (title, abstract, keywords)
    }

    /// The primary title, one time in ten as it is, otherwise joined to one or two borrowed
    /// keywords (the first from the secondary, the second from any neighbour) by a pattern of
    /// Chinese (or English) titles.
    static func achievementTitle(_ primary: SourceDocument, borrowed: [String], alsoBorrowable: [[String]],
                                 random: inout GeneratorRandom) -> String {
        guard !borrowed.isEmpty else { return primary.title }
        let first = random.element(of: borrowed)
        let others = alsoBorrowable.filter { !$0.isEmpty }
        var second = others.isEmpty ? random.element(of: borrowed) : random.element(of: random.element(of: others))
        if second == first { second = borrowed.first { $0 != first } ?? first }
        let choice = random.below(10)
        if primary.isEnglish {
            switch choice {
            case 0: return primary.title
            case 1...3: return "\(primary.title) for \(first)"
            case 4...6: return "\(primary.title) based on \(first)"
            default: return "\(primary.title) for \(first) and \(second)"
            }
        }
        let stem = primary.title.hasPrefix("一种") ? String(primary.title.dropFirst(2)) : primary.title
        switch choice {
        case 1: return "基于\(first)的\(stem)"
        case 2: return "\(stem)及其在\(first)中的应用"
        case 3: return "面向\(first)的\(stem)"
        case 4: return "用于\(first)的\(stem)"
        case 5: return "\(stem)与\(first)集成技术"
        case 6 where second != first: return "基于\(first)和\(second)的\(stem)"
        case 7 where second != first: return "面向\(first)与\(second)的\(stem)"
        case 8 where second != first: return "\(stem)在\(first)与\(second)中的应用"
        case 9 where second != first: return "基于\(first)的\(stem)在\(second)中的应用"
        default: return primary.title
        }
    }

    /// What an abstract may borrow from a secondary document: its sentences after the opening
    /// (which usually introduces its own subject) or, for a document of one or two sentences,
    /// each clause of them as a sentence of its own — enough pieces to vary short texts too.
    static func borrowablePieces(of document: SourceDocument) -> [String] {
        if document.sentences.count >= 3 { return Array(document.sentences.dropFirst()) }
        let stop = document.isEnglish ? "." : "。"
        var pieces: [String] = []
        for sentence in document.sentences {
            let clauses = sentence.split(whereSeparator: { $0 == "，" || $0 == "," && !document.isEnglish })
            guard clauses.count > 1 else {
                pieces.append(sentence)
                continue
            }
            for clause in clauses {
                var piece = SentenceSplitter.trimmed(String(clause))
                guard piece.count >= 6 else { continue }
                if let last = piece.last, "。.；;！!？?".contains(last) { piece.removeLast() }
                pieces.append(piece + stop)
            }
        }
        return pieces.isEmpty ? document.sentences : pieces
    }

    private static let demandSuffixes = ["技术攻关", "工艺改进", "国产化替代", "技术需求", "解决方案", "关键技术合作", "检测方法开发", "设备升级改造"]
    /// Openings around a keyword: before and after it.
    private static let demandOpenings = [
        ("公司在", "环节遇到技术瓶颈，现有工艺难以满足客户要求。"),
        ("我单位现有", "工艺效率偏低、能耗和成本较高。"),
        ("企业计划新上", "项目，但缺少自主可控的核心技术。"),
        ("现有产品在", "方面与进口产品差距明显，急需升级。"),
        ("随着订单增长，", "已成为制约产能的主要问题。"),
    ]
    private static let demandRequests = [
        "希望引进或合作开发相关技术，参考思路：",
        "拟寻求高校院所合作，目标技术路线类似于：",
        "期望的技术方案要点：",
    ]
    private static let demandClosings = [
        "要求技术成熟度达到中试以上，公司可提供试验场地和配套资金。",
        "可接受技术许可、转让或合作开发，具体方式面议。",
        "希望一年内完成小批量验证，并共同申报相关科技项目。",
        "需提供可验证的测试数据，优先考虑有工程化经验的团队。",
    ]

    /// Title, description and keywords of a demand written from `source`.
    static func demand(source: SourceDocument, keywordCount: Int, random: inout GeneratorRandom) -> (title: String, description: String, keywords: [String]) {
        var keywords = source.keywords
        random.shuffle(&keywords)
        let first = keywords.first ?? source.title
        let second = keywords.count > 1 ? keywords[1] : first
        let sentence = source.sentences.isEmpty ? source.title : random.element(of: source.sentences.prefix(3).map { $0 })
        let title: String
        let description: String
        if source.isEnglish {
            title = random.chance(0.5) ? "Seeking \(first) technology" : "\(first) and \(second) solution needed"
            description = "Our production line needs better \(first). We are looking for a partner with work like this: \(sentence) Pilot-scale results preferred."
        } else {
            switch random.below(4) {
            case 0: title = "\(first)\(random.element(of: demandSuffixes))"
            case 1 where first != second: title = "\(first)与\(second)\(random.element(of: demandSuffixes))"
            case 2 where first != second: title = "\(second)中的\(first)\(random.element(of: demandSuffixes))"
            default:
                let stem = source.title.hasPrefix("一种") ? String(source.title.dropFirst(2)) : source.title
                title = "寻求\(stem)相关\(random.element(of: ["技术", "解决方案", "合作伙伴", "技术许可"]))"
            }
            let opening = random.element(of: demandOpenings)
            description = opening.0 + first + opening.1 + random.element(of: demandRequests) + sentence + random.element(of: demandClosings)
        }
        return (title, description, Array(keywords.prefix(max(1, keywordCount))))
    }

    /// An expert's research interests, from a document of their work.
    static func biography(source: SourceDocument, field: String, random: inout GeneratorRandom) -> String {
        var keywords = source.keywords
        random.shuffle(&keywords)
        let topics = keywords.prefix(3).joined(separator: "、")
        let sentence = source.sentences.isEmpty ? "" : random.element(of: source.sentences)
        if source.isEnglish { return "Works on \(field): \(topics). \(sentence)" }
        return random.chance(0.5)
            ? "主要从事\(topics)方面的研究。代表性工作：\(sentence)"
            : "长期从事\(field)领域研究，方向包括\(topics)。\(sentence)"
    }

    /// An institution's description.
    static func institutionDescription(place: String, kind: InstitutionKind, fields: [String], source: SourceDocument?,
                                       random: inout GeneratorRandom) -> String {
        let kindName = kind.chineseNames.first ?? "机构"
        var text = "\(place)的\(kindName)，在\(fields.prefix(3).joined(separator: "、"))等方向开展研发与成果转化。"
        if let source, !source.keywords.isEmpty {
            var keywords = source.keywords
            random.shuffle(&keywords)
            text += "近年代表性方向包括\(keywords.prefix(3).joined(separator: "、"))。"
        }
        return text
    }

    /// An enterprise's description.
    static func enterpriseDescription(place: String, field: String, source: SourceDocument?, random: inout GeneratorRandom) -> String {
        var text = "\(place)的\(field)企业"
        if let source, !source.keywords.isEmpty {
            var keywords = source.keywords
            random.shuffle(&keywords)
            text += "，主营\(keywords[0])相关产品"
            if keywords.count > 1 { text += "，近期关注\(keywords.dropFirst().prefix(2).joined(separator: "、"))等技术" }
        }
        return text + "。"
    }

    /// A relation's note, from its kind and the field it is about.
    static func relationNote(kind: RelationKind, topic: String, place: String) -> String {
        switch kind {
        case .cooperated: return "联合开展\(topic)技术研究"
        case .contracted: return "\(topic)技术开发合同"
        case .memberOf: return "\(topic)产业技术创新联盟成员"
        case .metAtEvent: return "\(place)\(topic)成果对接会"
        case .consulted: return "\(topic)技术咨询"
        case .invested: return "\(topic)项目投资"
        }
    }
}
