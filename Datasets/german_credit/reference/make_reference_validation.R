# Run from the repo root (after make_reference.R):
#   Rscript Datasets/german_credit/reference/make_reference_validation.R
# then python3 Datasets/german_credit/reference/make_reference_validation.py
# Writes validation_scores.csv (y = bad, p = fitted probabilities of german_credit_factors,
# p_baseline = fitted probabilities of the smaller unweighted model
# bad ~ duration_in_month + credit_amount + age_in_years + status_of_existing_checking_account,
# used as the "baseline" score distribution for PSI) and validation_r.json (pROC DeLong AUC
# variance/CI, Hosmer-Lemeshow g = 10 with its decile table). Deterministic.
source("Datasets/tools/glm_reference_lib.R")
source("Datasets/tools/validation_reference.R")
outdir <- "Datasets/german_credit/reference"
csv <- "Datasets/german_credit/german_credit_bad.csv"
ml <- fromJSON(file.path(outdir, "german_credit_factors.r.json"), simplifyVector = FALSE)
d0 <- read_case_csv(csv)
d <- d0
for (f in ml$factors) d <- make_factor(d, f$column, f$reference)
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
fit <- glm(as.formula(ml$r_formula), family = binomial, data = d, control = ctl)
stopifnot(isTRUE(all.equal(unname(fit$fitted.values[1:10]), unlist(ml$fitted_first10), tolerance = 1e-15)))
base <- glm(bad ~ duration_in_month + credit_amount + age_in_years + status_of_existing_checking_account,
            family = binomial, data = d, control = ctl)
write_scores_csv(file.path(outdir, "validation_scores.csv"), d$bad, fit$fitted.values, base$fitted.values)
s <- read.csv(file.path(outdir, "validation_scores.csv"))
stopifnot(identical(s$p, unname(fit$fitted.values)))
write_json_file(c(list(scores_csv = file.path(outdir, "validation_scores.csv")),
                  validation_r_part(s$y, s$p)),
                file.path(outdir, "validation_r.json"))
