import Foundation
import CSV
import SwiftCSV
let path = CommandLine.arguments[2]
let t0 = Date()
var n = 0, f = 0
if CommandLine.arguments[1] == "yaslab" {
    let stream = InputStream(fileAtPath: path)!
    let csv = try CSVReader(stream: stream, hasHeaderRow: true)
    while let row = csv.next() { n += 1; f += row.count }
} else {
    let csv = try CSV<Enumerated>(url: URL(fileURLWithPath: path), loadColumns: false)
    n = csv.rows.count; f = csv.rows.reduce(0) { $0 + $1.count }
}
print(CommandLine.arguments[1], n, f, Date().timeIntervalSince(t0))
