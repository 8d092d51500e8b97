import Foundation
import LinearAlgebra
import Statistics

// fit-timing --data DIR --n N --p P [--repeats R]
// Loads gen_logit.py's X_N{n}_p{p}.npy / y_…npy, builds the column-major design with an
// intercept first (once, untimed: the peers also get X in memory), then times
// LogisticRegression(...) + fit() R times. Prints one JSON object: the times in seconds,
// their median, iterations, and the coefficients of the last run.
var arguments = [String: String]()
var k = 1
while k + 1 < CommandLine.arguments.count {
    arguments[CommandLine.arguments[k]] = CommandLine.arguments[k + 1]
    k += 2
}
guard let dir = arguments["--data"], let n = Int(arguments["--n"] ?? ""), let p = Int(arguments["--p"] ?? "") else {
    FileHandle.standardError.write(Data("usage: fit-timing --data DIR --n N --p P [--repeats R]\n".utf8))
    exit(2)
}
let repeats = Int(arguments["--repeats"] ?? "5") ?? 5
let tag = "N\(n)_p\(p)"
let x = try NumpyArray(path: "\(dir)/X_\(tag).npy")
let y = try NumpyArray(path: "\(dir)/y_\(tag).npy")
precondition(x.shape == [n, p] && !x.fortranOrder, "X must be C-ordered n × p")

var columnMajor = [Double](repeating: 1, count: n * (p + 1))
x.values.withUnsafeBufferPointer { source in
    columnMajor.withUnsafeMutableBufferPointer { target in
        for i in 0..<n {
            for j in 0..<p { target[(j + 1) * n + i] = source[i * p + j] }
        }
    }
}
let design = Matrix(rows: n, columns: p + 1, columnMajor: columnMajor)
let names = ["(Intercept)"] + (1...p).map { "x\($0)" }

/// CPU seconds of this process (all threads): with other work on the machine, wall time
/// alone overstates our cost; both are reported.
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

var times: [Double] = []
var cpuTimes: [Double] = []
var last: LogisticFit?
for _ in 0..<repeats {
    let cpuStart = processCPUSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    let model = try LogisticRegression(design: design, termNames: names, response: y.values, interceptColumn: 0)
    let fit = try model.fit()
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    cpuTimes.append(processCPUSeconds() - cpuStart)
    last = fit
}
let sorted = times.sorted()
let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
let result: [String: Any] = [
    "tool": "risktier", "n": n, "p": p, "times_s": times, "cpu_s": cpuTimes, "median_s": median,
    "iterations": last?.iterations ?? 0, "converged": last?.converged ?? false,
    "coef": last?.coefficients.map { $0.estimate ?? .nan } ?? [],
]
let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
