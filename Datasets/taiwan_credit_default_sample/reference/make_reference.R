# Run from the repo root:
#   Rscript Datasets/taiwan_credit_default_sample/reference/make_reference.R
# Writes taiwan_credit_factors.r.json (plain ML glm: quasi-separated, EDUCATION codes 0 and 6
# have no defaults) and taiwan_credit_factors.firth.json (brglm2 AS_mean), with .summary.txt.
# EDUCATION and MARRIAGE are numeric columns made factors of their RAW codes; levels are the CSV
# texts in byte order ("0" < "1" < ... < "6"), reference "1" (graduate school / married, the
# largest documented category). Deterministic.
source("Datasets/tools/glm_reference_lib.R")
csv <- "Datasets/taiwan_credit_default_sample/uci_credit_card_sample.csv"
outdir <- "Datasets/taiwan_credit_default_sample/reference"
d0 <- read_case_csv(csv)
refs <- list(EDUCATION = "1", MARRIAGE = "1")
d <- d0
for (col in names(refs)) d <- make_factor(d, col, refs[[col]])
attr(d, "text") <- attr(d0, "text")
fi <- factor_info(d, names(refs), refs, numeric_source = names(refs))
formula <- "default ~ factor(EDUCATION, ref = \"1\") + factor(MARRIAGE, ref = \"1\") + LIMIT_BAL + BILL_AMT1"
r_formula <- "default ~ EDUCATION + MARRIAGE + LIMIT_BAL + BILL_AMT1"
run_case("taiwan_credit_factors", csv, d, formula = formula, r_formula = r_formula,
         outdir = outdir, factors = fi,
         notes = "Quasi-complete separation: EDUCATION0 (1 row) and EDUCATION6 (11 rows) have no defaults, so their ML estimates diverge to -infinity (reported values are where glm.fit stopped); the other coefficients are well determined.")
run_case("taiwan_credit_factors", csv, d, formula = formula, r_formula = r_formula,
         outdir = outdir, factors = fi, method = "brglmFit", type = "AS_mean", suffix = ".firth",
         extra_args = "start = rep(0, 12)",
         notes = paste(FIRTH_NOTE, "Started from b = 0 (start = rep(0, 12)): with brglm2's default starting values (a glm.fit on adjusted pseudo-responses, itself quasi-separated) brglmFit diverges here (EDUCATION0 -> -2.8e15 after 100 iterations, 'brglmFit: algorithm did not converge'), although the Firth estimate is finite; from b = 0 it converges in 16 iterations to the same point that firthmodels 0.8.2 (Newton-Raphson with step halving, predictors scaled by 1e-5) finds."))
