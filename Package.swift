// swift-tools-version: 6.1
import PackageDescription

/// Duijie (对接): a matchmaking engine for technology transfer.
///
/// One module per concept, each depending only on the ones below it (ARCHITECTURE.md draws the
/// graph); `Duijie` re-exports the public API of all of them, `duijie` is the command-line tool
/// and `duijie-bench` (not a product) the developers' generator, quality suites and benchmarks.
let package = Package(
    name: "Duijie",
    products: [
        .library(name: "Duijie", targets: ["Duijie"]),
        .library(name: "DuijieBase", targets: ["DuijieBase"]),
        .library(name: "DuijieVectors", targets: ["DuijieVectors"]),
        .library(name: "DuijieText", targets: ["DuijieText"]),
        .library(name: "DuijieGraph", targets: ["DuijieGraph"]),
        .library(name: "DuijieMatching", targets: ["DuijieMatching"]),
        .library(name: "DuijieEvaluation", targets: ["DuijieEvaluation"]),
        .library(name: "DuijieJSON", targets: ["DuijieJSON"]),
        .library(name: "DuijieCorpus", targets: ["DuijieCorpus"]),
        .library(name: "DuijieRanking", targets: ["DuijieRanking"]),
        .library(name: "DuijieEvents", targets: ["DuijieEvents"]),
        .library(name: "DuijieWorkbook", targets: ["DuijieWorkbook"]),
        .library(name: "DuijieShortlist", targets: ["DuijieShortlist"]),
        .library(name: "DuijieWorkspace", targets: ["DuijieWorkspace"]),
        .library(name: "DuijieServer", targets: ["DuijieServer"]),
        .executable(name: "duijie", targets: ["DuijieCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C: OpenBLAS (cblas.h) and LAPACKE (lapacke.h), from Debian's libopenblas-dev and liblapacke-dev.
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // C: zlib (zlib.h), from Debian's zlib1g-dev: the index's CRC-32.
        .systemLibrary(
            name: "CDuijieZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // C: OpenCC (opencc.h), from Debian's libopencc-dev.
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]
        ),
        // C: libxlsxwriter (xlsxwriter.h), from Debian's libxlsxwriter-dev: Excel workbooks.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),

        // What every module shares: the error type, the seeded generator, the hash, the display width.
        .target(name: "DuijieBase"),

        // Numerics, text, graphs, combinatorial optimization, metrics: no domain records.
        .target(name: "DuijieVectors", dependencies: ["DuijieBase", "CBLAS"]),
        .target(name: "DuijieText", dependencies: ["DuijieBase", "DuijieVectors", "COpenCC"]),
        .target(name: "DuijieGraph", dependencies: ["DuijieVectors"]),
        .target(name: "DuijieMatching", dependencies: [.product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "DuijieEvaluation", dependencies: ["DuijieBase"]),

        // The domain: records and files, ranking and the saved index, events.
        .target(name: "DuijieJSON"),
        .target(
            name: "DuijieCorpus",
            dependencies: ["DuijieBase", "DuijieJSON", "DuijieEvaluation", "CDuijieZlib", .product(name: "CSV", package: "CSV.swift"), .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(
            name: "DuijieRanking",
            dependencies: ["DuijieBase", "DuijieCorpus", "DuijieJSON", "DuijieVectors", "DuijieText", "DuijieGraph", "DuijieEvaluation", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(
            name: "DuijieEvents",
            dependencies: ["DuijieBase", "DuijieCorpus", "DuijieJSON", "DuijieMatching", "DuijieRanking", "DuijieText", .product(name: "CSV", package: "CSV.swift"),
                           .product(name: "SystemPackage", package: "swift-system")]
        ),

        // Output formats that need a library of their own: .xlsx workbooks.
        .target(name: "DuijieWorkbook", dependencies: ["DuijieBase", "CXlsxWriter"]),
        // Shortlists as a client reads them: the table, CSV, Markdown, JSON lines and workbooks.
        .target(
            name: "DuijieShortlist",
            dependencies: ["DuijieBase", "DuijieCorpus", "DuijieJSON", "DuijieRanking", "DuijieWorkbook", .product(name: "SystemPackage", package: "swift-system")]
        ),

        // The workbench: what people did, in SQLite (GRDB), and the server over it (Hummingbird 2).
        .target(
            name: "DuijieWorkspace",
            dependencies: [
                "DuijieBase",
                "DuijieJSON",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "DuijieServer",
            dependencies: [
                "DuijieBase", "DuijieCorpus", "DuijieEvents", "DuijieJSON", "DuijieRanking", "DuijieShortlist", "DuijieWorkspace",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .target(
            name: "Duijie",
            dependencies: [
                "DuijieBase", "DuijieVectors", "DuijieText", "DuijieGraph", "DuijieMatching", "DuijieEvaluation",
                "DuijieJSON", "DuijieCorpus", "DuijieRanking", "DuijieEvents", "DuijieWorkbook", "DuijieShortlist",
            ]
        ),

        // The executables and what they share.
        .target(
            name: "DuijieCommandLine",
            dependencies: [
                "DuijieBase", "DuijieCorpus", "DuijieRanking", "DuijieText", "DuijieVectors",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "DuijieCLI",
            dependencies: [
                "DuijieBase", "DuijieCommandLine", "DuijieCorpus", "DuijieRanking", "DuijieEvents", "DuijieEvaluation",
                "DuijieText", "DuijieVectors", "DuijieJSON", "DuijieShortlist", "DuijieWorkbook", "DuijieWorkspace", "DuijieServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "DuijieBench",
            dependencies: [
                "DuijieBase", "DuijieCommandLine", "DuijieCorpus", "DuijieRanking", "DuijieEvents", "DuijieEvaluation",
                "DuijieText", "DuijieVectors", "DuijieGraph", "DuijieMatching", "DuijieJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),

        // Tests: one target per module, and what they share.
        .target(
            name: "DuijieTestSupport",
            dependencies: ["DuijieBase", "DuijieCorpus", "DuijieRanking"],
            path: "Tests/DuijieTestSupport"
        ),
        .testTarget(name: "DuijieBaseTests", dependencies: ["DuijieBase"]),
        .testTarget(name: "DuijieVectorsTests", dependencies: ["DuijieBase", "DuijieVectors"]),
        .testTarget(name: "DuijieTextTests", dependencies: ["DuijieBase", "DuijieText", "DuijieVectors"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DuijieGraphTests", dependencies: ["DuijieBase", "DuijieGraph", "DuijieVectors"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DuijieMatchingTests", dependencies: ["DuijieBase", "DuijieMatching"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DuijieEvaluationTests", dependencies: ["DuijieBase", "DuijieEvaluation"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DuijieJSONTests", dependencies: ["DuijieBase", "DuijieJSON"]),
        .testTarget(
            name: "DuijieCorpusTests",
            dependencies: ["DuijieBase", "DuijieCorpus", "DuijieJSON", "DuijieEvaluation", "DuijieTestSupport"]
        ),
        .testTarget(
            name: "DuijieRankingTests",
            dependencies: ["DuijieBase", "DuijieRanking", "DuijieCorpus", "DuijieJSON", "DuijieText", "DuijieVectors", "DuijieGraph", "DuijieEvaluation", "DuijieTestSupport"]
        ),
        .testTarget(
            name: "DuijieEventsTests",
            dependencies: ["DuijieBase", "DuijieEvents", "DuijieCorpus", "DuijieRanking", "DuijieMatching", "DuijieText", "DuijieVectors", "DuijieTestSupport",
                           .product(name: "CSV", package: "CSV.swift")]
        ),
        .testTarget(
            name: "DuijieBenchTests",
            dependencies: ["DuijieBase", "DuijieBench", "DuijieCorpus", "DuijieJSON", "DuijieRanking", "DuijieEvaluation", "DuijieVectors", "DuijieTestSupport"]
        ),
        .testTarget(
            name: "DuijieWorkbookTests",
            dependencies: ["DuijieBase", "DuijieWorkbook", "DuijieTestSupport"],
            exclude: ["read_workbook.py"]
        ),
        .testTarget(name: "DuijieWorkspaceTests", dependencies: ["DuijieBase", "DuijieWorkspace", "DuijieTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "DuijieServerTests",
            dependencies: [
                "DuijieBase", "DuijieServer", "DuijieWorkspace", "DuijieRanking", "DuijieJSON", "DuijieTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "DuijieTests", dependencies: ["Duijie", "DuijieTestSupport"]),
        // The CLI tests run the two executables, so they depend on them without importing them.
        .testTarget(name: "DuijieCLITests", dependencies: ["DuijieCLI", "DuijieBench", "DuijieTestSupport", "DuijieWorkspace", "DuijieServer", "DuijieRanking", "DuijieJSON",
                                                        .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
