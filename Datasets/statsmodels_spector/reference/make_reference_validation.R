# Run from the repo root (after make_reference.R):
#   Rscript Datasets/statsmodels_spector/reference/make_reference_validation.R
# then python3 Datasets/statsmodels_spector/reference/make_reference_validation.py
# Writes validation_scores.csv (y = GRADE, p = fitted probabilities of GRADE ~ GPA + TUCE + PSI,
# p_baseline = fitted probabilities of GRADE ~ GPA, the "baseline" distribution for PSI) and
# validation_r.json (pROC DeLong, Hosmer-Lemeshow g = 10). Deterministic.
source("Datasets/tools/glm_reference_lib.R")
source("Datasets/tools/validation_reference.R")
outdir <- "Datasets/statsmodels_spector/reference"
d <- read.csv("Datasets/statsmodels_spector/spector.csv")
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
fit <- glm(GRADE ~ GPA + TUCE + PSI, family = binomial, data = d, control = ctl)
base <- glm(GRADE ~ GPA, family = binomial, data = d, control = ctl)
write_scores_csv(file.path(outdir, "validation_scores.csv"), d$GRADE, fit$fitted.values, base$fitted.values)
s <- read.csv(file.path(outdir, "validation_scores.csv"))
stopifnot(identical(s$p, unname(fit$fitted.values)))
write_json_file(c(list(scores_csv = file.path(outdir, "validation_scores.csv")),
                  validation_r_part(s$y, s$p)),
                file.path(outdir, "validation_r.json"))
