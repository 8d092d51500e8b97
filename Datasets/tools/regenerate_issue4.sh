#!/usr/bin/env bash
# Run from the repo root, after regenerate_issue3.sh:  bash Datasets/tools/regenerate_issue4.sh
# Rebuilds the Firth (brglm2 + firthmodels profile CIs + independent R profile check), ridge
# (scikit-learn) and validation-statistics (scikit-learn, numpy, R pROC) references.
# Needs: R with jsonlite, brglm2, pROC (Debian r-cran-jsonlite r-cran-brglm2 r-cran-proc);
# Python 3 with numpy, scipy, scikit-learn, statsmodels, firthmodels==0.8.2 (PyPI).
# The German credit profile CIs take ~5 min (firthmodels) + ~45 min wall time (R check) on a loaded 2-core machine.
set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8
Rscript Datasets/toy_designs/reference/make_reference_firth.R
Rscript Datasets/german_credit/reference/make_reference_firth.R
Rscript Datasets/taiwan_credit_default_sample/reference/make_reference.R
python3 Datasets/toy_designs/reference/make_reference_firth_profile.py
python3 Datasets/taiwan_credit_default_sample/reference/make_reference_firth_profile.py
python3 Datasets/german_credit/reference/make_reference_firth_profile.py
Rscript Datasets/tools/check_firth_profile_ci.R
python3 Datasets/statsmodels_spector/reference/make_reference_ridge.py
python3 Datasets/german_credit/reference/make_reference_ridge.py
Rscript Datasets/german_credit/reference/make_reference_validation.R
python3 Datasets/german_credit/reference/make_reference_validation.py
Rscript Datasets/statsmodels_spector/reference/make_reference_validation.R
python3 Datasets/statsmodels_spector/reference/make_reference_validation.py
# Issue 4, items 4–5: tier table (statsmodels Wilson) and cross-validation / time split
# (scikit-learn, same committed folds); writes validation_split.csv, validation_cv.json, tiers.json.
python3 Datasets/german_credit/reference/make_reference_cv.py
python3 Datasets/german_credit/reference/make_reference_tiers.py
