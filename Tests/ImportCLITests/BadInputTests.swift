import Foundation
import Testing

/// Every malformed file of Datasets/bad-input, imported together with a valid file into a store
/// holding Datasets/bad-input/base: the message is asserted verbatim, the exit code is 1, nothing
/// is printed on stdout, and the store dump is unchanged (the valid file rolled back too).
@Suite struct BadInputTests {
    static let cases: [(file: String, message: String)] = [
        ("after_extract_date.csv", "after_extract_date.csv:2: field 'decided_on' must be on or before the extract date 2024-06-30; got '2024-07-01'"),
        ("bad_event_id.csv", "bad_event_id.csv:2: field 'event_id' must be 1 to 64 characters from A-Z a-z 0-9 . _ : -; got 'P 9'"),
        ("chinese_date.csv", "chinese_date.csv:2: field 'decided_on' must be an ISO date YYYY-MM-DD; got '2023年5月1日'"),
        ("domain_not_of_enterprise.csv", "domain_not_of_enterprise.csv:2: field 'domain' must be one of the enterprise's domains (drug, food); got 'cosmetic'"),
        ("draw_one_inspector.csv", "draw_one_inspector.csv:2: field 'inspector_ids' must be at least 2 inspectors for a random draw (Art. 42 of 行政处罚法); got 'I001'"),
        ("draw_without_id.csv", "draw_without_id.csv:2: field 'draw_id' must be non-empty when origin is 'random_draw'; got ''"),
        ("duplicate_enterprise_id.csv", "duplicate_enterprise_id.csv:3: field 'enterprise_id' must be unique within enterprises.csv (it appears on an earlier line); got '93350104N12345679D'"),
        ("empty.csv", "empty.csv: file is empty; expected a header row"),
        ("enforcement_without_cert.csv", "enforcement_without_cert.csv:2: field 'cert_no' must be non-empty for role 'enforcement'; got ''"),
        ("event_id_changed_content.csv", "event_id_changed_content.csv:2: field 'event_id' must not repeat a stored event with different content; got 'P-1', already in penalties with fine_fen: stored '500000', new '600000'"),
        ("excel_serial_date.csv", "excel_serial_date.csv:2: field 'decided_on' must be an ISO date YYYY-MM-DD; got '45047'"),
        ("exit_without_reason.csv", "exit_without_reason.csv:2: field 'exit_reason' must be one of remedied, credit_repair, expired, decision_revoked, entity_cancelled when exited_on is set; got ''"),
        ("fail_without_class.csv", "fail_without_class.csv:2: field 'fail_class' must be one of safety, quality, labelling when result is 'fail'; got ''"),
        ("findings_without_severity.csv", "findings_without_severity.csv:2: field 'max_severity' must be minor, general or serious when findings_count is 3; got 'none'"),
        ("fine_kind_without_amount.csv", "fine_kind_without_amount.csv:2: field 'fine_cny' must be greater than 0 when kinds include 'fine'; got '0'"),
        ("fine_without_fine_kind.csv", "fine_without_fine_kind.csv:2: field 'fine_cny' must be 0 when kinds do not include 'fine'; got '5000'"),
        ("fullwidth_digits.csv", "fullwidth_digits.csv:2: field 'enterprise_id' must be a unified social credit code of 18 characters from 0-9 A-H J-N P-R T U W-Y; got '９１350100M00010006A' with '９' at position 1 (full-width characters and I, O, S, V, Z never occur)"),
        ("gb18030_without_flag.csv", "gb18030_without_flag.csv:2: bytes are not valid UTF-8; if the file is GB18030/GBK (common in government exports), pass --encoding gb18030"),
        ("heavy_not_yes_no.csv", "heavy_not_yes_no.csv:2: field 'heavy' must be yes or no; got 'Y'"),
        ("impossible_date.csv", "impossible_date.csv:2: field 'decided_on' must be a date that exists in the calendar (YYYY-MM-DD); got '2023-02-29'"),
        ("missing_column.csv", "missing_column.csv:1: missing column 'heavy' for penalties.csv; its columns are event_id, enterprise_id, domain, recorded_on, decided_on, decision_no, procedure, kinds, fine_cny, confiscated_cny, heavy, publicity_ended_on"),
        ("overlapping_spells.csv", "overlapping_spells.csv:2: field 'entered_on' must be outside every other spell of 92350103L000000111 on the abnormal_operation list (event A-2: 2023-07-05–open); got '2023-08-01'"),
        ("reason_not_of_list.csv", "reason_not_of_list.csv:2: field 'reason' must be one of heavy_penalty, abnormal_3y, other for list 'serious_dishonesty'; got 'unreachable'"),
        ("registered_before_1949.csv", "registered_before_1949.csv:2: field 'registered_on' must be on or after 1949-10-01; got '1949-09-30'"),
        ("slash_date.csv", "slash_date.csv:2: field 'decided_on' must be an ISO date YYYY-MM-DD; got '2023/5/1'"),
        ("status_date_missing.csv", "status_date_missing.csv:2: field 'status_changed_on' must be a date when status is 'revoked'; got ''"),
        ("summary_fine_5000.csv", "summary_fine_5000.csv:2: field 'fine_cny' must be at most 3000 under the summary procedure (Art. 51 of 行政处罚法); got '5000'"),
        ("thousands_separator.csv", "thousands_separator.csv:2: field 'fine_cny' must be an amount in CNY ≥ 0 with at most 2 decimals and no separators or units (e.g. 1000 or 1000.50); got '1,000'"),
        ("three_decimals.csv", "three_decimals.csv:2: field 'fine_cny' must be an amount in CNY ≥ 0 with at most 2 decimals and no separators or units (e.g. 1000 or 1000.50); got '10.005'"),
        ("truncated_last_line.csv", "truncated_last_line.csv:3: quoted field starting here is never closed (the file ends inside quotes; is the last line truncated?)"),
        ("unknown_column.csv", "unknown_column.csv:1: unknown column 'remark' for penalties.csv; its columns are event_id, enterprise_id, domain, recorded_on, decided_on, decision_no, procedure, kinds, fine_cny, confiscated_cny, heavy, publicity_ended_on"),
        ("unknown_enterprise.csv", "unknown_enterprise.csv:2: field 'enterprise_id' must be an enterprise in the store or in enterprises.csv of the same import; got '91350100MA00000155'"),
        ("unknown_header.csv", "unknown_header.csv:1: header does not match any import file (uscc_exceptions.csv, enterprises.csv, inspectors.csv, licences.csv, penalties.csv, sampling_tests.csv, inspections.csv, complaints.csv, list_entries.csv, conflicts.csv); see DOMAIN.md §4 for their columns"),
        ("unknown_inspector.csv", "unknown_inspector.csv:2: field 'inspector_ids' must be a ;-joined set of inspectors in the store or in inspectors.csv of the same import (unknown: I999); got 'I001;I999'"),
        ("unknown_kind.csv", "unknown_kind.csv:2: field 'kinds' must be a ;-joined set of warning, circulated_criticism, fine, confiscation, licence_suspension, qualification_downgrade, licence_revocation, business_restriction, production_halt, closure, employment_restriction, other; got 'fines'"),
        ("utf16.csv", "utf16.csv:1: file is UTF-16; save it as UTF-8 (or GB18030 and pass --encoding gb18030)"),
        ("wan_unit.csv", "wan_unit.csv:2: field 'fine_cny' must be an amount in CNY ≥ 0 with at most 2 decimals and no separators or units (e.g. 1000 or 1000.50); got '1万'"),
        ("wrong_check_character.csv", "wrong_check_character.csv:2: field 'enterprise_id' must be a unified social credit code with a valid check character; got '91350100M00010006B': position 18 is 'B', the GB 32100-2015 check gives 'A' (list lawful legacy codes in uscc_exceptions.csv)"),
        ("yuan_sign.csv", "yuan_sign.csv:2: field 'fine_cny' must be an amount in CNY ≥ 0 with at most 2 decimals and no separators or units (e.g. 1000 or 1000.50); got '¥500'"),
    ]

    @Test(arguments: cases)
    func rejectedWithExactMessageAndStoreUnchanged(file: String, message: String) throws {
        let store = try CLIHarness.baseStore()
        let before = try CLIHarness.dump(store)
        let result = try CLIHarness.run([
            "import", "--store", store, "--extract-date", "2024-06-30",
            CLIHarness.badInput.appendingPathComponent("extra/complaints_new.csv").path,
            CLIHarness.badInput.appendingPathComponent(file).path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr == "error: \(message)\n")
        #expect(result.stdout.isEmpty)
        #expect(try CLIHarness.dump(store) == before)
    }

    /// Every malformed file in the folder has a case above (a new file cannot go untested).
    @Test func everyCorpusFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLIHarness.badInput.path).filter { $0.hasSuffix(".csv") }
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }
}
