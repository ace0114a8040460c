// Written by `DuijieBench transfer -o Corpus/weights/general.json --swift <this file>`: the same
// bytes as Corpus/weights/general.json (a test checks). Do not edit by hand.

extension DocumentWeights {
    /// The text of `Corpus/weights/general.json`.
    static let generalFileText = #"""
{"suite":"all","fitting":{"suites":["demo","csl-known-item","csl-topical","csl-keyword","csl-problem","patent-keyphrase","patent-related","nsfc-expert"],"signals":["text","bm25","semantic","graph","feedback","words"],"split":"each suite's tuning half (seeded shuffle of its query ids, seed 7); test halves are measured","method":"coordinate ascent (grid 0.05, weights summing to 1) on the mean over suites of their tuning halves' nDCG@10 divided by BM25's, from equal weights; weights rounded to 0.01","crossValidation":"leave one suite out: crossValidatedNDCG10 is the mean over suites of the test-half nDCG@10 of weights fitted without that suite","feedback":"RM3: 10 feedback documents, 20 expansion terms, original query weight 0.5","tokenizer":"bigram; word BM25 over the dictionary tokenizer","command":"DuijieBench transfer --dimensions 256 --objective ratio -o Corpus/weights/general.json --swift Sources/DuijieRanking/Pipeline/GeneralWeights+File.swift"},"lsaDimensions":256,"weights":{"text":0.04,"bm25":0.39,"semantic":0.11,"graph":0.08,"feedback":0.08,"words":0.28},"crossValidatedNDCG10":0.4281376927494286,"testNDCG10":0.4294243884164147,"testTextOnlyNDCG10":0.42311841857333676}

"""#
}
