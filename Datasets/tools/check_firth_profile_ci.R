# Run from the repo root (after the make_reference_firth*.R and make_reference_firth_profile.py
# scripts):  Rscript Datasets/tools/check_firth_profile_ci.R
# Recomputes the 95% Firth profile penalised-likelihood CIs of every *.firth.json with an
# independent R implementation (Datasets/tools/firth_profile_ci.R) and writes
# <case>.firth_profile_r.json beside it (R bounds + max abs difference to the firthmodels
# profile_ci stored in <case>.firth.json). Deterministic.
source("Datasets/tools/glm_reference_lib.R")
source("Datasets/tools/firth_profile_ci.R")
files <- c("Datasets/toy_designs/reference/separation_complete.firth.json",
           "Datasets/toy_designs/reference/separation_quasi_tie.firth.json",
           "Datasets/toy_designs/reference/separation_zero_cell.firth.json",
           "Datasets/taiwan_credit_default_sample/reference/taiwan_credit_factors.firth.json",
           "Datasets/german_credit/reference/german_credit_factors.firth.json")
for (path in files) {
  j <- fromJSON(path, simplifyVector = FALSE)
  d0 <- read_case_csv(j$csv)
  d <- d0
  for (f in j$factors) d <- make_factor(d, f$column, f$reference)
  mf <- model.frame(as.formula(j$r_formula), d)
  X <- model.matrix(as.formula(j$r_formula), mf)
  y <- model.response(mf)
  stopifnot(identical(colnames(X), vapply(j$coefficients, function(c) c$term, "")))
  res <- check_profile_ci(j$case, dirname(path), X, y)
  res$source <- sprintf("R %s, Datasets/tools/firth_profile_ci.R (logistf pl = TRUE definition, uniroot tol 1e-12)",
                        getRversion())
  write_json_file(res, file.path(dirname(path), paste0(j$case, ".firth_profile_r.json")))
}
