# Run from the repo root:  Rscript Datasets/statsmodels_star98/reference/make_reference.R
# (first: python3 Datasets/statsmodels_star98/make_derived.py, which makes star98_prop.csv)
# Writes star98.r.json (+ .r.summary.txt). Deterministic.
source("Datasets/tools/glm_reference_lib.R")
outdir <- "Datasets/statsmodels_star98/reference"
csv <- "Datasets/statsmodels_star98/star98_prop.csv"
d <- read_case_csv(csv)
# Predictors exactly as statsmodels' star98 GLM example / TestGlmBinomial (all exog columns,
# including the 8 precomputed product columns, which are ordinary numeric columns here).
preds <- c("LOWINC", "PERASIAN", "PERBLACK", "PERHISP", "PERMINTE", "AVYRSEXP", "AVSALK",
           "PERSPENK", "PTRATIO", "PCTAF", "PCTCHRT", "PCTYRRND", "PERMINTE_AVYRSEXP",
           "PERMINTE_AVSAL", "AVYRSEXP_AVSAL", "PERSPEN_PTRATIO", "PERSPEN_PCTAF",
           "PTRATIO_PCTAF", "PERMINTE_AVYRSEXP_AVSAL", "PERSPEN_PTRATIO_PCTAF")
f <- paste("prop ~", paste(preds, collapse = " + "))
run_case("star98", csv, d, formula = f, r_formula = f, outdir = outdir, weights = "MATHTOT",
         notes = "Grouped binomial: prop = PR50M/MATHTOT with weights = MATHTOT (trials); same fit as cbind(PR50M, MATHTOT - PR50M). R's logLik/AIC/BIC come from binomial()$aic = -2*sum(dbinom(round(MATHTOT*prop), MATHTOT, mu, log = TRUE)), i.e. they INCLUDE the log binomial coefficients log choose(MATHTOT, PR50M); loglik_kernel is the same sum without them. nobs = 303 (groups), so BIC uses log(303). The deviance and Pearson chi2 are on 303 - 21 = 282 df; the model is overdispersed (statsmodels reports the same scale-1 fit).")
