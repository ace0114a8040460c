import Foundation
import Testing

/// Where the repository's own files and the shared datasets are, found from this source file.
public enum RepositoryFiles {
    /// The repository root.
    public static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The bundled demo corpus.
    public static let demoCorpus = root + "/Corpus/demo"

    /// `../shared/datasets` beside the repository: CI and developers have it, a public clone does not.
    public static let datasets = URL(fileURLWithPath: root).deletingLastPathComponent()
        .appendingPathComponent("shared/datasets").path

    /// Whether the shared datasets are there (their CSL sample is the file every suite reads).
    ///
    /// Tests that read them are enabled only when this is true, so that a fresh clone without
    /// `../shared` passes: `@Test(.enabled(if: RepositoryFiles.hasDatasets, RepositoryFiles.datasetsAbsent))`.
    public static let hasDatasets = FileManager.default.fileExists(atPath: datasets + "/csl/csl_sample.tsv")

    /// The reason printed for each test skipped because the datasets are absent.
    public static let datasetsAbsent: Comment = "needs ../shared/datasets beside the repository (CI has it; a public clone does not)"

    /// A repository-relative path as an absolute one.
    public static func path(_ relative: String) -> String { root + "/" + relative }
}
