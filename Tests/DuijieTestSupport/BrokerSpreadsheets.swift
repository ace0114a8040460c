import DuijieCorpus

/// The spreadsheets of a (made-up) broker at a Dalian technology-transfer centre, written for
/// the import tests, with the quirks of real Excel exports: GBK text, Chinese headers, a
/// column this kind of record has no field for (`预算` on achievements), a column no record has
/// (`联系人`), `单位` for the owner, 已产业化 and 小批量生产, 独占许可 / 普通许可 / `转让/许可`,
/// `50万`, `约100`, `100-200万`, Excel day numbers (`45056`), every sheet numbering its rows from
/// 1, and organisations the corpus has no record of. Marine equipment, seafood processing and
/// marine materials; the companies are invented.
public enum BrokerSpreadsheets {
    /// The corpus the sheets are imported into: Dalian's regions, marine fields, four
    /// institutions and three enterprises. 大连海洋大学, 大连长兴岛海工新材料有限公司 and
    /// 大连庄河海洋牧场有限公司, which the sheets name, are not in it.
    public static let corpus: [String: String] = [
        "taxonomy/regions.jsonl": """
        {"id":"R-LN","name":"辽宁省","level":"province","aliases":["辽宁"]}
        {"id":"R-DL","name":"大连市","level":"city","parent":"R-LN","aliases":["大连"]}
        {"id":"R-DL-GJZ","name":"甘井子区","level":"district","parent":"R-DL","aliases":["甘井子"]}
        {"id":"R-DL-JP","name":"金普新区","level":"district","parent":"R-DL","aliases":["金普"]}
        {"id":"R-DL-LS","name":"旅顺口区","level":"district","parent":"R-DL","aliases":["旅顺"]}
        {"id":"R-DL-CH","name":"长海县","level":"district","parent":"R-DL","aliases":["长海"]}
        {"id":"R-DL-ZH","name":"庄河市","level":"district","parent":"R-DL","aliases":["庄河"]}
        {"id":"R-DL-GX","name":"大连高新技术产业园区","level":"park","parent":"R-DL","aliases":["高新园区"]}
        """,
        "taxonomy/fields.jsonl": """
        {"id":"F-MARINE","name":"海洋经济"}
        {"id":"F-MEQ","name":"海洋装备","parent":"F-MARINE","synonyms":["船舶配套","海工装备"]}
        {"id":"F-AQUA","name":"水产养殖","parent":"F-MARINE","synonyms":["海水养殖"]}
        {"id":"F-SEAFOOD","name":"水产品加工","parent":"F-MARINE","synonyms":["海产品加工"]}
        {"id":"F-MMAT","name":"海洋材料","parent":"F-MARINE","synonyms":["海洋防腐"]}
        """,
        "institutions.jsonl": """
        {"id":"I-DLMU","name":"大连海事大学","aliases":["DMU"],"kind":"university","system":"高校系","region":"甘井子区","fields":["海洋装备"]}
        {"id":"I-DUT","name":"大连理工大学","aliases":["大工","DUT"],"kind":"university","system":"高校系","region":"甘井子区","fields":["海洋材料"]}
        {"id":"I-DLPU","name":"大连工业大学","kind":"university","system":"高校系","region":"甘井子区","fields":["水产品加工"]}
        {"id":"I-DICP","name":"中国科学院大连化学物理研究所","aliases":["大连化物所"],"kind":"institute","system":"中科系","region":"高新园区","fields":["海洋材料"]}
        """,
        "enterprises.jsonl": """
        {"id":"C-LANWAN","name":"大连蓝湾海珍品食品有限公司","region":"金普新区","fields":["水产品加工"],"tags":["高新技术企业"]}
        {"id":"C-BEIGANG","name":"大连北港船舶配套设备有限公司","region":"甘井子区","fields":["海洋装备"],"tags":["专精特新"]}
        {"id":"C-HAITAI","name":"大连海泰防腐材料有限公司","region":"旅顺口区","fields":["海洋材料"],"tags":["科技型中小企业"]}
        """,
    ]

