import Domain
import Foundation
import RiskTierKit
import Store
import Synthesis
import Testing

/// End to end: a generated city imports into a fresh store without errors or warnings.
@Suite struct SynthImportTests {
    @Test func generatedCityImportsIntoAStore() throws {
        let spec = try CitySpec(enterpriseCount: 1_500, seed: 77)
        let directory = SynthTestSupport.temporaryDirectory("import")
        let summary = try SynthCity.generate(spec, into: directory)
        let storePath = directory + "/store.sqlite"
        _ = try InitStore.run(storePath: storePath)
        // NOTE: without --extract-date (the command's default). With it, the importer of branch
        // `data` (05cb037) rejects the forward-looking `cert_valid_until` / `valid_until` dates
        // the generator writes; every other date is checked against the extract date by
        // CityGeneratorTests.everyRowImportsAsAValidDomainValue.
        let result = try ImportRun.run(storePath: storePath, paths: CityFile.allCases.map { "\(directory)/\($0.fileName)" })
        #expect(result.warnings.isEmpty, "\(result.warnings.prefix(3))")
        let rows = Dictionary(uniqueKeysWithValues: result.files.map { ($0.kind, $0.rows) })
        #expect(rows["enterprises"] == 1_500)
        #expect(rows["inspectors"] == summary.inspectorCount)
        #expect(rows["conflicts"] == summary.conflictCount)
        let events = summary.eventsByKindAndYear.values.flatMap(\.values).reduce(0, +)
        let imported = ["licences", "penalties", "sampling_tests", "inspections", "complaints", "list_entries"].compactMap { rows[$0] }.reduce(0, +)
        #expect(imported == events)
        #expect(result.files.allSatisfy { $0.inserted == $0.rows })
        let store = try Store.open(path: storePath)
        #expect(try store.enterprises().count == 1_500)
    }
}
