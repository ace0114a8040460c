import DuijieCorpus

// Written by `DuijieBench recommender --all --write Corpus/weights/recommender.json --swift <this file>`:
// the same bytes as Corpus/weights/recommender.json (a test checks). Do not edit by hand.

extension ShippedWeights {
    /// The text of `Corpus/weights/recommender.json`.
    static let fileText = #"""
{
"fitting": {"corpus":"Corpus/demo","judgments":["qrels/demand-achievement.qrels","qrels/demand-expert.qrels"],"method":"5-fold cross-validation over the judged sources (dealt by a seeded shuffle); coordinate ascent on nDCG@10 per fold, grid 0.05; weights are the mean of the folds' weights rounded to 0.05","folds":5,"seed":7,"lsaDimensions":64,"tokenizer":"bigram","command":"DuijieBench recommender --all --write Corpus/weights/recommender.json --swift Sources/DuijieRanking/Pipeline/ShippedWeights+File.swift"},
"targets": [
{"source":"demand","target":"achievement","weights":{"text":0.55,"semantic":0.05,"graph":0.1,"region":0,"field":0.25,"maturity":0,"transferMode":0.05,"budget":0.05},"crossValidatedNDCG10":0.9541786119248779,"textOnlyNDCG10":0.9220354299644304,"queries":117},
{"source":"demand","target":"expert","weights":{"text":0.55,"semantic":0.05,"graph":0.15,"region":0,"field":0.1,"maturity":0.05,"transferMode":0.05,"budget":0.05},"crossValidatedNDCG10":0.9424861911672899,"textOnlyNDCG10":0.8506091701698998,"queries":123},
{"source":"demand","target":"institution","weights":{"text":0.6,"semantic":0.15,"graph":0.15,"region":0,"field":0,"maturity":0,"transferMode":0,"budget":0},"crossValidatedNDCG10":0.8933680560036799,"textOnlyNDCG10":0.8424891492886024,"queries":123},
{"source":"achievement","target":"demand","weights":{"text":0.55,"semantic":0,"graph":0.2,"region":0.05,"field":0.1,"maturity":0,"transferMode":0.05,"budget":0},"crossValidatedNDCG10":0.9421773148010271,"textOnlyNDCG10":0.8807139473430664,"queries":175},
{"source":"achievement","target":"enterprise","weights":{"text":0.55,"semantic":0.05,"graph":0.1,"region":0.05,"field":0.1,"maturity":0.05,"transferMode":0.05,"budget":0.05},"crossValidatedNDCG10":0.9544694539362969,"textOnlyNDCG10":0.9089052873029486,"queries":175}
]
}

"""#
}