    /// The achievements sheet, 海洋成果清单.csv: 12 rows, numbered from 1. Column L (预算) is a
    /// demand's field and column M (联系人) no record's; 大连海洋大学 (rows 3, 5 and 13) and
    /// 大连长兴岛海工新材料有限公司 (row 12) have no record in `corpus`.
    public static let achievements: [[String]] = [
        ["序号", "成果名称", "成果简介", "关键词", "技术领域", "技术成熟度", "转化方式", "价格（万元）", "单位", "地区", "完成时间", "预算（万元）", "联系人"],
        ["1", "船用低速柴油机尾气SCR脱硝催化剂", "钒钨钛体系蜂窝催化剂，250℃起活，适配船用低速柴油机", "脱硝；催化剂；船舶尾气", "海洋装备", "已产业化", "独占许可", "50万", "大连海事大学", "甘井子区", "45056", "30", "王工"],
        ["2", "深海养殖网箱抗风浪锚泊系统", "多点锚泊与浮力自调节，适用于外海养殖", "深海网箱、锚泊、抗风浪", "海洋装备/水产养殖", "小批量生产", "转让/许可", "约100", "大连海洋大学", "长海县", "2022/7", "", "李老师"],
        ["3", "海参低温酶解肽制备工艺", "复合酶低温酶解，肽得率提高18%", "海参肽、酶解", "水产品加工", "中试", "普通许可", "100-200万", "大连工业大学", "甘井子区", "2021年10月", "80", ""],
        ["4", "扇贝裙边高值化利用技术", "扇贝加工副产物制备调味基料与胶原蛋白", "扇贝、副产物、胶原蛋白", "水产品加工", "已产业化", "独占许可/普通许可", "面议", "大连海洋大学", "长海县", "44927", "", ""],
        ["5", "海洋工程用高耐蚀钛合金", "Ti-Al-Zr系合金，海水全浸腐蚀速率低", "钛合金、耐蚀、海工", "海洋材料", "熟化", "作价入股、转让", "35.5", "大连理工大学", "甘井子区", "2023-03-15", "200", ""],
        ["6", "石墨烯改性海洋重防腐涂料", "石墨烯片层阻隔，耐盐雾6000小时", "防腐涂料；石墨烯", "海洋防腐", "小批量生产", "普通许可；技术服务", "80万元", "中国科学院大连化学物理研究所", "高新园区", "2022-11", "", "刘老师"],
        ["7", "船舶压载水电解处理装置", "在线电解产生有效氯，满足IMO D-2标准", "压载水、电解、IMO", "海洋装备", "实验室", "合作开发", "20", "大连海事大学", "甘井子区", "2020", "", ""],
        ["8", "鱿鱼加工废水蛋白回收技术", "气浮与膜分离组合工艺回收蛋白", "废水处理、蛋白回收", "海产品加工", "中试", "技术服务，合作开发", "约60万", "大连工业大学", "金普新区", "45383", "15", ""],
        ["9", "海底管道内检测机器人", "漏磁与超声复合检测，适用于12英寸以上管道", "管道检测、机器人", "海工装备", "TRL 6", "许可", "150", "大连理工大学", "甘井子区", "2023年5月", "", ""],
        ["10", "船用舾装件轻量化铝合金", "5083铝合金板材搅拌摩擦焊工艺", "铝合金、搅拌摩擦焊、GB/T 3880", "海洋材料", "已产业化", "排他许可", "45", "大连北港船舶配套设备有限公司", "甘井子区", "2021", "", "赵经理"],
        ["11", "海藻酸盐可降解海洋浮标材料", "海藻酸钙复合材料，海水中18个月降解", "海藻酸盐、可降解", "海洋材料", "中试", "转让", "25万", "大连长兴岛海工新材料有限公司", "金普新区", "20230915", "", ""],
        ["12", "即食海参低温加工装备", "真空低温蒸煮与速冻一体化", "海参、低温加工", "水产品加工", "已产业化", "独占许可", "120", "大连海洋大学", "旅顺口区", "45056", "50", ""],
    ]

