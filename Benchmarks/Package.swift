// swift-tools-version: 6.1
import PackageDescription

/// Duijie's hot paths on package-benchmark (ordo-one/benchmark): run from this folder with
/// `swift package benchmark` (see ../README.md, "Speed"). A package of its own so the main
/// build and CI do not compile the benchmark framework.
let package = Package(
    name: "DuijieBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Duijie", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HotPaths",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Duijie", package: "Duijie"),
                .product(name: "DuijieVectors", package: "Duijie"),
                .product(name: "DuijieText", package: "Duijie"),
                .product(name: "DuijieGraph", package: "Duijie"),
            ],
            path: "Benchmarks/HotPaths",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
