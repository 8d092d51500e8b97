// swift-tools-version: 6.1
import PackageDescription

// Benchmarks for RiskTier (DESIGN.md "Benchmarks"): a separate package so that the main
// package's build and tests never pull in the benchmark harness.
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
    ]
)
