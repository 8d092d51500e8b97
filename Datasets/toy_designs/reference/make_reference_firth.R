# Run from the repo root:  Rscript Datasets/toy_designs/reference/make_reference_firth.R
# Firth (brglm2 AS_mean) fits of the three separated toy designs; writes <case>.firth.json and
# <case>.firth.summary.txt. Profile CIs are added by make_reference_firth_profile.py. Deterministic.
source("Datasets/tools/glm_reference_lib.R")
outdir <- "Datasets/toy_designs/reference"
for (case in c("separation_complete", "separation_quasi_tie")) {
  csv <- sprintf("Datasets/toy_designs/%s.csv", case)
  run_case(case, csv, read_case_csv(csv), formula = "y ~ x", r_formula = "y ~ x", outdir = outdir,
           method = "brglmFit", type = "AS_mean", suffix = ".firth", notes = FIRTH_NOTE)
}
csv <- "Datasets/toy_designs/separation_zero_cell.csv"
d0 <- read_case_csv(csv)
d <- make_factor(d0, "group")
attr(d, "text") <- attr(d0, "text")
run_case("separation_zero_cell", csv, d, formula = "y ~ group + x", r_formula = "y ~ group + x",
         outdir = outdir, factors = factor_info(d, "group", list()),
         method = "brglmFit", type = "AS_mean", suffix = ".firth", notes = FIRTH_NOTE)
