import DuijieCorpus

/// How well a candidate's metadata fits a demand's requirements, each as a score in 0…1, with a
/// neutral 0.5 where either side does not say.
public enum MetadataFit {
    /// Field match through the taxonomy: for each demand field, 1 if the candidate has it, 0.75
    /// for an ancestor or descendant, 0.5 for a sibling (same parent), else 0; the mean over the
    /// demand's fields. 0.25 when either side lists no field.
    /// A field and the fields above it, nearest first (a loop in the taxonomy ends the chain).
    static func fieldAncestors(_ id: String, in corpus: Corpus) -> [String] {
        var chain = [id]
        while let parent = corpus.field(chain.last!)?.parent, !chain.contains(parent) { chain.append(parent) }
        return chain
    }

    public static func fields(_ wanted: [String], _ offered: [String], in corpus: Corpus) -> Float {
        guard !wanted.isEmpty, !offered.isEmpty else { return 0.25 }
        var total: Float = 0
        for field in wanted {
            let up = fieldAncestors(field, in: corpus)
            var best: Float = 0
            for candidate in offered {
                if candidate == field { best = 1; break }
                let candidateUp = fieldAncestors(candidate, in: corpus)
                if up.contains(candidate) || candidateUp.contains(field) { best = max(best, 0.75) }
                else if let parent = corpus.field(field)?.parent, parent == corpus.field(candidate)?.parent { best = max(best, 0.5) }
            }
            total += best
        }
        return total / Float(wanted.count)
    }

    /// 1 when the candidate is at least as mature as required (or nothing is required), 0 when
    /// less mature, 0.5 when its maturity is unknown.
    public static func maturity(required: Maturity?, offered: Maturity?) -> Float {
        guard let required else { return 1 }
        guard let offered else { return 0.5 }
        return offered.stage >= required.stage ? 1 : 0
    }

    /// 1 when the transfer modes overlap, 0 when they do not, 0.5 when either side lists none.
    public static func transferModes(_ wanted: [TransferMode], _ offered: [TransferMode]) -> Float {
        guard !wanted.isEmpty, !offered.isEmpty else { return 0.5 }
        return Set(wanted).isDisjoint(with: offered) ? 0 : 1
    }

    /// 1 when the price is within the budget, 0.5 within 1.5 × the budget or when either is
    /// unknown, 0 beyond.
    public static func budget(_ budget: Double?, price: Double?) -> Float {
        guard let budget, let price else { return 0.5 }
        if price <= budget { return 1 }
        return price <= 1.5 * budget ? 0.5 : 0
    }
}
