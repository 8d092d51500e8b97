# Run from the repo root:  Rscript Datasets/german_credit/reference/make_reference.R
# (first: python3 Datasets/german_credit/make_derived.py, which makes german_credit_bad.csv)
# Writes Datasets/german_credit/reference/<case>.r.json and <case>.r.summary.txt for the
# unpenalised R glm cases german_credit_factors, german_credit_rank_deficient,
# german_credit_weighted, german_credit_weighted_fractional. Deterministic (no randomness).
source("Datasets/tools/glm_reference_lib.R")

csv <- "Datasets/german_credit/german_credit_bad.csv"
outdir <- "Datasets/german_credit/reference"
d0 <- read_case_csv(csv)

# Reference level of each character column = the label of the FIRST Statlog code of that
# attribute (A11, A30, A40, A61, A71, A91, A101, A121, A141, A151, A171, A191, A201); see README.
refs <- list(
  status_of_existing_checking_account = "... < 0 DM",                                   # A11
  credit_history = "no credits taken/ all credits paid back duly",                    # A30
  purpose = "car (new)",                                                              # A40
  savings_account_and_bonds = "... < 100 DM",                                         # A61
  present_employment_since = "unemployed",                                            # A71
  personal_status_and_sex = "male : divorced/separated",                              # A91
  other_debtors_or_guarantors = "none",                                               # A101
  property = "real estate",                                                           # A121
  other_installment_plans = "bank",                                                   # A141
  housing = "rent",                                                                   # A151
  job = "unemployed/ unskilled - non-resident",                                       # A171
  telephone = "none",                                                                 # A191
  foreign_worker = "yes"                                                              # A201
)
predictors <- names(d0)[1:20]
stopifnot(identical(names(d0)[21], "creditability"))
d <- d0
for (col in names(refs)) d <- make_factor(d, col, refs[[col]])
attr(d, "text") <- attr(d0, "text")

# Our syntax: a bare character column is a factor with the byte-order-first level as reference;
# factor(col, ref = "...") is written only where the reference differs from that level.
our_term <- function(col) {
  if (!is.null(refs[[col]])) {
    first <- byte_order_levels(attr(d0, "text")[[col]])[1]
    if (refs[[col]] != first) {
      return(sprintf("factor(%s, ref = %s)", col, as.character(toJSON(refs[[col]], auto_unbox = TRUE))))
    }
  }
  col
}
ours <- vapply(predictors, our_term, "")
fi_all <- factor_info(d, names(refs), refs)

run_case("german_credit_factors", csv, d,
         formula = paste("bad ~", paste(ours, collapse = " + ")),
         r_formula = paste("bad ~", paste(predictors, collapse = " + ")),
         outdir = outdir, factors = fi_all)

run_case("german_credit_rank_deficient", csv, d,
         formula = paste("bad ~", paste(c(ours, "duration_x2", "amount_plus_duration"), collapse = " + ")),
         r_formula = paste("bad ~", paste(c(predictors, "duration_x2", "amount_plus_duration"), collapse = " + ")),
         outdir = outdir, factors = fi_all, epsilon = 1e-12,
         notes = "Fitted with epsilon = 1e-12, not 1e-14: glm.fit's QR rank tolerance is min(1e-7, epsilon/1000), and with epsilon = 1e-14 (tol 1e-17) R does not alias the collinear columns and diverges (100 iterations, 'algorithm did not converge', absurd estimates). With 1e-12 the non-aliased estimates equal german_credit_factors exactly. duration_x2 = 2*duration_in_month and amount_plus_duration = credit_amount + duration_in_month are exact linear combinations of earlier columns, placed last, so R's pivoted QR aliases them (NA).")

small <- c("duration_in_month", "credit_amount", "age_in_years", "status_of_existing_checking_account")
small_ours <- c("duration_in_month", "credit_amount", "age_in_years", our_term("status_of_existing_checking_account"))
fi_small <- factor_info(d, "status_of_existing_checking_account", refs)

run_case("german_credit_weighted", csv, d,
         formula = paste("bad ~", paste(small_ours, collapse = " + ")),
         r_formula = paste("bad ~", paste(small, collapse = " + ")),
         outdir = outdir, weights = "w", factors = fi_small,
         notes = "w = 1 + (i-1) mod 3 (integer prior weights 1,2,3,...).")

run_case("german_credit_weighted_fractional", csv, d,
         formula = paste("bad ~", paste(small_ours, collapse = " + ")),
         r_formula = paste("bad ~", paste(small, collapse = " + ")),
         outdir = outdir, weights = "w_frac", factors = fi_small,
         notes = "w_frac = 0.5 + ((i-1) mod 4)/4 (0.5, 0.75, 1, 1.25, ...). With non-integer weights R warns 'non-integer #successes in a binomial glm!' and R's logLik/AIC/BIC use binomial()$aic, which ROUNDS the weights (dbinom(round(w*y), round(w), mu); R rounds half to even so w = 0.5 -> 0 and those rows drop out), so loglik/aic/bic here are R's numbers but not the weighted log-likelihood; use loglik_kernel for sum(w*(y*log(mu)+(1-y)*log(1-mu))). Estimates, standard errors and deviances are unaffected by this.")
