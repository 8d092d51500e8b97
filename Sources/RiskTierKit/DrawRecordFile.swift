import Domain
import Foundation
import Lottery

/// `record.json` ⇄ `DrawRecord`. Written as Python's `json.dumps(record, indent=2,
/// ensure_ascii=False)` plus a newline, keys in DESIGN.md's order.
public enum DrawRecordFile {
    public static func json(_ record: DrawRecord) -> DrawJSON {
        .object([
            ("algorithm", .string(record.algorithm)),
            ("manifest_sha256", .string(record.manifestSHA256)),
            ("seed", .string(record.seed)),
            ("strata", .array(record.strata.map {
                .object([("stratum", .string($0.stratum.name)), ("population", .integer($0.population)),
                         ("rate_bp", .integer($0.rateBasisPoints)), ("sample_size", .integer($0.sampleSize))])
            })),
            ("selections", .array(record.selections.map { selection in
                .object([("rank", .integer(selection.rank)), ("enterprise_id", .string(selection.enterpriseID)),
                         ("stratum", .string(selection.stratum.name)), ("ticket", .string(selection.ticket)),
                         ("team", .array(selection.team.map {
                             .object([("inspector_id", .string($0.inspectorID)), ("ticket", .string($0.ticket))])
                         }))])
            })),
            ("unassigned", .array(record.unassigned.map {
                .object([("enterprise_id", .string($0.enterpriseID)), ("reason", .string($0.reason))])
            })),
        ])
    }

