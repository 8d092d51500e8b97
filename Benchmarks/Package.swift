// swift-tools-version: 6.1
import PackageDescription

// Benchmarks for RiskTier (DESIGN.md "Benchmarks"): ordo-one/benchmark targets, one per area,
// plus side-by-side peer scripts in peers/. Run from this folder:
//   swift package --disable-sandbox benchmark --target LotteryBenchmarks
let package = Package(
    name: "RiskTierBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "RiskTier", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The draw (risktier-draw/1): freeze, draw and verify at 10^5 and 10^6 enterprises.
        .executableTarget(
            name: "LotteryBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Lottery", package: "RiskTier"),
            ],
            path: "Benchmarks/LotteryBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
