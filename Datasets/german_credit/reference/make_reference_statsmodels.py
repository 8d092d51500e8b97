#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/german_credit/reference/make_reference_statsmodels.py
# (after make_reference.R). Cross-check of the R glm references with statsmodels GLM; writes
# <case>.statsmodels.json and prints max abs differences vs <case>.r.json. Deterministic.
import sys
sys.path.insert(0, "Datasets/tools")
from statsmodels_reference_lib import run_case

CSV = "Datasets/german_credit/german_credit_bad.csv"
OUT = "Datasets/german_credit/reference"
REFS = {
    "status_of_existing_checking_account": "... < 0 DM",
    "credit_history": "no credits taken/ all credits paid back duly",
    "purpose": "car (new)",
    "savings_account_and_bonds": "... < 100 DM",
    "present_employment_since": "unemployed",
    "personal_status_and_sex": "male : divorced/separated",
    "other_debtors_or_guarantors": "none",
    "property": "real estate",
    "other_installment_plans": "bank",
    "housing": "rent",
    "job": "unemployed/ unskilled - non-resident",
    "telephone": "none",
    "foreign_worker": "yes",
}
PRED = ["status_of_existing_checking_account", "duration_in_month", "credit_history", "purpose",
        "credit_amount", "savings_account_and_bonds", "present_employment_since",
        "installment_rate_in_percentage_of_disposable_income", "personal_status_and_sex",
        "other_debtors_or_guarantors", "present_residence_since", "property", "age_in_years",
        "other_installment_plans", "housing", "number_of_existing_credits_at_this_bank", "job",
        "number_of_people_being_liable_to_provide_maintenance_for", "telephone", "foreign_worker"]
SMALL = ["duration_in_month", "credit_amount", "age_in_years", "status_of_existing_checking_account"]
SMALL_F = {"status_of_existing_checking_account": REFS["status_of_existing_checking_account"]}

run_case("german_credit_factors", CSV, "bad", PRED, OUT, factors=REFS)
run_case("german_credit_rank_deficient", CSV, "bad", PRED + ["duration_x2", "amount_plus_duration"],
         OUT, factors=REFS, drop=("duration_x2", "amount_plus_duration"),
         notes="statsmodels would use a pseudo-inverse (minimum-norm split) for the collinear "
               "columns; R's aliased columns are dropped instead so the fits are comparable.")
run_case("german_credit_weighted", CSV, "bad", SMALL, OUT, factors=SMALL_F, weights="w")
run_case("german_credit_weighted_fractional", CSV, "bad", SMALL, OUT, factors=SMALL_F,
         weights="w_frac", loglik_field="loglik_kernel",
         notes="statsmodels llf with freq_weights is sum(w*loglik_i), compared with R's "
               "loglik_kernel because R's logLik rounds non-integer weights.")
