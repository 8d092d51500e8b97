#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/statsmodels_spector/reference/make_reference_statsmodels.py
# (after make_reference.R). statsmodels GLM cross-check; writes <case>.statsmodels.json.
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import run_case

OUT = "Datasets/statsmodels_spector/reference"
run_case("spector", "Datasets/statsmodels_spector/spector.csv", "GRADE", ["GPA", "TUCE", "PSI"], OUT)
run_case("spector_offset", "Datasets/statsmodels_spector/spector_offset.csv", "GRADE",
         ["GPA", "TUCE", "PSI"], OUT, offset="off")
