// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for Duijie's parsers (docs/fuzzing.md). A package of its own so that the
/// main build and its tests never compile with the fuzzer's instrumentation. `scripts/fuzz`
/// builds it with `swift build -c release -Xswiftc -sanitize=fuzzer,address`: the flags reach
/// every module (Duijie's too, which coverage-guided fuzzing needs, so they are not
/// `unsafeFlags` here) and link libFuzzer and AddressSanitizer. Each target's `main` calls
/// libFuzzer's driver (`FuzzerDriver`), so the executables are ordinary SwiftPM executables.
let package = Package(
    name: "DuijieFuzz",
    dependencies: [
        .package(name: "Duijie", path: ".."),
    ],
    targets: [
        // What the targets share: libFuzzer's driver, scratch files, inputs split into named files.
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),

        // One executable per fuzz target; scripts/fuzz runs them by their folder's name.
        .executableTarget(
            name: "corpus-loader",
            dependencies: ["FuzzSupport", .product(name: "DuijieCorpus", package: "Duijie")]
        ),
        .executableTarget(
            name: "csv-import",
            dependencies: ["FuzzSupport", .product(name: "DuijieCorpus", package: "Duijie")]
        ),
        .executableTarget(
            name: "tokenizers",
            dependencies: [
                "FuzzSupport",
                .product(name: "DuijieText", package: "Duijie"),
                .product(name: "DuijieRanking", package: "Duijie"),
            ]
        ),
        .executableTarget(
            name: "dictionary",
            dependencies: ["FuzzSupport", .product(name: "DuijieText", package: "Duijie")]
        ),
        .executableTarget(
            name: "index-reader",
            dependencies: ["FuzzSupport", .product(name: "DuijieRanking", package: "Duijie")]
        ),
        .executableTarget(
            name: "event-loader",
            dependencies: [
                "FuzzSupport",
                .product(name: "DuijieCorpus", package: "Duijie"),
                .product(name: "DuijieEvents", package: "Duijie"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
