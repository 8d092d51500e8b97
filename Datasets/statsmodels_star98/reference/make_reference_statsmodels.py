#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/statsmodels_star98/reference/make_reference_statsmodels.py
# (after make_reference.R). statsmodels GLM cross-check with the two-column endog
# (PR50M, MATHTOT - PR50M) exactly as statsmodels' own star98 example; writes
# star98.statsmodels.json.
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import run_case

PREDS = ["LOWINC", "PERASIAN", "PERBLACK", "PERHISP", "PERMINTE", "AVYRSEXP", "AVSALK",
         "PERSPENK", "PTRATIO", "PCTAF", "PCTCHRT", "PCTYRRND", "PERMINTE_AVYRSEXP",
         "PERMINTE_AVSAL", "AVYRSEXP_AVSAL", "PERSPEN_PTRATIO", "PERSPEN_PCTAF",
         "PTRATIO_PCTAF", "PERMINTE_AVYRSEXP_AVSAL", "PERSPEN_PTRATIO_PCTAF"]
run_case("star98", "Datasets/statsmodels_star98/star98_prop.csv", "prop", PREDS,
         "Datasets/statsmodels_star98/reference", counts=("PR50M", "MATHTOT"),
         notes="With the two-column endog statsmodels' llf includes the log binomial "
               "coefficients, like R's logLik. (With prop and var_weights = MATHTOT statsmodels "
               "gives the same estimates but an llf of -110686.32, which matches neither R's "
               "loglik nor loglik_kernel, so that form is not used.)")
