#!/usr/bin/env python3
# Run from the repo root (after make_reference_firth.R):
#   python3 Datasets/german_credit/reference/make_reference_firth_profile.py
# firthmodels cross-check of the brglm2 Firth fit and 95% profile penalised-likelihood CIs;
# writes german_credit_factors.firthmodels.json and adds profile_ci to
# german_credit_factors.firth.json. Deterministic.
import json
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import firth_profile

OUT = "Datasets/german_credit/reference"
r = json.load(open(f"{OUT}/german_credit_factors.r.json"))
terms = r["r_formula"].split("~")[1].split("+")
terms = [t.strip() for t in terms]
factors = {f["column"]: f["reference"] for f in r["factors"]}
firth_profile("german_credit_factors", "Datasets/german_credit/german_credit_bad.csv", "bad", terms,
              OUT, factors=factors)
