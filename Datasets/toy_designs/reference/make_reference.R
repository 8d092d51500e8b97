# Run from the repo root:  Rscript Datasets/toy_designs/reference/make_reference.R
# Writes separation_complete.r.json, separation_quasi_tie.r.json, separation_zero_cell.r.json,
# rank_deficient.r.json (+ .r.summary.txt). Deterministic.
# For the separated designs the ML estimate does not exist: R's estimates diverge and depend on
# when the iteration stops, so only warnings / converged / deviance near 0 are meaningful.
source("Datasets/tools/glm_reference_lib.R")
outdir <- "Datasets/toy_designs/reference"
sep_note <- "Separated data: the MLE does not exist; estimates and standard errors are wherever glm.fit stopped and are not meaningful for comparison (only the sign pattern, huge magnitudes, the warnings and a residual deviance near its infimum are)."

csv <- "Datasets/toy_designs/separation_complete.csv"
run_case("separation_complete", csv, read_case_csv(csv), formula = "y ~ x", r_formula = "y ~ x",
         outdir = outdir, notes = sep_note)

csv <- "Datasets/toy_designs/separation_quasi_tie.csv"
run_case("separation_quasi_tie", csv, read_case_csv(csv), formula = "y ~ x", r_formula = "y ~ x",
         outdir = outdir, notes = paste(sep_note, "Quasi-complete: the two tied rows at x = 5 keep the deviance at 2*2*log(2) = 2.7725887 in the limit."))

csv <- "Datasets/toy_designs/separation_zero_cell.csv"
d0 <- read_case_csv(csv)
d <- make_factor(d0, "group")
attr(d, "text") <- attr(d0, "text")
run_case("separation_zero_cell", csv, d, formula = "y ~ group + x", r_formula = "y ~ group + x",
         outdir = outdir, factors = factor_info(d, "group", list()),
         notes = paste(sep_note, "Only groupc diverges (to -infinity); the other coefficients converge to the fit without group c's rows."))

csv <- "Datasets/toy_designs/rank_deficient.csv"
run_case("rank_deficient", csv, read_case_csv(csv), formula = "y ~ x1 + x2 + x3 + x4",
         r_formula = "y ~ x1 + x2 + x3 + x4", outdir = outdir, epsilon = 1e-12,
         notes = "x2 = 2*x1 and x4 = x1 + x3 exactly, so R aliases x2 and x4 (NA). Fitted with epsilon = 1e-12, not 1e-14: glm.fit's QR rank tolerance is min(1e-7, epsilon/1000), and with epsilon = 1e-14 (tol 1e-17) R fails to alias the columns and diverges to estimates of order 1e30 with the warning 'glm.fit: fitted probabilities numerically 0 or 1 occurred'.")
