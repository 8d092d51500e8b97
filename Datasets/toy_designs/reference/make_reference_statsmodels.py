#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/toy_designs/reference/make_reference_statsmodels.py
# (after make_reference.R). statsmodels GLM cross-check of rank_deficient only (R's aliased x2
# and x4 dropped). The separated designs are not cross-checked: their estimates diverge and
# depend only on where each program stops iterating.
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import run_case

run_case("rank_deficient", "Datasets/toy_designs/rank_deficient.csv", "y", ["x1", "x2", "x3", "x4"],
         "Datasets/toy_designs/reference", drop=("x2", "x4"),
         notes="x2 and x4 dropped as R aliased them.")
