#!/usr/bin/env bash
# Run from the repo root:  bash Datasets/tools/regenerate_issue3.sh
# Rebuilds the derived CSVs and every unpenalised-glm reference (issue 3): R glm first, then the
# statsmodels cross-checks (whose printed differences go to reference/statsmodels_vs_r.txt).
# Needs: R with jsonlite (Debian r-cran-jsonlite); Python 3 with numpy and statsmodels.
# LANG=C.UTF-8 is set because R's summary() prints the significance-code legend with
# typographic quotes in a UTF-8 locale; the committed .summary.txt files were made that way.
set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8
python3 Datasets/german_credit/make_derived.py
python3 Datasets/statsmodels_star98/make_derived.py
python3 Datasets/statsmodels_spector/make_derived.py
for d in german_credit statsmodels_spector statsmodels_lbw statsmodels_star98 toy_designs; do
  Rscript "Datasets/$d/reference/make_reference.R"
  python3 "Datasets/$d/reference/make_reference_statsmodels.py" | tee "Datasets/$d/reference/statsmodels_vs_r.txt"
done
