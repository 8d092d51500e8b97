# Independent R check of Firth profile penalised-likelihood confidence intervals (sourced by
# Datasets/*/reference/make_reference_firth_profile_check.R). Definition as logistf(pl = TRUE):
#   l*(b) = sum w (y log mu + (1-y) log(1-mu)) + 0.5 log det(X' W X),  W = w mu (1 - mu)
#   bound of b_j: value where 2 * (l*(b_hat) - max_{b_-j} l*(b_j, b_-j)) = qchisq(0.95, 1),
# the FULL design (with column j) entering the penalty. The inner maximisation over b_-j uses
# Firth-modified-score Fisher steps with step halving on l*; the root is found by uniroot
# (tol 1e-12) after bracketing outward from the estimate in steps of the standard error.
firth_pll <- function(X, y, w, beta) {
  eta <- drop(X %*% beta)
  mu <- plogis(eta)
  ll <- sum(w * ifelse(y > 0, y * plogis(eta, log.p = TRUE), 0) +
            w * ifelse(y < 1, (1 - y) * plogis(-eta, log.p = TRUE), 0))
  W <- w * mu * (1 - mu)
  ll + 0.5 * as.numeric(determinant(crossprod(X * sqrt(W)), logarithm = TRUE)$modulus)
}

firth_fit_fixed <- function(X, y, w, beta, free, maxit = 500, tol = 1e-13) {
  pll <- firth_pll(X, y, w, beta)
  for (it in seq_len(maxit)) {
    mu <- plogis(drop(X %*% beta))
    W <- w * mu * (1 - mu)
    XW <- X * sqrt(W)
    info <- crossprod(XW)
    h <- rowSums((XW %*% solve(info)) * XW)         # hat values of the FULL model
    U <- crossprod(X, w * (y - mu) + h * (0.5 - mu))   # Firth-modified score
    step <- solve(info[free, free, drop = FALSE], U[free])
    t <- 1
    repeat {
      cand <- beta
      cand[free] <- beta[free] + t * step
      p2 <- firth_pll(X, y, w, cand)
      if (is.finite(p2) && p2 >= pll - 1e-12 * abs(pll) || t < 1e-10) break
      t <- t / 2
    }
    beta <- cand
    done <- max(abs(t * step)) < tol
    pll <- p2
    if (done) break
  }
  list(beta = beta, pll = pll)
}

firth_profile_ci <- function(X, y, w, beta_hat, se, level = 0.95) {
  p <- ncol(X)
  target <- firth_pll(X, y, w, beta_hat) - qchisq(level, 1) / 2
  prof <- function(j, b, start) {
    beta <- start
    beta[j] <- b
    firth_fit_fixed(X, y, w, beta, setdiff(seq_len(p), j))$pll - target
  }
  t(vapply(seq_len(p), function(j) {
    ends <- c(NA_real_, NA_real_)
    for (side in c(-1, 1)) {
      a <- beta_hat[j]
      k <- 1
      repeat {
        b <- beta_hat[j] + side * k * se[j]
        if (prof(j, b, beta_hat) < 0) break
        a <- b
        k <- k * 2
        if (k > 2^20) stop("cannot bracket profile bound")
      }
      r <- uniroot(function(v) prof(j, v, beta_hat), sort(c(a, b)), tol = 1e-12, maxiter = 200)
      ends[(side + 3) / 2] <- r$root
    }
    ends
  }, c(0, 0)))
}

# Compare the R profile CIs with profile_ci in <case>.firth.json; returns the max abs difference.
check_profile_ci <- function(case, outdir, X, y, w = rep(1, length(y))) {
  j <- jsonlite::fromJSON(file.path(outdir, paste0(case, ".firth.json")), simplifyVector = FALSE)
  beta <- vapply(j$coefficients, function(c) c$estimate, 0)
  se <- vapply(j$coefficients, function(c) c$std_error, 0)
  # Columns divided by powers of two (exact) so X'WX is well conditioned (raw LIMIT_BAL ~ 1e5);
  # the penalised likelihood ratio is invariant under column scaling, bounds are scaled back.
  s <- 2^floor(log2(apply(abs(X), 2, max)))
  ci <- firth_profile_ci(sweep(X, 2, s, "/"), y, w, beta * s, se * s) / s
  fm <- t(vapply(j$profile_ci, function(c) c(c$lower, c$upper), c(0, 0)))
  d <- max(abs(ci - fm))
  cat(sprintf("%s: max |R profile CI - firthmodels profile CI| = %.3g\n", case, d))
  list(case = case, r_profile_ci = lapply(seq_len(nrow(ci)), function(k)
         list(term = j$coefficients[[k]]$term, lower = ci[k, 1], upper = ci[k, 2])),
       max_abs_diff_vs_firthmodels = d)
}
