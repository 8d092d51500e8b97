# Shared R part of the validation-statistics references (sourced by
# Datasets/*/reference/make_reference_validation.R).
#  - DeLong AUC variance and 95% CI: pROC (Debian r-cran-proc) roc(..., direction = "<"),
#    var(roc, method = "delong"), ci.auc(roc, method = "delong").
#  - Hosmer-Lemeshow (g = 10): ResourceSelection is NOT packaged in Debian and CRAN is not
#    reachable here, so this re-implements ResourceSelection::hoslem.test's algorithm (0.3-5):
#      cutyhat <- cut(yhat, breaks = quantile(yhat, probs = seq(0, 1, 1/g)), include.lowest = TRUE)
#      obs <- xtabs(cbind(1 - y, y) ~ cutyhat); expect <- xtabs(cbind(1 - yhat, yhat) ~ cutyhat)
#      X2 <- sum((obs - expect)^2 / expect); df = g - 2; p = 1 - pchisq(X2, df)
#    i.e. bins = right-closed intervals between the type-7 sample quantiles of the fitted values
#    at 0, 0.1, ..., 1 (lowest bin closed on the left), chi-square over BOTH columns (events and
#    non-events).
suppressPackageStartupMessages(library(pROC))

hoslem <- function(y, yhat, g = 10) {
  breaks <- quantile(yhat, probs = seq(0, 1, 1 / g))
  cutyhat <- cut(yhat, breaks = breaks, include.lowest = TRUE)
  obs <- xtabs(cbind(1 - y, y) ~ cutyhat)
  expect <- xtabs(cbind(1 - yhat, yhat) ~ cutyhat)
  chisq <- sum((obs - expect)^2 / expect)
  list(statistic = chisq, df = as.integer(g - 2), p_value = 1 - pchisq(chisq, g - 2),
       g = as.integer(g), breaks = jarr(unname(breaks)),
       bins = lapply(seq_len(nrow(obs)), function(k) list(
         interval = levels(cutyhat)[k], n = as.integer(sum(obs[k, ])),
         observed_events = unname(obs[k, 2]), expected_events = unname(expect[k, 2]),
         observed_nonevents = unname(obs[k, 1]), expected_nonevents = unname(expect[k, 1]),
         mean_p = unname(expect[k, 2] / sum(obs[k, ])),
         observed_rate = unname(obs[k, 2] / sum(obs[k, ])))))
}

validation_r_part <- function(y, p) {
  r <- roc(response = y, predictor = p, levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- ci.auc(r, method = "delong", conf.level = 0.95)
  list(
    source = sprintf("R %s; pROC %s (DeLong); Hosmer-Lemeshow re-implemented from ResourceSelection::hoslem.test (not packaged in Debian)",
                     getRversion(), packageVersion("pROC")),
    auc_proc = as.numeric(auc(r)),
    auc_delong_variance = as.numeric(var(r, method = "delong")),
    auc_delong_ci95 = jarr(c(ci[1], ci[3])),
    hosmer_lemeshow = hoslem(y, p, 10),
    calibration_by_decile_note = "hosmer_lemeshow$bins is the calibration table by decile of p (same bins as the test)."
  )
}

write_scores_csv <- function(path, y, p, p_baseline) {
  lines <- c("y,p,p_baseline",
             sprintf("%d,%s,%s", as.integer(y), vapply(p, fmt_num, ""), vapply(p_baseline, fmt_num, "")))
  writeLines(lines, path)
  cat("wrote", path, "\n")
}
