import Foundation
let t0 = Date()
let reader = try CSVReader(path: CommandLine.arguments[1])
var n = 0, f = 0
while let r = try reader.next() { n += 1; f += r.fields.count }
print(n, f, Date().timeIntervalSince(t0))
