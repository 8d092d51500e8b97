# Run from the repo root:  Rscript Datasets/statsmodels_spector/reference/make_reference.R
# (first: python3 Datasets/statsmodels_spector/make_derived.py, which makes spector_offset.csv)
# Writes spector.r.json / spector_offset.r.json (+ .r.summary.txt). Deterministic.
source("Datasets/tools/glm_reference_lib.R")
outdir <- "Datasets/statsmodels_spector/reference"

csv <- "Datasets/statsmodels_spector/spector.csv"
d <- read_case_csv(csv)
run_case("spector", csv, d, formula = "GRADE ~ GPA + TUCE + PSI",
         r_formula = "GRADE ~ GPA + TUCE + PSI", outdir = outdir)

csv <- "Datasets/statsmodels_spector/spector_offset.csv"
d <- read_case_csv(csv)
run_case("spector_offset", csv, d, formula = "GRADE ~ GPA + TUCE + PSI",
         r_formula = "GRADE ~ GPA + TUCE + PSI", outdir = outdir, offset = "off",
         notes = "off = 0.1*TUCE (column of spector_offset.csv), a fixed offset added to the linear predictor; TUCE's coefficient is therefore 0.1 lower than in the spector case and everything else is identical. R's null deviance with an offset is that of the intercept-only model WITH the offset (glm refits it).")
