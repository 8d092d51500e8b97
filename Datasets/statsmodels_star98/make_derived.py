#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/statsmodels_star98/make_derived.py
# Reads Datasets/statsmodels_star98/star98.csv and writes star98_prop.csv: all original columns
# kept as text, plus
#   prop = PR50M / MATHTOT   (share of students above the national median; the grouped-binomial
#                             response, to be used with weights = MATHTOT trials)
# written with Python repr (shortest text that round-trips to the same IEEE double), so R and
# any other reader parse exactly the double that was computed. Deterministic.
import csv

SRC = "Datasets/statsmodels_star98/star98.csv"
DST = "Datasets/statsmodels_star98/star98_prop.csv"

with open(SRC, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, data = rows[0], rows[1:]
col = {name: k for k, name in enumerate(header)}
out = [header + ["prop"]]
for r in data:
    s = float(r[col["PR50M"]])
    n = float(r[col["MATHTOT"]])
    assert 0 <= s <= n and n > 0
    out.append(r + [repr(s / n)])
with open(DST, "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(out)
print(f"wrote {DST}: {len(out) - 1} rows, {len(out[0])} columns")
