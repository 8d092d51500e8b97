# Run from the repo root:  Rscript Datasets/german_credit/reference/make_reference_firth.R
# Firth (brglm2 AS_mean) fit of the german_credit_factors model; writes
# german_credit_factors.firth.json / .firth.summary.txt. Deterministic.
source("Datasets/tools/glm_reference_lib.R")
csv <- "Datasets/german_credit/german_credit_bad.csv"
outdir <- "Datasets/german_credit/reference"
ml <- fromJSON(file.path(outdir, "german_credit_factors.r.json"), simplifyVector = FALSE)
d0 <- read_case_csv(csv)
d <- d0
for (f in ml$factors) d <- make_factor(d, f$column, f$reference)
attr(d, "text") <- attr(d0, "text")
refs <- setNames(lapply(ml$factors, function(f) f$reference), vapply(ml$factors, function(f) f$column, ""))
run_case("german_credit_factors", csv, d, formula = ml$formula, r_formula = ml$r_formula,
         outdir = outdir, factors = factor_info(d, names(refs), refs),
         method = "brglmFit", type = "AS_mean", suffix = ".firth", notes = FIRTH_NOTE)