    /// The demands sheet, 企业技术需求.csv: 7 rows, numbered from 1. Row 5 has a budget (若干)
    /// and a deadline (尽快) that are no values, row 6 no enterprise; 大连庄河海洋牧场有限公司
    /// (row 4) has no record in `corpus`.
    public static let demands: [[String]] = [
        ["序号", "需求名称", "需求单位", "需求描述", "关键词", "技术领域", "预算（万元）", "截止日期", "合作方式", "成熟度要求", "所在地区"],
        ["1", "海参加工副产物高值化利用", "大连蓝湾海珍品食品有限公司", "海参内脏等副产物年产300吨，希望开发高附加值产品", "海参、副产物", "水产品加工", "50万", "45291", "独占许可/转让", "中试", "金普新区"],
        ["2", "船舶配套件耐海水腐蚀涂层", "大连北港船舶配套设备有限公司", "舾装件在浪溅区腐蚀严重，需要长效防腐方案", "防腐涂层；浪溅区", "海洋材料", "约100", "2024/12/31", "技术服务；合作开发", "小批量生产", "甘井子区"],
        ["3", "养殖工船水质在线监测", "大连庄河海洋牧场有限公司", "需要溶解氧、氨氮在线监测与预警", "水质监测、传感器", "水产养殖", "100-200万", "2025-06", "合作开发", "熟化", "庄河"],
        ["4", "船用防污涂料无锡化替代", "大连海泰防腐材料有限公司", "现有含铜防污涂料需要替代", "防污涂料", "海洋材料", "若干", "尽快", "转让", "中试", "旅顺口区"],
        ["5", "扇贝自动开壳取柱设备", "", "人工开壳效率低", "扇贝、自动化", "水产品加工", "30", "2025-03-31", "委托开发", "中试", "长海县"],
        ["6", "冷冻鱼糜品质改良", "大连蓝湾海珍品食品有限公司", "鱼糜冻融后凝胶强度下降", "鱼糜；凝胶", "水产品加工", "20万元", "2025年6月", "技术服务", "实验室", "金普新区"],
        ["7", "船舶尾气在线监测系统", "大连北港船舶配套设备有限公司", "需满足排放控制区监管要求", "尾气监测", "海洋装备", "面议", "45658", "普通许可", "已产业化", "甘井子区"],
    ]

    /// The experts sheet, 专家信息.csv: 5 rows, numbered from 1; 大连海洋大学 (row 4) has no
    /// record in `corpus`.
    public static let experts: [[String]] = [
        ["序号", "姓名", "职称", "单位", "研究方向", "技术领域"],
        ["1", "张海涛", "教授", "大连海事大学", "船舶动力装置排放控制", "海洋装备"],
        ["2", "刘晓燕", "研究员", "中国科学院大连化学物理研究所", "海洋防腐与石墨烯涂层", "海洋材料"],
        ["3", "孙立群", "副教授", "大连海洋大学", "深远海养殖装备", "海洋装备、水产养殖"],
        ["4", "周敏", "教授", "大连工业大学", "水产品精深加工", "水产品加工"],
        ["5", "陈国栋", "高级工程师", "大连理工大学", "钛合金与海工材料", "海洋材料"],
    ]

    /// Writes the corpus into `directory` (under `corpus/`) and the three sheets as GBK CSV files
    /// with CR LF line ends, as Excel saves them, beside it.
    ///
    /// - Returns: The corpus directory and the sheets' paths.
    @discardableResult
    public static func write(to directory: TemporaryDirectory) -> (corpus: String, achievements: String, demands: String, experts: String) {
        for (name, text) in corpus { directory.write("corpus/" + name, text + "\n") }
        return (directory.path + "/corpus",
                directory.write("海洋成果清单.csv", bytes: GBK.encode(CSVText.render(achievements))),
                directory.write("企业技术需求.csv", bytes: GBK.encode(CSVText.render(demands))),
                directory.write("专家信息.csv", bytes: GBK.encode(CSVText.render(experts))))
    }
}
