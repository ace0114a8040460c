import DuijieBase
import DuijieJSON
import DuijieRanking
import DuijieWorkspace

extension Workspace {
    /// The weights this workspace's shortlists rank by, per target, with the learning run
    /// (`duijie learn`) they come from; a target that is not here ranks by the shipped weights.
    ///
    /// - Throws: `DuijieError` when a saved fit's weights do not read (a workspace edited by hand).
    public func learnedWeights() throws(DuijieError) -> [RecommendationTarget: (weights: RecommendationWeights, fit: WeightsFit)] {
        var learned: [RecommendationTarget: (weights: RecommendationWeights, fit: WeightsFit)] = [:]
        for (name, fit) in try adoptedWeights() {
            guard let target = RecommendationTarget(rawValue: name) else { continue }
            let place = "\(path): weightsFit \(fit.id)"
            guard let json = try? JSONParser.parse(fit.weights) else { throw DuijieError(.invalidInput, "\(place): weights are not JSON") }
            learned[target] = (try RecommendationWeights(json: json, place: place), fit)
        }
        return learned
    }
}

extension Workbench {
    /// `query` ranked by the weights the workspace learned for its target, if any.
    func withLearnedWeights(_ query: ShortlistQuery) throws(DuijieError) -> ShortlistQuery {
        var query = query
        let learned = try workspace.learnedWeights()[query.target]
        query.weights = learned?.weights
        query.weightsFit = learned?.fit.id
        return query
    }
}
