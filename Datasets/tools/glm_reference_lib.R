# Shared helpers for the Datasets/*/reference/make_reference*.R scripts (sourced, not run alone).
# They fit R glm models with the project's factor-coding rule and write reference JSON files.
#
# Factor rule (the contract with the Swift engine): a factor's levels are the distinct texts of
# the column as they appear in the CSV, sorted in BYTE order (sort(method = "radix") is C-locale
# byte order), then the reference level (if given) is moved to the front with relevel(); the
# remaining levels keep byte order. Without a ref, the byte-order-first level is the reference.
#
# JSON: written by write_json_file() below, not by jsonlite::toJSON, because toJSON's
# digits = NA gives only 15 significant digits. Every double is written with the shortest of
# %.15g / %.16g / %.17g that parses back to the identical double (full precision); NA -> null.
suppressPackageStartupMessages(library(jsonlite))  # used only to escape strings
suppressPackageStartupMessages(library(brglm2))    # method = "brglmFit" (Firth, issue 4)

FIRTH_NOTE <- paste(
  "Firth / Jeffreys-prior bias reduction: brglm2 glm(method = \"brglmFit\", type = \"AS_mean\") (for the logit link AS_mean maximises the penalised log-likelihood l(b) + 0.5 log det I(b), the same estimate as logistf).",
  "The warning 'non-integer #successes in a binomial glm!' (when present) is raised inside brglmFit by its starting-value glm.fit call on adjusted pseudo-responses y + h/2, not by the data.",
  "loglik/aic/bic/deviances are the UNPENALISED quantities at the Firth estimate (R's logLik on the fit); penalized_loglik = loglik_kernel + 0.5*log det(X'WX) at the estimate.",
  "std_error is brglm2's summary() value, sqrt(diag(I(b)^-1)) from the Fisher information at the estimate (same as std_error_at_estimate up to rounding).")

# glm.fit's QR rank tolerance is min(1e-7, epsilon/1000): with epsilon = 1e-14 it is 1e-17 and
# R no longer detects exactly collinear columns (it then iterates on a numerically singular
# design and diverges). Rank-deficient cases therefore use epsilon = 1e-12 (QR tol 1e-15).
glm_control_text <- function(epsilon) sprintf("glm.control(epsilon = %s, maxit = 100)", format(epsilon))

fmt_num <- function(x) {
  if (is.na(x)) return("null")
  if (is.infinite(x)) stop("infinite value cannot be written to JSON")
  for (d in 15:17) {
    s <- sprintf(paste0("%.", d, "g"), x)
    if (as.numeric(s) == x) return(s)
  }
  s
}

to_json <- function(x, indent = 0) {
  pad <- strrep("  ", indent)
  pad1 <- strrep("  ", indent + 1)
  if (is.null(x)) return("null")
  if (inherits(x, "json_array")) {  # force an array, even of length 0 or 1
    x <- unclass(x)
    if (length(x) == 0) return("[]")
    items <- vapply(seq_along(x), function(i) to_json(x[[i]], indent + 1), "")
    return(paste0("[", paste(items, collapse = ", "), "]"))
  }
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    if (is.null(names(x))) {
      items <- vapply(x, to_json, "", indent = indent + 1)
      return(paste0("[\n", paste0(pad1, items, collapse = ",\n"), "\n", pad, "]"))
    }
    keys <- vapply(names(x), function(k) as.character(toJSON(k, auto_unbox = TRUE)), "")
    items <- vapply(seq_along(x), function(i) to_json(x[[i]], indent + 1), "")
    return(paste0("{\n", paste0(pad1, keys, ": ", items, collapse = ",\n"), "\n", pad, "}"))
  }
  if (length(x) != 1) {  # atomic vector -> array
    return(to_json(structure(as.list(x), class = "json_array"), indent))
  }
  if (is.logical(x)) return(if (is.na(x)) "null" else if (x) "true" else "false")
  if (is.integer(x)) return(if (is.na(x)) "null" else as.character(x))
  if (is.numeric(x)) return(fmt_num(x))
  if (is.character(x)) return(if (is.na(x)) "null" else as.character(toJSON(x, auto_unbox = TRUE)))
  stop("cannot write value of class ", class(x))
}

