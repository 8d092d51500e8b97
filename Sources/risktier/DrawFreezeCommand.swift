import ArgumentParser
import RiskTierKit

/// `risktier draw freeze`: canonical population/roster/conflicts + manifest; prints its digest.
struct DrawFreezeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "freeze",
        abstract: "Write the canonical frozen inputs and manifest.json; print the manifest's SHA-256 to publish before the seed.",
        discussion: """
        Inputs are the frozen CSV formats (population.csv: enterprise_id,stratum,domain,district; \
        roster.csv: inspector_id,domains,district,capacity; conflicts.csv: inspector_id,enterprise_id,reason), \
        in any row order: they are validated, sorted and written canonically. The roster must hold only \
        officers who may serve (enforcement role, certificate valid on the task date, active); experts are \
        never part of it. --names FILE (id,name) is copied as names.csv for the public notice; it is not hashed.
        """
    )

    @Option(help: "The plan: {\"task\": {id, title, domain, date, seed_source}, \"rates_bp\": {\"A\": 300, …}, \"team_size\": 2}.")
    var plan: String

    @Option(help: "Store to freeze from: population = drawable enterprises of the newest run on or before the task date (domain, activity, licence, frequency caps), stratum = tier; roster and conflicts (declared + the last stored draw's teams) from the store; names.csv too.")
    var store: String?

    @Option(help: "Population CSV (enterprise_id,stratum,domain,district).")
    var population: String?

    @Option(help: "Roster CSV (inspector_id,domains,district,capacity) of eligible officers.")
    var roster: String?

    @Option(help: "Conflicts CSV (inspector_id,enterprise_id,reason), every recusal including the previous team.")
    var conflicts: String?

    @Option(help: "A previous draw's record.json: its teams become prior_inspection conflicts (not the same team again).")
    var previousRecord: String?

    @Option(help: "Optional names CSV (id,name) for the public notice; copied as names.csv, not hashed.")
    var names: String?

    @Option(help: "Output directory for the frozen files.")
    var out: String

    func validate() throws {
        if store != nil {
            guard population == nil, roster == nil, conflicts == nil, previousRecord == nil, names == nil else {
                throw ValidationError("give either --store or --population/--roster/--conflicts (with --previous-record, --names), not both")
            }
        } else {
            guard population != nil, roster != nil, conflicts != nil else {
                throw ValidationError("--population, --roster and --conflicts are all required without --store")
            }
        }
    }

    func run() throws {
        let summary = try runDrawStep { () throws(DrawError) in
            if let store {
                return try DrawWorkflow.freeze(storePath: store, planPath: plan, outputDirectory: out)
            }
            return try DrawWorkflow.freeze(planPath: plan, populationPath: population!, rosterPath: roster!, conflictsPath: conflicts!,
                                           namesPath: names, previousRecordPath: previousRecord, outputDirectory: out)
        }
        printError("froze \(summary.population) enterprises, \(summary.roster) officers, \(summary.conflicts) conflict rows into \(out); publish this manifest digest before the seed exists:")
        print(summary.manifestSHA256)
    }
}
