import Domain
import Foundation
import Ingest
import RiskTierKit
import Synthesis
import Testing

@Suite struct CityGeneratorTests {
    static let spec = try! CitySpec(enterpriseCount: 3_000, seed: 424_242)

    /// One generated city shared by the read-back tests (generation and import take seconds).
    static let generated: (directory: String, summary: CitySummary, city: SynthTestSupport.City) = {
        let directory = SynthTestSupport.temporaryDirectory("small")
        let summary = try! SynthCity.generate(spec, into: directory)
        let city = try! SynthTestSupport.read(directory, extractDate: spec.extractDate)
        return (directory, summary, city)
    }()

    @Test func sameSpecGivesTheSameBytesAndAnotherSeedDoesNot() throws {
        let spec = try CitySpec(enterpriseCount: 800, seed: 5)
        let first = SynthTestSupport.temporaryDirectory("det1")
        let second = SynthTestSupport.temporaryDirectory("det2")
        let other = SynthTestSupport.temporaryDirectory("det3")
        _ = try SynthCity.generate(spec, into: first)
        _ = try SynthCity.generate(spec, into: second)
        _ = try SynthCity.generate(try CitySpec(enterpriseCount: 800, seed: 6), into: other)
        let digests = try SynthTestSupport.digests(first)
        #expect(digests.count == CityFile.allCases.count)
        #expect(digests == (try SynthTestSupport.digests(second)))
        #expect(digests["enterprises.csv"] != (try SynthTestSupport.digests(other))["enterprises.csv"])
        // Atomic writes leave no temporary files behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
        #expect(names == CityFile.allCases.map(\.fileName).sorted())
    }

    @Test func headersAreExactlyTheImportColumns() throws {
        for file in CityFile.allCases {
            let kind = try #require(ImportFileKind(rawValue: file.rawValue))
            #expect(file.columns == kind.columns, "\(file.fileName)")
            let text = try String(contentsOfFile: "\(Self.generated.directory)/\(file.fileName)", encoding: .utf8)
            #expect(text.prefix { $0 != "\n" } == Substring(kind.columns.joined(separator: ",")))
        }
    }

    /// Every row passes the importer's rules and builds a Domain value; counts agree.
    @Test func everyRowImportsAsAValidDomainValue() {
        let (_, summary, city) = Self.generated
        #expect(city.enterprises.count == 3_000)
        #expect(city.inspectors.count == summary.inspectorCount)
        #expect(city.conflicts.count == summary.conflictCount)
        let eventTotal = summary.eventsByKindAndYear.values.flatMap(\.values).reduce(0, +)
        #expect(city.events.count == eventTotal)
        // The only importer warnings allowed are none: codes are canonical, districts match.
        #expect(city.warnings.isEmpty, "\(city.warnings.prefix(3))")
    }

    @Test func creditCodesAreValidWithValidOrganisationCodes() {
        for enterprise in Self.generated.city.enterprises {
            let result = CreditCode.validate(Substring(enterprise.id.value))
            guard case let .success(validated) = result else {
                Issue.record("\(enterprise.id) does not validate: \(result)")
                continue
            }
            #expect(validated.warnings.isEmpty, "\(enterprise.id): \(validated.warnings)")
            #expect(["91", "92", "93"].contains(String(enterprise.id.value.prefix(2))))
            #expect(enterprise.id.value.dropFirst(2).prefix(6) == Substring(enterprise.district))
        }
    }

