#!/usr/bin/env python3
# Run from the repo root (after make_reference_validation.R):
#   python3 Datasets/german_credit/reference/make_reference_validation.py
# Writes validation.json (sklearn AUC/Gini/KS/Brier/log loss, numpy PSI, plus the R part).
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import validation_reference

validation_reference("Datasets/german_credit/reference/validation_scores.csv",
                     "Datasets/german_credit/reference",
                     "y = bad, p = fitted probabilities of german_credit_factors (R glm); p_baseline = "
                     "fitted probabilities of the unweighted small model bad ~ duration_in_month + "
                     "credit_amount + age_in_years + status_of_existing_checking_account (PSI baseline)")
