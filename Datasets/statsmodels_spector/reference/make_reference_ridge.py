#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/statsmodels_spector/reference/make_reference_ridge.py
# scikit-learn L2 (ridge) logistic references for GRADE ~ GPA + TUCE + PSI at lambda = 1 and 10
# (lambda = 1/C, penalty 0.5*lambda*||beta||^2 on the raw scale, intercept unpenalised).
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import ridge_reference

for lam in (1.0, 10.0):
    ridge_reference("spector", "Datasets/statsmodels_spector/spector.csv", "GRADE ~ GPA + TUCE + PSI",
                    "GRADE", ["GPA", "TUCE", "PSI"], "Datasets/statsmodels_spector/reference", lam)
