#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/statsmodels_spector/make_derived.py
# Reads Datasets/statsmodels_spector/spector.csv and writes spector_offset.csv: all original
# columns kept as text, plus
#   off = 0.1 * TUCE   (an offset column for the spector_offset case)
# written with Python repr (shortest round-trip text of the double 0.1*TUCE), so every reader
# parses exactly that double. Deterministic.
import csv

SRC = "Datasets/statsmodels_spector/spector.csv"
DST = "Datasets/statsmodels_spector/spector_offset.csv"

with open(SRC, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, data = rows[0], rows[1:]
col = {name: k for k, name in enumerate(header)}
out = [header + ["off"]]
for r in data:
    out.append(r + [repr(0.1 * float(r[col["TUCE"]]))])
with open(DST, "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(out)
print(f"wrote {DST}: {len(out) - 1} rows, {len(out[0])} columns")