    @Test func rowsAreSortedById() throws {
        for file in CityFile.allCases {
            let lines = try String(contentsOfFile: "\(Self.generated.directory)/\(file.fileName)", encoding: .utf8)
                .split(separator: "\n").dropFirst()
            let keys = lines.map { line -> String in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                return file == .conflicts ? "\(fields[0]),\(fields[1])" : String(fields[0])
            }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.0.utf8.lexicographicallyPrecedes($0.1.utf8) }, "\(file.fileName)")
        }
    }

    @Test func eventsRespectTheDomainRules() {
        let (_, _, city) = Self.generated
        let extract = Self.spec.extractDate
        var lastDrawIds = Set<String>()
        for event in city.events {
            #expect(event.date <= extract)
            if let recorded = event.header.recordedOn {
                #expect(recorded <= extract)
                #expect(recorded >= event.date)
                // recorded_on never crosses the reference date (see LatentModel).
                if event.date <= Self.spec.referenceDate { #expect(recorded <= Self.spec.referenceDate) }
            }
            switch event {
            case let .penalty(p):
                if p.procedure == .summary { #expect(p.fineFen <= 300_000) }
            case let .inspection(i):
                if i.origin == .randomDraw {
                    #expect(i.inspectorIds.count >= 2)
                    lastDrawIds.insert(i.drawId!)
                }
            default: break
            }
        }
        #expect(!lastDrawIds.isEmpty)
        #expect(lastDrawIds.allSatisfy { $0.range(of: #"^D\d{4}-\d{2}-[ABCD]$"#, options: .regularExpression) != nil })
    }

    @Test func inspectorsAndConflictsArePlausible() {
        let (_, _, city) = Self.generated
        #expect(city.inspectors.count == 75)  // max(30, 3000 / 40)
        #expect(city.inspectors.contains { $0.role == .expert })
        let extract = Self.spec.extractDate
        #expect(city.inspectors.contains { $0.certValidUntil.map { $0 < extract } ?? false })
        #expect(city.inspectors.allSatisfy { $0.role == .expert || $0.certNo != nil })
        let special = city.inspectors.filter { $0.domains.contains(.specialEquipment) }.count
        let food = city.inspectors.filter { $0.domains.contains(.food) }.count
        #expect(special < food / 2)
        #expect(city.inspectors.allSatisfy { (5...40).contains($0.capacity) })
        let reasons = Set(city.conflicts.map(\.reason))
        #expect(reasons.count >= 4)
        #expect(city.conflicts.allSatisfy { $0.declaredOn <= extract })
    }

    /// Proportions of DOMAIN.md §6: food dominates; every district and entity type occurs; some
    /// firms are revoked or cancelled; most firms have no events at all.
    @Test func cityHasPlausibleProportions() {
        let (_, summary, city) = Self.generated
        let food = city.enterprises.filter { $0.domains.contains(.food) }.count
        #expect(Double(food) / 3000 > 0.7)
        #expect(Set(city.enterprises.map(\.district)).count == 7)
        #expect(Set(city.enterprises.map(\.entityType)).count == 3)
        #expect(summary.enterprisesByStatus[.revoked, default: 0] > 0)
        #expect(summary.enterprisesByStatus[.cancelled, default: 0] > 0)
        // Most firms have no event in a year (here the last year of history).
        let yearStart = Self.spec.referenceDate.adding(months: -12)
        let withEvents = Set(city.events.filter { $0.kind != .licence && $0.date > yearStart && $0.date <= Self.spec.referenceDate }
            .map(\.header.enterpriseId)).count
        #expect(Double(withEvents) / 3000 < 0.5, "\(withEvents)")
        // A few events per 100 firms a month, licences aside.
        let perHundredPerMonth = Double(city.events.filter { $0.kind != .licence }.count) / 3000 * 100 / 60
        #expect(perHundredPerMonth > 1 && perHundredPerMonth < 10, "\(perHundredPerMonth)")
    }

    /// The files, read back independently, give the generator's observed firms, labels and
    /// random arm exactly, and the true β reproduces the label count: |Σy − Σp| ≤ 4·√Σp(1−p)
    /// (4 sd of the Poisson-binomial label count, a false alarm once in ~16,000 seeds).
    @Test func filesReproduceTheLatentModel() {
        let (_, summary, city) = Self.generated
        let check = ModelRecomputation(enterprises: city.enterprises, events: city.events, asOf: Self.spec.referenceDate,
                                       coefficients: LatentModel.truth.coefficients)
        #expect(check.active == summary.eligibleCount)
        #expect(check.observed == summary.observedCount)
        #expect(check.labels == summary.labelCount)
        #expect(check.randomArm == summary.randomArmCount)
        #expect(abs(check.probabilitySum - summary.observedProbabilitySum) < 1e-6)
        #expect(abs(Double(check.labels) - check.probabilitySum) <= 4 * check.probabilityVariance.squareRoot())
    }

    @Test func invalidSpecsAreRejected() {
        #expect(throws: SynthesisError.self) { try CitySpec(enterpriseCount: 0, seed: 1) }
        #expect(throws: SynthesisError.self) { try CitySpec(enterpriseCount: 10, seed: 1, years: 3) }
    }
}