    /// The record's bytes, written directly in the layout `json(record).prettyBytes` gives
    /// (the tests hold the two equal): building the `DrawJSON` tree for 55 000 selections
    /// allocated a node per field and was the largest single cost of `draw run` at 10⁶ (perf).
    public static func bytes(_ record: DrawRecord) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(512 + record.selections.count * (200 + 110 * (record.selections.first?.team.count ?? 0)))
        @inline(__always) func text(_ value: String) { out += value.utf8 }
        @inline(__always) func field(_ indent: String, _ key: String, _ value: String, last: Bool = false) {
            text(indent); DrawJSON.quote(key, into: &out); text(": "); DrawJSON.quote(value, into: &out)
            text(last ? "\n" : ",\n")
        }
        @inline(__always) func number(_ indent: String, _ key: String, _ value: Int, last: Bool = false) {
            text(indent); DrawJSON.quote(key, into: &out); text(": "); text(String(value)); text(last ? "\n" : ",\n")
        }
        text("{\n")
        field("  ", "algorithm", record.algorithm)
        field("  ", "manifest_sha256", record.manifestSHA256)
        field("  ", "seed", record.seed)
        text(record.strata.isEmpty ? "  \"strata\": [],\n" : "  \"strata\": [\n")
        for (index, stratum) in record.strata.enumerated() {
            text("    {\n")
            field("      ", "stratum", stratum.stratum.name)
            number("      ", "population", stratum.population)
            number("      ", "rate_bp", stratum.rateBasisPoints)
            number("      ", "sample_size", stratum.sampleSize, last: true)
            text(index == record.strata.count - 1 ? "    }\n  ],\n" : "    },\n")
        }
        text(record.selections.isEmpty ? "  \"selections\": [],\n" : "  \"selections\": [\n")
        for (index, selection) in record.selections.enumerated() {
            text("    {\n")
            number("      ", "rank", selection.rank)
            field("      ", "enterprise_id", selection.enterpriseID)
            field("      ", "stratum", selection.stratum.name)
            field("      ", "ticket", selection.ticket)
            text(selection.team.isEmpty ? "      \"team\": []\n" : "      \"team\": [\n")
            for (position, member) in selection.team.enumerated() {
                text("        {\n")
                field("          ", "inspector_id", member.inspectorID)
                field("          ", "ticket", member.ticket, last: true)
                text(position == selection.team.count - 1 ? "        }\n      ]\n" : "        },\n")
            }
            text(index == record.selections.count - 1 ? "    }\n  ],\n" : "    },\n")
        }
        text(record.unassigned.isEmpty ? "  \"unassigned\": []\n" : "  \"unassigned\": [\n")
        for (index, entry) in record.unassigned.enumerated() {
            text("    {\n")
            field("      ", "enterprise_id", entry.enterpriseID)
            field("      ", "reason", entry.reason, last: true)
            text(index == record.unassigned.count - 1 ? "    }\n  ]\n" : "    },\n")
        }
        text("}\n")
        return Data(out)
    }

    /// Parses a record; a missing or mistyped field is named by its JSON path.
    public static func read(_ data: Data, file: String) throws(DrawError) -> DrawRecord {
        func fail(_ field: String, _ message: String = "is missing or has the wrong type") -> DrawError {
            .invalid(LotteryError(file: file, field: field, message))
        }
        guard let root = DrawJSON.parse(data) as? [String: Any] else {
            throw .invalid(LotteryError(file: file, "must be a JSON object (a draw record); got something else"))
        }
        guard let algorithm = root["algorithm"] as? String else { throw fail("algorithm") }
        guard let manifest = root["manifest_sha256"] as? String else { throw fail("manifest_sha256") }
        guard let seed = root["seed"] as? String else { throw fail("seed") }
        guard let strataArray = root["strata"] as? [[String: Any]] else { throw fail("strata") }
        var strata: [DrawRecordStratum] = []
        for (index, item) in strataArray.enumerated() {
            guard let name = item["stratum"] as? String, let stratum = DrawStratum(name) else { throw fail("strata[\(index)].stratum") }
            guard let population = DrawJSON.integer(item["population"]), let rate = DrawJSON.integer(item["rate_bp"]),
                  let sampleSize = DrawJSON.integer(item["sample_size"]) else { throw fail("strata[\(index)]") }
            strata.append(DrawRecordStratum(stratum: stratum, population: population, rateBasisPoints: rate, sampleSize: sampleSize))
        }
        guard let selectionArray = root["selections"] as? [[String: Any]] else { throw fail("selections") }
        var selections: [DrawRecordSelection] = []
        selections.reserveCapacity(selectionArray.count)
        for (index, item) in selectionArray.enumerated() {
            // (An id longer than a credit code holds is not one: a record's ids are the store's.)
            guard let rank = DrawJSON.integer(item["rank"]), let id = item["enterprise_id"] as? String, id.utf8.count <= CreditCode.maximumUTF8Count,
                  let name = item["stratum"] as? String, let stratum = DrawStratum(name),
                  let ticket = item["ticket"] as? String, let teamArray = item["team"] as? [[String: Any]] else {
                throw fail("selections[\(index)]")
            }
            var team: [DrawRecordTeamMember] = []
            for (k, member) in teamArray.enumerated() {
                guard let inspector = member["inspector_id"] as? String, let memberTicket = member["ticket"] as? String else {
                    throw fail("selections[\(index)].team[\(k)]")
                }
                team.append(DrawRecordTeamMember(inspectorID: inspector, ticket: memberTicket))
            }
            selections.append(DrawRecordSelection(rank: rank, enterpriseID: id, stratum: stratum, ticket: ticket, team: team))
        }
        guard let unassignedArray = root["unassigned"] as? [[String: Any]] else { throw fail("unassigned") }
        var unassigned: [DrawRecordUnassigned] = []
        for (index, item) in unassignedArray.enumerated() {
            guard let id = item["enterprise_id"] as? String, let reason = item["reason"] as? String else { throw fail("unassigned[\(index)]") }
            unassigned.append(DrawRecordUnassigned(enterpriseID: id, reason: reason))
        }
        return DrawRecord(algorithm: algorithm, manifestSHA256: manifest, seed: seed, strata: strata,
                          selections: selections, unassigned: unassigned)
    }
}
