# Run from the repo root:  Rscript Datasets/statsmodels_lbw/reference/make_reference.R
# Writes lbw.r.json (race reference "white", as in statsmodels' test_glm.py lbw model
# "low ~ age + lwt + race_black + race_other + smoke + ptl + ht + ui") and lbw_default_ref.r.json
# (same model with race a bare factor: reference = byte-order-first level "black").
source("Datasets/tools/glm_reference_lib.R")
outdir <- "Datasets/statsmodels_lbw/reference"
csv <- "Datasets/statsmodels_lbw/lbw.csv"
d0 <- read_case_csv(csv)
rhs <- "age + lwt + race + smoke + ptl + ht + ui"

d <- make_factor(d0, "race", "white")
attr(d, "text") <- attr(d0, "text")
run_case("lbw", csv, d,
         formula = "low ~ age + lwt + factor(race, ref = \"white\") + smoke + ptl + ht + ui",
         r_formula = paste("low ~", rhs), outdir = outdir,
         factors = factor_info(d, "race", list(race = "white")),
         notes = "Model of statsmodels' test_glm.py (lbw score-test example): race dummies black and other against white. ftv and bwt are not used (bwt defines low).")

d <- make_factor(d0, "race")
attr(d, "text") <- attr(d0, "text")
run_case("lbw_default_ref", csv, d,
         formula = "low ~ age + lwt + race + smoke + ptl + ht + ui",
         r_formula = paste("low ~", rhs), outdir = outdir,
         factors = factor_info(d, "race", list()),
         notes = "race is a bare non-numeric column: factor with byte-order levels black < other < white, reference black.")
