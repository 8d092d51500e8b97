#!/usr/bin/env python3
"""Recomputes a monthly run's input digest (run.json `input_sha256`) from a store with SQL alone, as
README.md describes it: python3 Datasets/tools/input_digest.py STORE.sqlite. Its output for the
bundled city's demo store is Datasets/synthetic-city/reference/input_digest.txt, which
DemoCLITests checks against the demo's run.json; also checked against `risktier score` on the
10^5 synthetic city (session 9). The tables, columns and conditions mirror
`Store.featureInputTables`, `featureInputColumns` and `featureInputConditions`."""
import sqlite3, hashlib, struct, sys
db = sqlite3.connect(sys.argv[1])
tables = [("enterprises", "enterprise_id,domains,registered_on,status,status_changed_on", None),
 ("licences", "enterprise_id,domain,recorded_on,issued_on,status,status_changed_on", "status IN ('revoked', 'expired')"),
 ("penalties", "enterprise_id,domain,recorded_on,decided_on,procedure,fine_fen,heavy,publicity_ended_on,severity", None),
 ("sampling_tests", "enterprise_id,domain,recorded_on,sampled_on,result,fail_class,final", None),
 ("inspections", "enterprise_id,domain,recorded_on,inspected_on,origin,draw_id,findings_count,max_severity", None),
 ("complaints", "enterprise_id,domain,recorded_on,received_on,substantiated", None),
 ("list_entries", "enterprise_id,domain,recorded_on,list,entered_on,exited_on", None)]
h = hashlib.sha256()
for t, cols, cond in tables:
    h.update(f"## {t} {cols}{' WHERE ' + cond if cond else ''}\n".encode())
    buf = bytearray()
    for row in db.execute(f"SELECT {cols.replace(',', ', ')} FROM {t}" + (f" WHERE {cond}" if cond else "")):
        for v in row:
            if v is None: buf += b"\0"
            elif isinstance(v, int): buf += b"\1" + struct.pack("<q", v)
            elif isinstance(v, float): buf += b"\2" + struct.pack("<d", v)
            elif isinstance(v, str): b = v.encode(); buf += b"\3" + struct.pack("<I", len(b)) + b
            else: buf += b"\4" + struct.pack("<I", len(v)) + v
        if len(buf) > 1 << 20: h.update(buf); buf = bytearray()
    h.update(buf)
print(h.hexdigest())
