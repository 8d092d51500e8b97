"""Writes the malformed-input corpus of Datasets/bad-input (run from this folder: python3 make_corpus.py).

base/   a small valid export (extract date 2024-06-30) that tests import first;
extra/  a valid file imported together with each bad file, to show that its rows roll back too;
*.csv   one malformed file per rule of DOMAIN.md §4 (the name says which). The expected message
        of each is asserted verbatim in Tests/ImportCLITests/BadInputTests.swift.
"""
import os

E1, E2, E3, E4 = "91350100M00010006A", "91350102MA2Y3K4LX1", "92350103L000000111", "93350104N12345679D"
LEGACY = "91350100M0001TGQXM"  # DOMAIN.md §1.1: lawful pilot code that fails the check
UNKNOWN = "91350100MA00000155"  # valid code, not in enterprises.csv

ENT_H = "enterprise_id,name,domains,district,registered_on,status,status_changed_on,bureau_id"
ENT = [
    f"{E1},福州示例食品有限公司,food;drug,350100,2015-03-02,active,,FZ-SAMR",
    f'{E2},"鼓楼区某某药房, 连锁",drug,350102,2018-07-15,active,,FZ-GL',
    f"{E3},台江区小吃店,food,350103,2020-01-10,cancelled,2023-11-30,FZ-TJ",
    f"{E4},仓山区农业合作社,industrial_product,350104,2019-05-20,active,,FZ-CS",
    f"{LEGACY},早期试点企业,cosmetic,350100,2014-10-01,active,,FZ-SAMR",
]
INS_H = "inspector_id,name,bureau_id,district,domains,role,cert_no,cert_valid_until,capacity,active"
INS = [
    "I001,张三,FZ-SAMR,350100,food;drug,enforcement,35010012345,2026-12-31,5,yes",
    "I002,李四,FZ-SAMR,350100,food,enforcement,35010012346,2026-12-31,5,yes",
    "E001,王五,FZ-SAMR,350100,drug,expert,,,2,yes",
]
LIC_H = "event_id,enterprise_id,domain,recorded_on,licence_id,licence_type,issued_on,expires_on,status,status_changed_on"
LIC = [f"L-1,{E1},food,2020-03-05,JY13501000001,food_production,2020-03-01,2025-02-28,valid,"]
PEN_H = "event_id,enterprise_id,domain,recorded_on,decided_on,decision_no,procedure,kinds,fine_cny,confiscated_cny,heavy,publicity_ended_on"
PEN = [
    f"P-1,{E1},food,2023-05-10,2023-05-08,榕市监罚〔2023〕12号,ordinary,warning;fine,5000,0,no,",
    f"P-2,{E2},drug,2022-01-11,2022-01-10,榕鼓市监简〔2022〕3号,summary,fine,200.50,0,no,",
]
SAM_H = "event_id,enterprise_id,domain,recorded_on,sampled_on,product_category,stage,result,fail_class,final"
SAM = [
    f"S-1,{E1},food,2023-08-02,2023-08-01,dairy.liquid_milk,distribution,fail,safety,yes",
    f"S-2,{E1},food,,2023-09-01,dairy.liquid_milk,distribution,pass,,yes",
]
INSP_H = "event_id,enterprise_id,domain,recorded_on,inspected_on,origin,draw_id,findings_count,max_severity,outcome,inspector_ids"
INSP = [
    f"N-1,{E1},food,2023-06-02,2023-06-01,random_draw,D-2023-06,2,serious,corrected,I001;I002",
    f"N-2,{E2},drug,2023-07-02,2023-07-01,complaint,,0,none,no_problem,I001",
]
COM_H = "event_id,enterprise_id,domain,recorded_on,received_on,substantiated,category"
COM = [f"C-1,{E2},drug,2023-06-20,2023-06-18,yes,售卖过期药品"]
LST_H = "event_id,enterprise_id,domain,recorded_on,list,entered_on,reason,exited_on,exit_reason"
LST = [
    f"A-1,{E3},food,2021-07-10,abnormal_operation,2021-07-05,annual_report_missing,2022-03-01,remedied",
    f"A-2,{E3},food,2023-07-10,abnormal_operation,2023-07-05,annual_report_missing,,",
]
CON_H = "inspector_id,enterprise_id,reason,declared_on,valid_until"
CON = [f"I001,{E2},kinship,2023-01-01,"]


def text(header, rows, newline="\n"):
    return (newline.join([header] + rows) + newline).encode("utf-8")


def write(path, data):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


write("base/uscc_exceptions.csv", text("enterprise_id", [LEGACY]))
write("base/enterprises.csv", text(ENT_H, ENT, "\r\n"))  # CRLF, as Excel writes
write("base/inspectors.csv", b"\xef\xbb\xbf" + text(INS_H, INS))  # with a UTF-8 BOM
write("base/licences.csv", text(LIC_H, LIC))
write("base/penalties.csv", text(PEN_H, PEN))
write("base/sampling_tests.csv", text(SAM_H, SAM))
write("base/inspections.csv", text(INSP_H, INSP))
write("base/complaints.csv", text(COM_H, COM))
write("base/list_entries.csv", text(LST_H, LST))
write("base/conflicts.csv", text(CON_H, CON))
write("extra/complaints_new.csv", text(COM_H, [f"C-2,{E1},food,2024-01-03,2024-01-02,no,标签不清"]))

