// swift-tools-version: 6.0
import PackageDescription

// Module graph (DESIGN.md): dependencies point downward only.
//   CLAPACK → LinearAlgebra → Statistics
//   Domain → Ingest, Store, Lottery, Synthesis, Features → Scoring (+ Statistics)
//   RiskTierKit wires them; `risktier` parses arguments and calls RiskTierKit.
// One line per target and per test target keeps merges of parallel work simple.
let package = Package(
    name: "RiskTier",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RiskTierKit", targets: ["RiskTierKit"]),
        .library(name: "Statistics", targets: ["Statistics"]),
        .library(name: "Lottery", targets: ["Lottery"]),
        .executable(name: "risktier", targets: ["risktier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Fortran BLAS/LAPACK from Debian (libblas-dev, liblapack-dev; OpenBLAS via alternatives).
        .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK"),
        .target(name: "LinearAlgebra", dependencies: ["CLAPACK"]),
        .target(name: "Statistics", dependencies: ["LinearAlgebra"]),
        // zlib from Debian (zlib1g-dev): the report tests decode Chromium's PNG screenshots.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "Domain"),
        .target(name: "Ingest", dependencies: ["Domain"]),
        .target(name: "Synthesis", dependencies: ["Domain"]),
        // sqlite3_config is variadic (not callable from Swift): one C function sets what Store needs.
        .target(name: "CSQLiteSettings", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "Store", dependencies: ["Domain", "CSQLiteSettings", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "Features", dependencies: ["Domain"]),
        .target(name: "Scoring", dependencies: ["Domain", "Features", "Statistics"]),
        .target(name: "Lottery", dependencies: ["Domain", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Reports", dependencies: ["Domain", "Statistics", "Scoring"]),
        .target(
            name: "RiskTierKit",
            dependencies: [
                "Statistics", "Domain", "Ingest", "Store", "Lottery", "Synthesis", "Features", "Scoring", "Reports",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "risktier",
            dependencies: ["RiskTierKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Test targets that list "risktier" do so that `swift test` builds the binary they run.
        // Shared helpers of the test targets that run the built `risktier` (not a product).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Domain", "Statistics"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "LinearAlgebra"]),
        .testTarget(name: "FitCLITests", dependencies: ["TestSupport", "RiskTierKit", "Statistics", "risktier"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Domain", "RiskTierKit", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ImportCLITests", dependencies: ["TestSupport", "Store", "Domain", "risktier"]),
        .testTarget(name: "SynthesisTests", dependencies: ["TestSupport", "Synthesis", "Domain", "Ingest", "Store", "RiskTierKit", "risktier", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "FeaturesTests", dependencies: ["Features", "Domain"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Features", "Domain", "Statistics"]),
        .testTarget(name: "CalibrationTests", dependencies: ["TestSupport", "RiskTierKit", "Statistics"]),
        .testTarget(name: "ModelFileTests", dependencies: ["TestSupport", "RiskTierKit", "Statistics", "Scoring", "Reports", "Domain", "risktier"]),
        .testTarget(name: "MonthlyRunTests", dependencies: ["TestSupport", "Statistics", "RiskTierKit", "Store", "Scoring", "Domain", "risktier"]),
        .testTarget(name: "LotteryTests", dependencies: ["Lottery", "Domain", "Statistics"]),
        .testTarget(name: "ReportTests", dependencies: ["TestSupport", "Reports", "RiskTierKit", "Statistics", "Domain", "CZlib", "risktier"]),
        .testTarget(name: "DrawCLITests", dependencies: ["TestSupport", "RiskTierKit", "Lottery", "Domain", "risktier"]),
    ]
)
