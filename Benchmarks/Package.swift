// swift-tools-version: 6.1
import PackageDescription

// Benchmarks for RiskTier (DESIGN.md "Benchmarks"): a separate package so that the main
// package's build and tests never pull in the benchmark harness. ordo-one/benchmark targets,
// one per area, plus side-by-side peer scripts in peers/. Run from this folder, e.g.
//   swift package --disable-sandbox benchmark --target LotteryBenchmarks
let package = Package(
    name: "RiskTierBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "RiskTier", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Logistic fit (issue 3): the engine on seeded synthetic data, ordo-one harness.
        .executableTarget(
            name: "LogisticFitBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Statistics", package: "RiskTier"),
            ],
            path: "Benchmarks/LogisticFit",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Logistic fit ratios: times our fit on the very arrays the peers fit (gen_logit.py's
        // .npy files), for fit_ratios.py.
        .executableTarget(
            name: "fit-timing",
            dependencies: [.product(name: "Statistics", package: "RiskTier")],
            path: "FitTiming"
        ),
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
        // Import (issue 5): `risktier import` of a synthetic city into a fresh store.
        .executableTarget(
            name: "ImportBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RiskTierKit", package: "RiskTier"),
            ],
            path: "Benchmarks/ImportBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
