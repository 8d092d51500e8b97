#!/usr/bin/env python3
# Run from the repo root (after make_reference.R):
#   python3 Datasets/taiwan_credit_default_sample/reference/make_reference_firth_profile.py
# firthmodels cross-check of the brglm2 Firth fit and 95% profile penalised-likelihood CIs;
# writes taiwan_credit_factors.firthmodels.json and adds profile_ci to
# taiwan_credit_factors.firth.json. Deterministic.
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import firth_profile

firth_profile("taiwan_credit_factors", "Datasets/taiwan_credit_default_sample/uci_credit_card_sample.csv",
              "default", ["EDUCATION", "MARRIAGE", "LIMIT_BAL", "BILL_AMT1"],
              "Datasets/taiwan_credit_default_sample/reference",
              factors={"EDUCATION": "1", "MARRIAGE": "1"})
