"""Writes a seeded city in the import formats of DOMAIN.md §4 for the import benchmark.

Usage: python3 make_import_city.py N_ENTERPRISES OUT_DIR [SEED]
Rates per enterprise (over five years): licences 0.5, penalties 1, sampling tests 2,
inspections 3, complaints 1, list spells ≤ 1. About 8.5 events per enterprise, so N = 1e5 gives
≈ 850k event rows. Only the shape matters here (the realistic city is `risktier synth`).
"""
import os
import random
import sys

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
DOMAINS = ["food", "drug", "medical_device", "cosmetic", "special_equipment", "industrial_product"]


OW = [3, 7, 9, 10, 5, 8, 4, 2]


def org_check(first8):
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(first8, OW))
    c = 11 - s % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def code(i):
    stem = "MA" + f"{i:06d}"
    body = "91350100" + stem + org_check(stem)
    s = sum(CHARSET.index(c) * w for c, w in zip(body, W))
    return body + CHARSET[(31 - s % 31) % 31]


def day(rng, start=2019, end=2023):
    return f"{rng.randint(start, end)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(out, exist_ok=True)
    f = {k: open(os.path.join(out, k + ".csv"), "w", encoding="utf-8") for k in
         ["enterprises", "inspectors", "licences", "penalties", "sampling_tests", "inspections", "complaints", "list_entries"]}
    f["enterprises"].write("enterprise_id,name,domains,district,registered_on,status,status_changed_on,bureau_id\n")
    f["inspectors"].write("inspector_id,name,bureau_id,district,domains,role,cert_no,cert_valid_until,capacity,active\n")
    f["licences"].write("event_id,enterprise_id,domain,recorded_on,licence_id,licence_type,issued_on,expires_on,status,status_changed_on\n")
    f["penalties"].write("event_id,enterprise_id,domain,recorded_on,decided_on,decision_no,procedure,kinds,fine_cny,confiscated_cny,heavy,publicity_ended_on\n")
    f["sampling_tests"].write("event_id,enterprise_id,domain,recorded_on,sampled_on,product_category,stage,result,fail_class,final\n")
    f["inspections"].write("event_id,enterprise_id,domain,recorded_on,inspected_on,origin,draw_id,findings_count,max_severity,outcome,inspector_ids\n")
    f["complaints"].write("event_id,enterprise_id,domain,recorded_on,received_on,substantiated,category\n")
    f["list_entries"].write("event_id,enterprise_id,domain,recorded_on,list,entered_on,reason,exited_on,exit_reason\n")
    inspectors = [f"I{i:04d}" for i in range(200)]
    for i in inspectors:
        f["inspectors"].write(f"{i},检查员{i},FZ,350100,{';'.join(sorted(DOMAINS))},enforcement,C{i},2030-12-31,20,yes\n")
    ev = 0
    for i in range(n):
        e = code(i)
        doms = sorted(rng.sample(DOMAINS, 1 if rng.random() < 0.8 else 2))
        f["enterprises"].write(f"{e},企业{i}有限公司,{';'.join(doms)},350100,{day(rng, 2000, 2018)},active,,FZ\n")
        d = doms[0]
        for _ in range(rng.choice([0, 1]) if rng.random() < 0.5 else 0):
            ev += 1
            f["licences"].write(f"L{ev},{e},{d},,LIC{ev},food_production,2019-01-01,2029-01-01,valid,\n")
        for _ in range(rng.randint(0, 2)):
            ev += 1
            f["penalties"].write(f"P{ev},{e},{d},,{day(rng)},\"罚〔2023〕{ev}号\",ordinary,warning;fine,{rng.randint(1, 50000)}.50,0,no,\n")
        for _ in range(rng.randint(0, 4)):
            ev += 1
            fail = rng.random() < 0.07
            f["sampling_tests"].write(f"S{ev},{e},{d},,{day(rng)},cat.{rng.randint(1, 40)},distribution,{'fail,quality' if fail else 'pass,'},yes\n")
        for _ in range(rng.randint(0, 6)):
            ev += 1
            a, b = rng.sample(inspectors, 2)
            k = rng.choice([0, 0, 0, 1, 3])
            sev = "none" if k == 0 else rng.choice(["minor", "general", "serious"])
            f["inspections"].write(f"N{ev},{e},{d},,{day(rng)},random_draw,D{rng.randint(1, 20)},{k},{sev},{'no_problem' if k == 0 else 'corrected'},{a};{b}\n")
        for _ in range(rng.randint(0, 2)):
            ev += 1
            f["complaints"].write(f"C{ev},{e},{d},,{day(rng)},{rng.choice(['yes', 'no', 'pending'])},质量\n")
        if rng.random() < 0.1:
            ev += 1
            f["list_entries"].write(f"A{ev},{e},{d},,abnormal_operation,2020-07-01,annual_report_missing,2021-01-01,remedied\n")
    for h in f.values():
        h.close()


main()
