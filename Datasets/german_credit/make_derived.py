#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/german_credit/make_derived.py
# Reads Datasets/german_credit/german_credit.csv (unchanged copy) and writes
# Datasets/german_credit/german_credit_bad.csv: every original column kept as text, exactly as
# it is, plus these derived columns (row index i = 1..1000, data rows in file order):
#   bad                  = 1 if creditability == "bad" else 0
#   duration_x2          = 2 * duration_in_month                (exact linear combination)
#   amount_plus_duration = credit_amount + duration_in_month    (exact linear combination)
#   w                    = 1 + (i - 1) mod 3                    (integer prior weights 1,2,3,1,...)
#   w_frac               = 0.5 + ((i - 1) mod 4) / 4            (fractional weights 0.5,0.75,1,1.25,...)
# All derived values are integers or exact binary fractions, written without rounding.
# Deterministic: no randomness.
import csv

SRC = "Datasets/german_credit/german_credit.csv"
DST = "Datasets/german_credit/german_credit_bad.csv"

with open(SRC, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, data = rows[0], rows[1:]
col = {name: k for k, name in enumerate(header)}
out = [header + ["bad", "duration_x2", "amount_plus_duration", "w", "w_frac"]]
for i, r in enumerate(data, start=1):
    cred = r[col["creditability"]]
    assert cred in ("good", "bad"), cred
    dur = int(r[col["duration_in_month"]])
    amt = int(r[col["credit_amount"]])
    w_frac = 0.5 + ((i - 1) % 4) / 4
    out.append(r + [
        "1" if cred == "bad" else "0",
        str(2 * dur),
        str(amt + dur),
        str(1 + (i - 1) % 3),
        repr(w_frac),
    ])
with open(DST, "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(out)
print(f"wrote {DST}: {len(out) - 1} rows, {len(out[0])} columns")