jarr <- function(x) structure(as.list(x), class = "json_array")

write_json_file <- function(obj, path) {
  writeLines(to_json(obj), path, useBytes = TRUE)
  cat("wrote", path, "\n")
}

# Read a CSV as the engine does: first as text (for factor levels), then with R's type guess.
read_case_csv <- function(csv) {
  txt <- read.csv(csv, colClasses = "character", check.names = FALSE, na.strings = character(0))
  d <- read.csv(csv, stringsAsFactors = FALSE, check.names = FALSE, na.strings = character(0))
  attr(d, "text") <- txt
  d
}

byte_order_levels <- function(text) sort(unique(text), method = "radix")

# Turn column `col` of d into a factor following the project rule. Levels come from the CSV
# text of the column (so a numeric column's levels are its texts in byte order).
make_factor <- function(d, col, ref = NULL) {
  text <- attr(d, "text")[[col]]
  f <- factor(text, levels = byte_order_levels(text))
  if (!is.null(ref)) {
    stopifnot(ref %in% levels(f))
    f <- relevel(f, ref = ref)
  }
  d[[col]] <- f
  d
}

factor_info <- function(d, cols, refs, numeric_source = character(0)) {
  lapply(cols, function(col) {
    info <- list(column = col, levels = jarr(levels(d[[col]])), reference = levels(d[[col]])[1],
                 reference_given = !is.null(refs[[col]]))
    if (col %in% numeric_source) {
      info$note <- "numeric column made a factor: levels are the CSV texts in byte order"
    }
    info
  })
}

# Bernoulli/binomial log-likelihood kernel sum w * (y log mu + (1-y) log(1-mu)), without the
# binomial coefficient and with the weights used as they are (no rounding).
loglik_kernel <- function(y, mu, w) {
  a <- ifelse(y > 0, y * log(mu), 0)
  b <- ifelse(y < 1, (1 - y) * log(1 - mu), 0)
  sum(w * (a + b))
}

