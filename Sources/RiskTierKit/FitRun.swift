import Foundation
import Ingest
import Statistics

/// The analyst's ad-hoc fit: CSV + formula → design → logistic fit (`risktier fit --csv`).
public enum FitRun {
    /// Reads the CSV, builds the design and fits. Every input problem is a `FitError`.
    public static func fit(_ request: FitRequest) throws(FitError) -> FitResult {
        let (table, design, model) = try prepare(request)
        do {
            let estimate = try Self.estimate(model, penalty: request.penalty)
            var result = FitResult(request: request, columns: design.columns, fit: estimate.fit)
            result.factors = design.factors
            result.response = design.response
            result.profileIntervals = estimate.profileIntervals
            result.penalizedLogLikelihood = estimate.penalizedLogLikelihood
            return result
        } catch {
            throw .engine(file: table.file, message: error.description)
        }
    }

    /// The table, its design and the regression to fit (shared by the fit and the validations).
    static func prepare(_ request: FitRequest) throws(FitError) -> (table: FitTable, design: FitDesign, regression: LogisticRegression) {
        let formula = try FitFormula(parsing: request.formula)
        let table = try readTable(path: request.csvPath)
        let design = try FitDesign(table: table, formula: formula, weightsColumn: request.weightsColumn,
                                   offsetColumn: request.offsetColumn)
        do {
            let model = try LogisticRegression(
                design: design.matrix, termNames: design.columns.map(\.term), response: design.response,
                priorWeights: design.weights, offset: design.offset, interceptColumn: design.interceptColumn,
                control: request.control)
            return (table, design, model)
        } catch {
            throw .engine(file: table.file, message: error.description)
        }
    }

    /// The whole CSV as text rows with their line numbers (the data branch's RFC 4180 reader).
    static func readTable(path: String) throws(FitError) -> FitTable {
        let file = String(path.split(separator: "/").last ?? Substring(path))
        do {
            let reader = try CSVReader(path: path)
            var rows: [[String]] = []
            var lines: [Int] = []
            while let record = try reader.next() {
                rows.append(record.fields)
                lines.append(record.line)
            }
            guard let header = reader.header, !rows.isEmpty else { throw FitError.emptyFile(file: file) }
            return FitTable(file: file, header: header.names, rows: rows, lineNumbers: lines)
        } catch let error as FitError {
            throw error
        } catch let error as IngestError {
            if error.message.lowercased().contains("empty") { throw .emptyFile(file: file) }
            throw .csv(error.description)
        } catch {
            throw .csv("\(file): \(error)")
        }
    }

    /// Writes `data` to `path` atomically: a temporary file in the same directory, then rename,
    /// so that a reader never sees a partial file and a failure leaves nothing behind.
    public static func writeAtomically(_ data: Data, to path: String) throws(FitError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .io(path: path, message: "cannot write the output: \(error.localizedDescription)")
        }
    }
}
