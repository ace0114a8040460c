import DuijieBase
import GRDB

/// One run of `duijie learn` for one direction: the weights it fitted, what they reached on
/// held-out feedback against the weights before, whether they were adopted and why. Every run
/// is kept, and a shortlist names the run its weights come from (`weightsFit` in the API), so
/// what ranked it can be traced to the feedback behind it.
public struct WeightsFit: Sendable, Equatable {
    /// The fit's number in this workspace (0 before it is saved).
    public var id: Int64
    /// The direction: the target kind of record (`achievement`, `expert` …).
    public let target: String
    /// The fitted weights, a JSON object (feature → weight).
    public let weights: String
    /// The weights ranking before, a JSON object.
    public let previousWeights: String
    /// Judged queries with a relevant result.
    public let queries: Int
    /// Judgments the queries had.
    public let judgments: Int
    /// Folds of the cross-validation (0: too few queries to run it).
    public let folds: Int
    /// The seed of the deal into folds and of the bootstrap.
    public let seed: Int64
    /// Mean nDCG@10 of the previous weights.
    public let currentNDCG: Double
    /// Mean nDCG@10 of held-out queries under the fitted weights.
    public let heldOutNDCG: Double
    /// The 95% interval of the mean difference (held out − previous).
    public let differenceLower: Double
    /// See `differenceLower`.
    public let differenceUpper: Double
    /// The randomization test's p-value.
    public let pValue: Double
    /// Whether shortlists now rank by these weights.
    public let adopted: Bool
    /// Why they were or were not adopted, in words.
    public let reason: String
    /// The corpus or index the features came from.
    public let corpus: String
    /// When (seconds since 1970).
    public var at: Int64

    /// A fit to save (`id` and `at` are set when it is).
    public init(target: String, weights: String, previousWeights: String, queries: Int, judgments: Int, folds: Int, seed: Int64,
                currentNDCG: Double, heldOutNDCG: Double, differenceLower: Double, differenceUpper: Double, pValue: Double,
                adopted: Bool, reason: String, corpus: String) {
        self.id = 0
        self.target = target
        self.weights = weights
        self.previousWeights = previousWeights
        self.queries = queries
        self.judgments = judgments
        self.folds = folds
        self.seed = seed
        self.currentNDCG = currentNDCG
        self.heldOutNDCG = heldOutNDCG
        self.differenceLower = differenceLower
        self.differenceUpper = differenceUpper
        self.pValue = pValue
        self.adopted = adopted
        self.reason = reason
        self.corpus = corpus
        self.at = 0
    }

    init(row: Row) {
        self.init(target: row["target"], weights: row["weights"], previousWeights: row["previousWeights"], queries: row["queries"],
                  judgments: row["judgments"], folds: row["folds"], seed: row["seed"], currentNDCG: row["currentNDCG"],
                  heldOutNDCG: row["heldOutNDCG"], differenceLower: row["differenceLower"], differenceUpper: row["differenceUpper"],
                  pValue: row["pValue"], adopted: row["adopted"], reason: row["reason"], corpus: row["corpus"])
        id = row["id"]
        at = row["at"]
    }
}

extension Workspace {
    /// Saves a learning run (adopted or not).
    ///
    /// - Returns: the fit as saved, with its id and time.
    @discardableResult
    public func recordWeightsFit(_ fit: WeightsFit) throws(DuijieError) -> WeightsFit {
        let now = Self.now()
        return try write { db in
            try db.execute(sql: """
                INSERT INTO weightsFit (target, weights, previousWeights, queries, judgments, folds, seed, currentNDCG, heldOutNDCG,
                                        differenceLower, differenceUpper, pValue, adopted, reason, corpus, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [fit.target, fit.weights, fit.previousWeights, fit.queries, fit.judgments, fit.folds, fit.seed,
                                 fit.currentNDCG, fit.heldOutNDCG, fit.differenceLower, fit.differenceUpper, fit.pValue, fit.adopted,
                                 fit.reason, fit.corpus, now])
            var saved = fit
            saved.id = db.lastInsertedRowID
            saved.at = now
            return saved
        }
    }

    /// Every learning run, oldest first.
    public func weightsFits() throws(DuijieError) -> [WeightsFit] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM weightsFit ORDER BY id").map(WeightsFit.init(row:)) }
    }

    /// The weights shortlists rank by for each target: the newest adopted fit per target
    /// (a target with none ranks by the shipped weights).
    public func adoptedWeights() throws(DuijieError) -> [String: WeightsFit] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM weightsFit WHERE id IN (SELECT MAX(id) FROM weightsFit WHERE adopted = 1 GROUP BY target)
                """)
            return Dictionary(uniqueKeysWithValues: rows.map { row in (row["target"] as String, WeightsFit(row: row)) })
        }
    }
}
