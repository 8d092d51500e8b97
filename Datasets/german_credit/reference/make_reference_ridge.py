#!/usr/bin/env python3
# Run from the repo root (after make_reference.R):
#   python3 Datasets/german_credit/reference/make_reference_ridge.py
# scikit-learn L2 (ridge) logistic references for the german_credit_factors model at
# lambda = 1 and 10 (lambda = 1/C, penalty 0.5*lambda*||beta||^2 on the raw dummy-coded design,
# intercept unpenalised). The design is built like R's model.matrix (byte-order levels,
# reference first; column names checked against the R reference's terms).
import json
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import ridge_reference

OUT = "Datasets/german_credit/reference"
r = json.load(open(f"{OUT}/german_credit_factors.r.json"))
terms = [t.strip() for t in r["r_formula"].split("~")[1].split("+")]
factors = {f["column"]: f["reference"] for f in r["factors"]}
for lam in (1.0, 10.0):
    out = ridge_reference("german_credit_factors", r["csv"], r["formula"], "bad", terms, OUT, lam,
                          factors=factors)
    assert [c["term"] for c in out["coefficients"]] == [c["term"] for c in r["coefficients"]]
