#!/usr/bin/env python3
# Run from the repo root (after make_reference_validation.R):
#   python3 Datasets/statsmodels_spector/reference/make_reference_validation.py
# Writes validation.json (sklearn AUC/Gini/KS/Brier/log loss, numpy PSI, plus the R part).
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import validation_reference

validation_reference("Datasets/statsmodels_spector/reference/validation_scores.csv",
                     "Datasets/statsmodels_spector/reference",
                     "y = GRADE, p = fitted probabilities of GRADE ~ GPA + TUCE + PSI (R glm); "
                     "p_baseline = fitted probabilities of GRADE ~ GPA (PSI baseline)")
