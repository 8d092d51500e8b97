// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "peers",
  dependencies: [.package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
                 .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2")],
  targets: [.executableTarget(name: "peers", dependencies: [.product(name: "SwiftCSV", package: "SwiftCSV"), .product(name: "CSV", package: "CSV.swift")], swiftSettings: [.swiftLanguageMode(.v5)])])
