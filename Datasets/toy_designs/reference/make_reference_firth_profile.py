#!/usr/bin/env python3
# Run from the repo root (after make_reference_firth.R):
#   python3 Datasets/toy_designs/reference/make_reference_firth_profile.py
# firthmodels cross-check of the brglm2 Firth fits and 95% profile penalised-likelihood CIs;
# writes <case>.firthmodels.json and adds profile_ci to <case>.firth.json. Deterministic.
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import firth_profile

OUT = "Datasets/toy_designs/reference"
firth_profile("separation_complete", "Datasets/toy_designs/separation_complete.csv", "y", ["x"], OUT)
firth_profile("separation_quasi_tie", "Datasets/toy_designs/separation_quasi_tie.csv", "y", ["x"], OUT)
firth_profile("separation_zero_cell", "Datasets/toy_designs/separation_zero_cell.csv", "y",
              ["group", "x"], OUT, factors={"group": None})
