#!/usr/bin/env python3
# Run from the repo root:
#   python3 Datasets/tools/calibration_wilson_reference.py
# For each dataset with validation_r.json (R's hoslem.test decile bins): the 95% Wilson interval
# of each bin's observed event rate from statsmodels' proportion_confint(method='wilson'), and
# the lift/capture table by decile bin (pandas groupby), written to calibration_wilson.json
# beside it. Deterministic.
import json
import pandas as pd
import statsmodels
from statsmodels.stats.proportion import proportion_confint

for ds in ["german_credit", "statsmodels_spector"]:
    ref = f"Datasets/{ds}/reference"
    r = json.load(open(f"{ref}/validation_r.json"))
    bins = r["hosmer_lemeshow"]["bins"]
    rows = []
    for b in bins:
        lo, hi = proportion_confint(b["observed_events"], b["n"], alpha=0.05, method="wilson")
        rows.append({"interval": b["interval"], "n": b["n"], "observed_events": b["observed_events"],
                     "wilson_lower": float(lo), "wilson_upper": float(hi)})
    s = pd.read_csv(f"{ref}/validation_scores.csv")
    breaks = r["hosmer_lemeshow"]["breaks"]
    s["bin"] = pd.cut(s["p"], bins=breaks, include_lowest=True, right=True, labels=False)
    g = s.groupby("bin")["y"].agg(["count", "sum"])
    total = s["y"].sum()
    lift = [{"bin": int(k), "count": int(v["count"]), "events": int(v["sum"]),
             "lift": float((v["sum"] / v["count"]) / (total / len(s))), "capture": float(v["sum"] / total)}
            for k, v in g.iterrows()]
    out = {"source": f"statsmodels {statsmodels.__version__} proportion_confint(method='wilson', alpha=0.05); "
                     f"pandas {pd.__version__} cut/groupby for lift and capture",
           "bins": rows, "lift_by_bin": lift,
           "lift_definition": "lift = bin event rate / overall event rate; capture = bin events / all events"}
    with open(f"{ref}/calibration_wilson.json", "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
