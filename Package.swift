// swift-tools-version: 6.1
import PackageDescription

/// Duijie (对接): a matchmaking engine for technology transfer.
///
/// One module per concept; `Duijie` is the domain layer on top, `duijie` the command-line tool.
let package = Package(
    name: "Duijie",
    products: [
        .library(name: "Duijie", targets: ["Duijie"]),
        .library(name: "DuijieVectors", targets: ["DuijieVectors"]),
        .library(name: "DuijieText", targets: ["DuijieText"]),
        .library(name: "DuijieGraph", targets: ["DuijieGraph"]),
        .library(name: "DuijieEvaluation", targets: ["DuijieEvaluation"]),
        .executable(name: "duijie", targets: ["DuijieCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // C: OpenBLAS (cblas.h) and LAPACKE (lapacke.h), from Debian's libopenblas-dev and liblapacke-dev.
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // C: OpenCC (opencc.h), from Debian's libopencc-dev.
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]
        ),
        .target(name: "DuijieVectors", dependencies: ["CBLAS"]),
        .target(name: "DuijieText", dependencies: ["DuijieVectors", "COpenCC"]),
        .target(name: "DuijieGraph", dependencies: ["DuijieVectors"]),
        .target(name: "DuijieEvaluation"),
        .target(
            name: "Duijie",
            dependencies: [
                "DuijieVectors", "DuijieText", "DuijieGraph", "DuijieEvaluation",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "DuijieCLI",
            dependencies: [
                "Duijie",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DuijieVectorsTests", dependencies: ["DuijieVectors"]),
        .testTarget(name: "DuijieTextTests", dependencies: ["DuijieText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DuijieGraphTests", dependencies: ["DuijieGraph"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DuijieEvaluationTests", dependencies: ["DuijieEvaluation"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DuijieTests", dependencies: ["Duijie", .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "DuijieCLITests", dependencies: ["DuijieCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
