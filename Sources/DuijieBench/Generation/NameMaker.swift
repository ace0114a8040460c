import DuijieCorpus
import Foundation

/// Makes names for generated people and organizations: Chinese personal names with their pinyin,
/// and institution and company names built from a place, a field and a kind, the way Chinese
/// organizations are named (大连＋储能＋技术转移中心). Names are fictional; organization names are
/// kept unique within a corpus (a clash gets a numbered suffix).
struct NameMaker {
    /// Common surnames, most frequent first, with their pinyin.
    static let surnames: [(String, String)] = [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"),
        ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"),
        ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao"), ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"),
        ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"), ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"),
        ("邓", "Deng"), ("曹", "Cao"), ("彭", "Peng"), ("曾", "Zeng"), ("肖", "Xiao"), ("田", "Tian"), ("董", "Dong"),
        ("袁", "Yuan"), ("潘", "Pan"), ("于", "Yu"), ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"), ("杜", "Du"),
        ("叶", "Ye"), ("程", "Cheng"), ("苏", "Su"), ("魏", "Wei"), ("吕", "Lyu"), ("丁", "Ding"), ("任", "Ren"),
        ("沈", "Shen"), ("姚", "Yao"), ("卢", "Lu"), ("姜", "Jiang"), ("崔", "Cui"), ("钟", "Zhong"), ("谭", "Tan"),
        ("陆", "Lu"), ("汪", "Wang"), ("范", "Fan"), ("金", "Jin"), ("石", "Shi"), ("廖", "Liao"), ("贾", "Jia"),
        ("夏", "Xia"), ("韦", "Wei"), ("付", "Fu"), ("方", "Fang"), ("白", "Bai"), ("邹", "Zou"), ("孟", "Meng"),
        ("熊", "Xiong"), ("秦", "Qin"), ("邱", "Qiu"), ("江", "Jiang"), ("尹", "Yin"), ("薛", "Xue"), ("闫", "Yan"),
        ("段", "Duan"), ("雷", "Lei"), ("侯", "Hou"), ("龙", "Long"), ("史", "Shi"), ("陶", "Tao"), ("黎", "Li"),
        ("贺", "He"), ("顾", "Gu"), ("毛", "Mao"), ("郝", "Hao"), ("龚", "Gong"), ("邵", "Shao"), ("万", "Wan"),
        ("钱", "Qian"), ("严", "Yan"), ("武", "Wu"), ("戴", "Dai"), ("莫", "Mo"), ("孔", "Kong"), ("向", "Xiang"),
        ("汤", "Tang"), ("欧阳", "Ouyang"), ("司徒", "Situ"), ("上官", "Shangguan"),
    ]

    /// Characters of given names with their pinyin.
    static let givenCharacters: [(String, String)] = [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
        ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("涛", "tao"),
        ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("文", "wen"),
        ("华", "hua"), ("建", "jian"), ("国", "guo"), ("志", "zhi"), ("海", "hai"), ("波", "bo"), ("晓", "xiao"),
        ("东", "dong"), ("立", "li"), ("群", "qun"), ("雨", "yu"), ("晴", "qing"), ("婉", "wan"), ("书", "shu"),
        ("瑶", "yao"), ("远", "yuan"), ("怡", "yi"), ("宇", "yu"), ("浩", "hao"), ("博", "bo"), ("欣", "xin"),
        ("然", "ran"), ("子", "zi"), ("涵", "han"), ("思", "si"), ("嘉", "jia"), ("禾", "he"), ("振", "zhen"),
        ("邦", "bang"), ("鸣", "ming"), ("一", "yi"), ("雪", "xue"), ("峰", "feng"), ("岚", "lan"), ("栋", "dong"),
        ("晨", "chen"), ("阳", "yang"), ("光", "guang"), ("辉", "hui"), ("玉", "yu"), ("兰", "lan"), ("红", "hong"),
        ("春", "chun"), ("永", "yong"), ("成", "cheng"), ("新", "xin"), ("安", "an"), ("宏", "hong"), ("斌", "bin"),
        ("鹏", "peng"), ("飞", "fei"), ("凯", "kai"), ("俊", "jun"), ("琳", "lin"), ("婷", "ting"), ("颖", "ying"),
        ("慧", "hui"), ("佳", "jia"), ("倩", "qian"), ("悦", "yue"), ("泽", "ze"), ("睿", "rui"), ("航", "hang"),
        ("铭", "ming"), ("哲", "zhe"), ("瑞", "rui"), ("诗", "shi"), ("蕾", "lei"), ("淼", "miao"), ("桐", "tong"),
        ("锦", "jin"), ("卫", "wei"), ("德", "de"), ("庆", "qing"), ("良", "liang"), ("荣", "rong"), ("胜", "sheng"),
        ("学", "xue"), ("天", "tian"), ("云", "yun"), ("清", "qing"), ("冰", "bing"), ("坤", "kun"), ("若", "ruo"),
    ]

    /// Characters of company brand names (瀚洋, 金湾 …).
    static let brandCharacters = Array("瀚洋金湾华泰鑫源恒远宏达盛通博创智联新锐天合中科德信诚安瑞丰正元隆昌兴鼎汇聚力凯成云海川岳晟锦睿航拓普辰星光明东方北辰嘉禾众邦联")

    /// Words for university names.
    static let universityWords = ["理工", "科技", "工业", "工程", "农业", "医科", "海洋", "交通", "化工", "石油", "师范",
                                  "电子科技", "航空航天", "信息工程", "材料", "能源", "建筑", "林业", "中医药", "轻工"]

    /// Words for company names.
    static let companyWords = ["科技", "技术", "实业", "装备", "智能", "新材料", "工程", "电子", "生物", "环保"]

    /// Organization names given so far, each with the next number for a clash.
    private var nextNumber: [String: Int] = [:]

    /// A personal name and its pinyin (`徐明远`, `Xu Mingyuan`). Frequent surnames are drawn more
    /// often; about one name in four has a one-character given name.
    static func person(_ random: inout GeneratorRandom) -> (name: String, pinyin: String) {
        let surname = surnames[random.skewedIndex(surnames.count, power: 1.6)]
        let length = random.chance(0.25) ? 1 : 2
        var name = surname.0
        var given = ""
        for position in 0..<length {
            let character = random.element(of: givenCharacters)
            name += character.0
            // Pinyin marks a syllable starting with a vowel after another with an apostrophe (Xi'an).
            if position > 0, let first = character.1.first, "aoe".contains(first) { given += "'" }
            given += character.1
        }
        return (name, surname.1 + " " + given.prefix(1).uppercased() + given.dropFirst())
    }

    /// An institution name for a kind, place and field word; unique in this maker.
    mutating func institution(kind: InstitutionKind, system: SourceSystem?, place: String, province: String, field: String,
                              random: inout GeneratorRandom) -> (name: String, alias: String) {
        let university = random.element(of: Self.universityWords)
        let base: (String, String)
        switch kind {
        case .university: base = ("\(place)\(university)大学", "\(place)\(university.prefix(1))大")
        case .institute:
            if system == .cas { base = ("中国科学院\(place)\(field)研究所", "中科院\(place)\(field)所") }
            else if random.chance(0.5) { base = ("\(province)\(field)研究院", "\(province)\(field)院") }
            else { base = ("\(place)\(field)研究所", "\(place)\(field)所") }
        case .newRDInstitute: base = ("\(place)\(field)产业技术研究院", "\(place)\(field)产研院")
        case .transferAgency: base = ("\(place)\(field)技术转移中心", "\(place)技转中心")
        case .incubator: base = ("\(place)\(field)科技企业孵化器", "\(place)\(field)孵化器")
        case .makerSpace: base = ("\(place)\(field)众创空间", "\(place)\(field)众创")
        case .ruralMakerSpace: base = ("\(place)\(field)星创天地", "\(place)星创天地")
        case .sciencePark: base = ("\(place)\(university)大学科技园", "\(place)\(university)科技园")
        case .pilotBase: base = ("\(place)\(field)中试基地", "\(place)\(field)中试基地")
        case .investor: base = ("\(place)\(field)产业投资基金", "\(place)\(field)基金")
        case .bank: base = ("\(place)\(Self.brand(&random))银行科技支行", "\(place)科技支行")
        case .other: base = ("\(place)\(field)产业促进中心", "\(place)\(field)促进中心")
        }
        return (unique(base.0), base.1)
    }

    /// A company name (`大连瀚洋储能科技有限公司`) and its short form (`瀚洋储能`); unique in this maker.
    mutating func enterprise(place: String, field: String, random: inout GeneratorRandom) -> (name: String, alias: String) {
        let brand = Self.brand(&random)
        let word = random.element(of: Self.companyWords)
        return (unique("\(place)\(brand)\(field)\(word)有限公司"), "\(brand)\(field)")
    }

    private static func brand(_ random: inout GeneratorRandom) -> String {
        let first = random.below(brandCharacters.count)
        var second = random.below(brandCharacters.count - 1)
        if second >= first { second += 1 }
        return String(brandCharacters[first]) + String(brandCharacters[second])
    }

    /// `name`, or `name（n）` when it was given before. A suffixed name cannot clash with a base
    /// name, since no base name ends in a full-width parenthesis.
    private mutating func unique(_ name: String) -> String {
        guard let number = nextNumber[name] else {
            nextNumber[name] = 2
            return name
        }
        nextNumber[name] = number + 1
        return "\(name)（\(number)）"
    }
}
