import DuijieCorpus

/// How many records of each kind a generated corpus holds.
public struct GenerationCounts: Sendable, Equatable, CustomStringConvertible {
    /// Institutions.
    public var institutions: Int
    /// Experts.
    public var experts: Int
    /// Enterprises.
    public var enterprises: Int
    /// Achievements.
    public var achievements: Int
    /// Demands.
    public var demands: Int
    /// Relations, the sum of `relationsByType`.
    public var relations: Int { relationsByType.reduce(0, +) }
    /// Relations for each of the template's relation types (pairs of end kinds), in its order.
    public var relationsByType: [Int]

    /// "1000 achievements, 124 demands, …".
    public var description: String {
        "\(achievements) achievements, \(demands) demands, \(experts) experts, \(institutions) institutions, "
            + "\(enterprises) enterprises, \(relations) relations"
    }

    /// The counts for a corpus of `achievements` and `demands` in the template's ratios:
    /// institutions and experts per achievement, enterprises per demand, and for each relation
    /// type (say expert → enterprise) the template's relations times the smaller of the two
    /// kinds' scale factors.
    /// Overrides replace the scaled counts of experts, institutions and enterprises.
    init(template: TemplateProfile, achievements: Int, demands: Int,
         experts: Int?, institutions: Int?, enterprises: Int?) {
        func scaled(_ templateCount: Int, per base: Int, of total: Int) -> Int {
            guard templateCount > 0 else { return 0 }
            return max(1, Int((Double(total) * Double(templateCount) / Double(base)).rounded()))
        }
        let templateAchievements = template.count(of: .achievement)
        let templateDemands = template.count(of: .demand)
        self.achievements = achievements
        self.demands = demands
        self.institutions = institutions ?? scaled(template.count(of: .institution), per: templateAchievements, of: achievements)
        self.experts = experts ?? scaled(template.count(of: .expert), per: templateAchievements, of: achievements)
        self.enterprises = enterprises ?? scaled(template.count(of: .enterprise), per: templateDemands, of: demands)
        relationsByType = []
        let generated = self
        relationsByType = template.relationTypes.map { type in
            // The scale of the less scaled of the two kinds: then every kind's records can keep
            // the template's relations per participant (the other kind simply has fewer of its
            // records in relations). Taxonomy kinds are copied and do not scale.
            let scales = [type.from, type.to].filter { $0 != .region && $0 != .field }.map { kind in
                Double(generated.count(of: kind, template: template)) / Double(max(1, template.count(of: kind)))
            }
            return Int((Double(type.relations.count) * (scales.min() ?? 1)).rounded())
        }
    }

    /// The generated count of a kind; taxonomy kinds are copied, so they keep the template's.
    func count(of kind: RecordKind, template: TemplateProfile) -> Int {
        switch kind {
        case .institution: return institutions
        case .expert: return experts
        case .enterprise: return enterprises
        case .achievement: return achievements
        case .demand: return demands
        case .region, .field, .relation: return template.count(of: kind)
        }
    }
}
