// swift-tools-version: 6.0
import PackageDescription

// Module graph (DESIGN.md): dependencies point downward only.
//   CLAPACK → LinearAlgebra → Statistics
//   Domain → Ingest, Lottery, Store
//   RiskTierKit wires them; `risktier` parses arguments and calls RiskTierKit.
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
        .target(name: "Domain"),
        .target(name: "Ingest", dependencies: ["Domain"]),
        .target(name: "Store", dependencies: ["Domain", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Lottery", dependencies: ["Domain", .product(name: "Crypto", package: "swift-crypto")]),
        // HTML calibration report (inline SVG), tier cut points and tier tables (issue 4).
        .target(name: "Reports", dependencies: ["Domain", "Statistics"]),
        .target(name: "RiskTierKit", dependencies: ["Statistics", "Domain", "Ingest", "Store", "Lottery", "Reports"]),
        .executableTarget(
            name: "risktier",
            dependencies: ["RiskTierKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Domain"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "LinearAlgebra"]),
        // Depends on the executable so that `swift test` builds the `risktier` binary it runs.
        .testTarget(name: "FitCLITests", dependencies: ["RiskTierKit", "Statistics", "risktier"]),
        // Firth, ridge, validation statistics, tier cut points, model files, the HTML report.
        .testTarget(name: "CalibrationTests", dependencies: ["RiskTierKit", "Statistics", "Reports", "Domain", "risktier"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Domain", "RiskTierKit"]),
        // Depends on the executable so that `swift test` builds the `risktier` these tests run.
        .testTarget(name: "ImportCLITests", dependencies: ["Store", "Domain", "risktier"]),
    ]
)