# Fit one case and write <case><suffix>.json and <case><suffix>.summary.txt into outdir.
#  r_formula:  formula text for R (factor columns are already factors in d)
#  formula:    the same model in the project's syntax
#  method:     "glm.fit" (plain ML) or "brglmFit" (brglm2, then `type` is passed)
run_case <- function(case, csv, d, formula, r_formula, outdir, weights = NULL, offset = NULL,
                     factors = list(), notes = character(0), method = "glm.fit",
                     type = NULL, suffix = ".r", extra = list(), epsilon = 1e-14,
                     extra_args = NULL) {
  options(width = 80, digits = 7)
  call_text <- paste0(
    "glm(", r_formula, ", family = binomial, data = d",
    if (!is.null(weights)) paste0(", weights = ", weights) else "",
    if (!is.null(offset)) paste0(", offset = ", offset) else "",
    if (method == "glm.fit") paste0(", control = ", glm_control_text(epsilon))
    # brglmFit: glm() hands `...` to brglmControl only when `control` is NOT given (an explicit
    # control = glm.control(...) silently drops type = and brglm2 falls back to AS_mixed), so
    # type, epsilon and maxit are passed as plain arguments.
    else sprintf(", method = \"%s\", type = \"%s\", epsilon = %s, maxit = 100",
                 method, type, format(epsilon)),
    if (!is.null(extra_args)) paste0(", ", extra_args) else "",
    ")")
  ws <- character(0)
  handler <- function(w) {
    ws <<- c(ws, conditionMessage(w))
    invokeRestart("muffleWarning")
  }
  fit <- withCallingHandlers(eval(parse(text = call_text)), warning = handler)
  s <- withCallingHandlers(summary(fit), warning = handler)
  summary_lines <- withCallingHandlers(capture.output(print(s)), warning = handler)
  ll <- withCallingHandlers(logLik(fit), warning = handler)
  bic <- withCallingHandlers(BIC(fit), warning = handler)

  cf <- coef(fit)
  st <- coef(s)
  # R's summary() standard errors come from the QR of the LAST IRLS step, i.e. from the
  # working weights at the previous iterate, not at the final estimate. se_at_estimate is
  # sqrt(diag((X' W X)^-1)) with W = prior weight * mu * (1 - mu) at the final estimate.
  X <- model.matrix(fit)[, !is.na(cf), drop = FALSE]
  mu <- fit$fitted.values
  Wt <- fit$prior.weights * mu * (1 - mu)
  # (null when X'WX is numerically singular at the estimate, as in separated fits)
  se_final <- tryCatch(sqrt(diag(solve(crossprod(X * sqrt(Wt))))),
                       error = function(e) setNames(rep(NA_real_, ncol(X)), colnames(X)))
  coefs <- lapply(names(cf), function(term) {
    if (is.na(cf[[term]])) {
      list(term = term, estimate = NA_real_, std_error = NA_real_, z_value = NA_real_,
           p_value = NA_real_, aliased = TRUE, std_error_at_estimate = NA_real_)
    } else {
      list(term = term, estimate = unname(st[term, 1]), std_error = unname(st[term, 2]),
           z_value = unname(st[term, 3]), p_value = unname(st[term, 4]), aliased = FALSE,
           std_error_at_estimate = unname(se_final[term]))
    }
  })
  y <- fit$y
  pw <- fit$prior.weights
  n10 <- min(10L, length(y))
  source <- if (method == "glm.fit") {
    sprintf("R %s glm (epsilon=%s, maxit=100)", getRversion(), format(epsilon))
  } else {
    sprintf("R %s glm method=\"%s\" type=\"%s\", brglm2 %s (epsilon=%s, maxit=100)",
            getRversion(), method, type, packageVersion("brglm2"), format(epsilon))
  }
  out <- list(
    case = case, source = source, csv = csv, formula = formula, r_formula = r_formula,
    r_call = call_text,
    weights = if (is.null(weights)) NULL else weights,
    offset = if (is.null(offset)) NULL else offset,
    factors = factors,
    coefficients = coefs,
    null_deviance = fit$null.deviance, residual_deviance = fit$deviance,
    df_null = as.integer(fit$df.null), df_residual = as.integer(fit$df.residual),
    loglik = as.numeric(ll), loglik_df = as.integer(attr(ll, "df")),
    aic = AIC(fit), bic = bic, nobs = as.integer(nobs(fit)),
    pearson_chi2 = sum(residuals(fit, type = "pearson")^2),
    loglik_kernel = loglik_kernel(y, fit$fitted.values, pw),
    iterations = as.integer(fit$iter), converged = fit$converged,
    # Firth (Jeffreys prior) penalised log-likelihood at the estimate:
    # loglik_kernel + 0.5 * log det(X'WX), W = prior weight * mu * (1 - mu); null if singular.
    penalized_loglik = if (method == "glm.fit") NULL else
      loglik_kernel(y, mu, pw) + 0.5 * as.numeric(determinant(crossprod(X * sqrt(Wt)), logarithm = TRUE)$modulus),
    warnings = jarr(unique(ws)),
    fitted_first10 = jarr(unname(fit$fitted.values[seq_len(n10)])),
    linear_predictor_first10 = jarr(unname(fit$linear.predictors[seq_len(n10)])),
    note = paste(c(
      "loglik/aic/bic are R's logLik()/AIC()/BIC(); loglik_kernel = sum(w*(y*log(mu)+(1-y)*log(1-mu))) with the prior weights as given (no binomial coefficient, no rounding); for 0/1 responses with integer weights the two agree.",
      "linear_predictor_first10 is R's fit$linear.predictors, which includes the offset when there is one.",
      "aliased coefficients (NA in R) have null estimate/std_error/z_value/p_value.",
if (method == "glm.fit")       "std_error is R's summary() value, computed from the IRLS weights of the last iteration's starting point; std_error_at_estimate = sqrt(diag(solve(X'WX))) with W = prior weight*mu*(1-mu) at the final estimate (relative difference 1e-10 to 1e-7 in these converged fits)." else NULL,
      notes), collapse = " ")
  )
  out <- c(out, extra)
  write_json_file(out, file.path(outdir, paste0(case, suffix, ".json")))
  writeLines(summary_lines, file.path(outdir, paste0(case, suffix, ".summary.txt")))
  if (length(ws)) cat("  warnings:", paste(unique(ws), collapse = " | "), "\n")
  invisible(fit)
}
