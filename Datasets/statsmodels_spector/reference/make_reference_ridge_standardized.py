#!/usr/bin/env python3
# Run from the repo root:
#   python3 Datasets/statsmodels_spector/reference/make_reference_ridge_standardized.py
# scikit-learn L2 logistic reference with the penalty on the STANDARDISED scale (issue 4,
# `risktier fit --ridge 1 --ridge-scale standardized`): columns centred and divided by their
# population SD (StandardScaler, ddof = 0), LogisticRegression(l1_ratio=0, C=1/lambda), then the
# coefficients mapped back to the raw columns: b_j = g_j / s_j, b_0 = g_0 - sum_j g_j m_j / s_j.
# Writes spector.ridge_standardized_1.json. Deterministic.
import json
import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

OUT = "Datasets/statsmodels_spector/reference"
d = np.genfromtxt("Datasets/statsmodels_spector/spector.csv", delimiter=",", names=True)
X = np.column_stack([d["GPA"], d["TUCE"], d["PSI"]])
y = d["GRADE"]
lam = 1.0
scaler = StandardScaler().fit(X)
clf = LogisticRegression(l1_ratio=0.0, C=1.0 / lam, solver="newton-cholesky", tol=1e-12, max_iter=10000)
clf.fit(scaler.transform(X), y)
g = clf.coef_[0]
b = g / scaler.scale_
b0 = clf.intercept_[0] - float(np.sum(g * scaler.mean_ / scaler.scale_))
out = {
    "case": "spector",
    "source": f"scikit-learn {sklearn.__version__} StandardScaler + LogisticRegression(l1_ratio=0, C=1/lambda, "
              "solver='newton-cholesky', tol=1e-12, max_iter=10000), coefficients mapped back to the raw columns",
    "csv": "Datasets/statsmodels_spector/spector.csv",
    "formula": "GRADE ~ GPA + TUCE + PSI",
    "lambda": lam, "C": 1.0 / lam, "penalty_scale": "standardized",
    "column_mean": scaler.mean_.tolist(), "column_sd_ddof0": scaler.scale_.tolist(),
    "coefficients": [{"term": t, "estimate": float(v)} for t, v in
                     zip(["(Intercept)", "GPA", "TUCE", "PSI"], [b0, *b])],
}
with open(f"{OUT}/spector.ridge_standardized_1.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
