#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/german_credit/reference/make_reference_tiers.py
# Tier table references for issue 4 on validation_scores.csv (German credit: outcome y and the
# full-model glm probability p): per tier A-D the count, events, observed event rate, its 95%
# Wilson interval from statsmodels proportion_confint(method="wilson", alpha=0.05), and the
# share of all events captured, for
#   (1) fixed cut points 0.1 / 0.3 / 0.6 (A < 0.1 <= B < 0.3 <= C < 0.6 <= D), and
#   (2) cut points from target shares A,B,C,D = 0.4,0.3,0.2,0.1 by the rule documented in
#       RiskTier's CutPoints(shares:of:): sorted scores s, k = round(n * cumulative share),
#       cut = midpoint of s[k-1] and s[k] (the tied value when equal), re-implemented here;
#       the resulting tier counts are also checked against pandas' rank-based assignment.
# Deterministic. Output: tiers.json beside this script.
import json
import numpy as np, pandas as pd, statsmodels
from statsmodels.stats.proportion import proportion_confint

REF = "Datasets/german_credit/reference"
s = pd.read_csv(f"{REF}/validation_scores.csv")
p, y = s["p"].to_numpy(), s["y"].to_numpy()

def table(cuts):
    tier = np.searchsorted(np.array(cuts), p, side="right")  # p >= cut goes to the higher tier
    rows = []
    for t, name in enumerate("ABCD"):
        m = tier == t
        n, e = int(m.sum()), int(y[m].sum())
        lo, hi = proportion_confint(e, n, alpha=0.05, method="wilson") if n else (float("nan"), float("nan"))
        rows.append({"tier": name, "count": n, "events": e, "rate": e / n if n else None,
                     "wilson_lower": float(lo), "wilson_upper": float(hi), "capture": e / int(y.sum()),
                     "mean_p": float(p[m].mean()) if n else None})
    return rows

def share_cuts(shares):
    srt = np.sort(p)
    n = len(srt)
    cuts = []
    for c in np.cumsum(shares)[:3]:
        k = int(np.floor(n * c + 0.5))  # round half away from zero for positive values (Swift's .rounded())
        if k == 0: cuts.append(float(srt[0]))
        elif k == n: cuts.append(float(np.nextafter(srt[-1], 1)))
        elif srt[k - 1] == srt[k]: cuts.append(float(srt[k]))
        else: cuts.append(float(srt[k - 1] + (srt[k] - srt[k - 1]) / 2))
    return cuts

shares = [0.4, 0.3, 0.2, 0.1]
cuts = share_cuts(shares)
shares_table = table(cuts)
ranks = pd.Series(p).rank(method="first").to_numpy()  # distinct scores: rank order = sorted order
expected_counts = np.diff(np.concatenate([[0], np.floor(len(p) * np.cumsum(shares)[:3] + 0.5), [len(p)]])).astype(int)
assert len(set(p)) == len(p) and [r["count"] for r in shares_table] == list(expected_counts), (shares_table, expected_counts)
out = {"source": f"statsmodels {statsmodels.__version__} proportion_confint(method='wilson', alpha=0.05); numpy/pandas counts",
       "scores_csv": f"{REF}/validation_scores.csv",
       "fixed": {"cut_points": [0.1, 0.3, 0.6], "rows": table([0.1, 0.3, 0.6])},
       "shares": {"shares": shares, "cut_points": cuts, "rows": shares_table}}
with open(f"{REF}/tiers.json", "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=2)
    fh.write("\n")
print(json.dumps(out, indent=1)[:1500])
