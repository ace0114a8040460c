// Duijie (对接): the umbrella module. `import Duijie` gives a program the public API of every
// module below — numerics, text, graphs, matching, evaluation, the corpus, ranking and the saved
// index, matchmaking events, .xlsx workbooks and client shortlists — without naming each one.
// The workbench (DuijieWorkspace, DuijieServer) is imported by name: it brings SQLite and
// Hummingbird, which a program that only ranks should not have to build.

@_exported import DuijieBase
@_exported import DuijieCorpus
@_exported import DuijieEvaluation
@_exported import DuijieEvents
@_exported import DuijieGraph
@_exported import DuijieJSON
@_exported import DuijieMatching
@_exported import DuijieRanking
@_exported import DuijieShortlist
@_exported import DuijieText
@_exported import DuijieVectors
@_exported import DuijieWorkbook
