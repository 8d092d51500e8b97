import Benchmark
import Foundation
import RiskTierKit

// `risktier import` in-process (ImportRun.run): a seeded synthetic city (`risktier synth`, seed 7)
// of 10^4 and 10^5 enterprises into a fresh store, every §4 rule validated, one transaction.
// The peers (`sqlite3 .import`, DuckDB read_csv) run beside the CLI in
// peers/import_side_by_side.sh; this target tracks our own time, mallocs and peak RSS.
// Cities are written once under /tmp/risktier-import-bench/ and reused.

/// The §4 files of a synthetic city, generated on first use.
func cityFiles(enterprises: Int) -> [String] {
    let directory = "/tmp/risktier-import-bench/city-\(enterprises)"
    let names = ["enterprises", "inspectors", "licences", "penalties", "sampling_tests", "inspections",
                 "complaints", "list_entries", "conflicts"]
    let files = names.map { "\(directory)/\($0).csv" }
    if !files.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
        let spec = try! SynthSpec(enterpriseCount: enterprises, seed: 7)
        _ = try! SynthCity.generate(spec, into: directory)
    }
    return files
}

/// A fresh, migrated store path (previous files removed).
func freshStore(_ name: String) -> String {
    let path = "/tmp/risktier-import-bench/\(name).sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    _ = try! InitStore.run(storePath: path)
    return path
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                           warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 5)
    for size in [10_000, 100_000] {
        let files = cityFiles(enterprises: size)
        // One import per sample: the fresh store is made before the measurement starts.
        Benchmark("import synth city n=\(size)") { benchmark in
            let store = freshStore("import-\(size)")
            benchmark.startMeasurement()
            blackHole(try! ImportRun.run(storePath: store, paths: files))
        }
        Benchmark("re-import identical files n=\(size)") { benchmark in
            let store = freshStore("reimport-\(size)")
            _ = try! ImportRun.run(storePath: store, paths: files)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try! ImportRun.run(storePath: store, paths: files))
            }
        }
    }
}
