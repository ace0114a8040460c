/// A small, valid corpus written record by record, for tests to load as it is or break on purpose.
public enum CorpusFixture {
    public static let regions = """
    {"id":"R-LN","name":"辽宁省","level":"province","aliases":["辽宁","Liaoning"],"paired":["R-JS"]}
    {"id":"R-LN-DL","name":"大连市","level":"city","parent":"R-LN","aliases":["大连","Dalian"]}
    {"id":"R-LN-DL-JP","name":"金普新区","level":"district","parent":"R-LN-DL","aliases":["金普"]}
    {"id":"R-JS","name":"江苏省","level":"province","aliases":["江苏"]}
    """
    public static let fields = """
    {"id":"F-IT","name":"新一代信息技术"}
    {"id":"F-IC","name":"集成电路","parent":"F-IT","synonyms":["芯片","半导体","integrated circuits"]}
    {"id":"F-RECY","name":"资源循环利用","synonyms":["废旧电池回收"]}
    """
    public static let institutions = """
    {"id":"I-DLUT","name":"大连理工大学","aliases":["大工","DUT"],"kind":"university","system":"高校系","region":"大连","fields":["芯片"]}
    """
    public static let experts = """
    {"id":"E-1","name":"王磊","institution":"大工","title":"教授","fields":["F-IC"],"bio":"功率半导体器件"}
    """
    public static let enterprises = """
    {"id":"C-1","name":"大连金普电池科技有限公司","aliases":["金普电池"],"region":"金普","fields":["废旧电池回收"],"tags":["高新技术企业","tech-sme"]}
    """
    public static let achievements = """
    {"id":"A-1","title":"退役锂电池无损拆解与正极材料再生技术","abstract":"……","keywords":["锂电池","回收"],"fields":["F-RECY"],"kind":"process","maturity":6,"transferModes":["许可","joint-development"],"price":120,"owner":"I-DLUT","inventors":["E-1"],"date":"2023-05"}
    """
    public static let demands = """
    {"id":"D-1","enterprise":"金普电池","title":"废旧动力电池梯次利用","description":"需要检测与分选技术","fields":["资源循环利用"],"budget":80,"deadline":"2027-06-30","transferModes":["licence"],"minMaturity":"pilot"}
    """
    public static let relations = """
    {"from":"C-1","to":"I-DLUT","kind":"cooperated","weight":2,"date":"2022"}
    {"from":"E-1","to":"C-1","kind":"咨询"}
    """

    /// Writes the fixture into `directory`, with any file replaced by the given text.
    public static func write(to directory: TemporaryDirectory, replacing overrides: [String: String] = [:]) {
        let files: [String: String] = [
            "taxonomy/regions.jsonl": regions, "taxonomy/fields.jsonl": fields,
            "institutions.jsonl": institutions, "experts.jsonl": experts, "enterprises.jsonl": enterprises,
            "achievements.jsonl": achievements, "demands.jsonl": demands, "relations.jsonl": relations,
        ]
        for (name, text) in files.merging(overrides, uniquingKeysWith: { $1 }) {
            directory.write(name, text + "\n")
        }
    }
}