P = PEN[0].split(",")  # a valid penalty row to mutate


def pen(**changes):
    cols = PEN_H.split(",")
    row = dict(zip(cols, ["P-9"] + P[1:]))
    row.update(changes)
    return ",".join(row[c] for c in cols)


cases = {
    "wrong_check_character.csv": text(ENT_H, [ENT[0].replace(E1, E1[:-1] + "B")]),
    "fullwidth_digits.csv": text(ENT_H, ["９１" + ENT[0][2:]]),
    "lowercase_and_district_warning.csv": None,  # placeholder removed below (warnings are tested elsewhere)
    "slash_date.csv": text(PEN_H, [pen(decided_on="2023/5/1")]),
    "chinese_date.csv": text(PEN_H, [pen(decided_on="2023年5月1日")]),
    "excel_serial_date.csv": text(PEN_H, [pen(decided_on="45047")]),
    "impossible_date.csv": text(PEN_H, [pen(decided_on="2023-02-29")]),
    "after_extract_date.csv": text(PEN_H, [pen(decided_on="2024-07-01", recorded_on="")]),
    "thousands_separator.csv": text(PEN_H, [pen(fine_cny='"1,000"')]),
    "wan_unit.csv": text(PEN_H, [pen(fine_cny="1万")]),
    "yuan_sign.csv": text(PEN_H, [pen(fine_cny="¥500")]),
    "three_decimals.csv": text(PEN_H, [pen(fine_cny="10.005")]),
    "unknown_kind.csv": text(PEN_H, [pen(kinds="fines")]),
    "fine_without_fine_kind.csv": text(PEN_H, [pen(kinds="warning")]),
    "fine_kind_without_amount.csv": text(PEN_H, [pen(fine_cny="0")]),
    "summary_fine_5000.csv": text(PEN_H, [pen(procedure="summary", kinds="fine", fine_cny="5000")]),
    "heavy_not_yes_no.csv": text(PEN_H, [pen(heavy="Y")]),
    "missing_column.csv": text(",".join(c for c in PEN_H.split(",") if c != "heavy"), [",".join(v for c, v in zip(PEN_H.split(","), pen().split(",")) if c != "heavy")]),
    "unknown_column.csv": text(PEN_H + ",remark", [pen() + ",x"]),
    "unknown_header.csv": text("foo,bar", ["1,2"]),
    "duplicate_enterprise_id.csv": text(ENT_H, [ENT[3], ENT[3].replace("仓山区农业合作社", "同号不同名")]),
    "unknown_enterprise.csv": text(PEN_H, [pen(enterprise_id=UNKNOWN)]),
    "domain_not_of_enterprise.csv": text(PEN_H, [pen(domain="cosmetic")]),
    "event_id_changed_content.csv": text(PEN_H, [PEN[0].replace(",5000,", ",6000,")]),
    "bad_event_id.csv": text(PEN_H, [pen(event_id="P 9")]),
    "overlapping_spells.csv": text(LST_H, [f"A-3,{E3},food,2023-08-10,abnormal_operation,2023-08-01,unreachable,,"]),
    "reason_not_of_list.csv": text(LST_H, [f"A-4,{E1},food,2023-08-10,serious_dishonesty,2023-08-01,unreachable,,"]),
    "exit_without_reason.csv": text(LST_H, [f"A-5,{E1},food,2023-08-10,abnormal_operation,2023-08-01,unreachable,2023-09-01,"]),
    "fail_without_class.csv": text(SAM_H, [f"S-9,{E1},food,,2023-08-01,dairy.liquid_milk,distribution,fail,,yes"]),
    "draw_without_id.csv": text(INSP_H, [f"N-9,{E1},food,,2023-06-01,random_draw,,0,none,no_problem,I001;I002"]),
    "draw_one_inspector.csv": text(INSP_H, [f"N-9,{E1},food,,2023-06-01,random_draw,D-1,0,none,no_problem,I001"]),
    "findings_without_severity.csv": text(INSP_H, [f"N-9,{E1},food,,2023-06-01,routine,,3,none,corrected,I001"]),
    "unknown_inspector.csv": text(INSP_H, [f"N-9,{E1},food,,2023-06-01,routine,,0,none,no_problem,I001;I999"]),
    "enforcement_without_cert.csv": text(INS_H, ["I009,赵六,FZ-SAMR,350100,food,enforcement,,,5,yes"]),
    "status_date_missing.csv": text(ENT_H, [ENT[3].replace("active,,", "revoked,,")]),
    "registered_before_1949.csv": text(ENT_H, [ENT[3].replace("2019-05-20", "1949-09-30")]),
    "truncated_last_line.csv": text(PEN_H, [PEN[0]]) + f'P-9,{E1},food,,2023-05-08,"榕市监罚'.encode(),
    "utf16.csv": ("\ufeff" + text(ENT_H, ENT[:1]).decode()).encode("utf-16-le"),
    "gb18030_without_flag.csv": text(COM_H, [f"C-9,{E2},drug,,2023-06-18,yes,售卖过期药品"]).decode().encode("gb18030"),
    "empty.csv": b"",
}
del cases["lowercase_and_district_warning.csv"]
for name, data in cases.items():
    write(name, data)
write("gb18030/complaints_gbk.csv", text(COM_H, [f"C-9,{E2},drug,,2023-06-18,yes,售卖过期药品"]).decode().encode("gb18030"))
