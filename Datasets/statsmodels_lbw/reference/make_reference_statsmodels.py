#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/statsmodels_lbw/reference/make_reference_statsmodels.py
# (after make_reference.R). statsmodels GLM cross-check; writes <case>.statsmodels.json.
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import run_case

OUT = "Datasets/statsmodels_lbw/reference"
CSV = "Datasets/statsmodels_lbw/lbw.csv"
TERMS = ["age", "lwt", "race", "smoke", "ptl", "ht", "ui"]
run_case("lbw", CSV, "low", TERMS, OUT, factors={"race": "white"})
run_case("lbw_default_ref", CSV, "low", TERMS, OUT, factors={"race": None})
