#!/usr/bin/env python3
# Run from the repo root:  python3 Datasets/german_credit/reference/make_reference_cv.py
# Cross-validated AUC and time-split AUC references for issue 4 (scikit-learn), and the data
# they are computed on, Datasets/german_credit/reference/validation_split.csv:
#   the German credit columns bad, duration_in_month, credit_amount, age_in_years,
#   installment_rate_in_percentage_of_disposable_income, status_of_existing_checking_account
#   (from german_credit_bad.csv, unchanged), plus
#   application_date = 2019-01-01 + (i - 1) days (i = 1..1000, file order; a synthetic date
#                      column for the time split, not in the original data), and
#   fold             = the 5-fold assignment for seed 20261125 by the rule documented in
#                      RiskTier's CrossValidation.foldAssignment (SplitMix64-driven Fisher–Yates,
#                      fold = shuffled position mod k), re-implemented here from that text.
# Model: bad ~ duration_in_month + credit_amount + age_in_years
#              + installment_rate_in_percentage_of_disposable_income
#              + status_of_existing_checking_account   (text → treatment contrasts, levels in
#                                                       byte order, the first the reference)
# References (validation_cv.json): per fold, scikit-learn 1.x LogisticRegression(penalty=None,
# solver="newton-cholesky", tol=1e-12) fitted on the other folds, roc_auc_score on the fold
# (as cross_val_score(..., cv=PredefinedSplit(fold), scoring="roc_auc")), the mean, and the
# pooled AUC of all out-of-fold predictions; statsmodels GLM (IRLS, tol 1e-13) on the same
# splits as a second opinion on the predictions. Time split at 2021-01-01: fit on the rows
# dated before it, roc_auc_score on the rest.
import csv, datetime, json
import numpy as np
import sklearn, statsmodels
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import PredefinedSplit, cross_val_score

SEED, K, SPLIT = 20261125, 5, "2021-01-01"
REF = "Datasets/german_credit/reference"
NUM = ["duration_in_month", "credit_amount", "age_in_years", "installment_rate_in_percentage_of_disposable_income"]
FAC = "status_of_existing_checking_account"
M64 = (1 << 64) - 1

def splitmix64(seed):
    state = seed & M64
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        yield z ^ (z >> 31)

def folds(n, k, seed):
    g = splitmix64(seed)
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = next(g) % (i + 1)
        order[i], order[j] = order[j], order[i]
    f = [0] * n
    for pos, row in enumerate(order):
        f[row] = pos % k
    return f

with open("Datasets/german_credit/german_credit_bad.csv", newline="", encoding="utf-8") as fh:
    rows = list(csv.DictReader(fh))
n = len(rows)
fold = folds(n, K, SEED)
start = datetime.date(2019, 1, 1)
dates = [(start + datetime.timedelta(days=i)).isoformat() for i in range(n)]
header = ["bad"] + NUM + [FAC, "application_date", "fold"]
with open(f"{REF}/validation_split.csv", "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(header)
    for r, d, f in zip(rows, dates, fold):
        w.writerow([r["bad"]] + [r[c] for c in NUM] + [r[FAC], d, f])

y = np.array([int(r["bad"]) for r in rows], dtype=float)
levels = sorted({r[FAC] for r in rows}, key=lambda s: s.encode("utf-8"))
X = np.column_stack([np.array([float(r[c]) for r in rows]) for c in NUM]
                    + [np.array([1.0 if r[FAC] == lv else 0.0 for r in rows]) for lv in levels[1:]])
fold = np.array(fold)

def sk():
    return LogisticRegression(penalty=None, solver="newton-cholesky", tol=1e-12, max_iter=1000)

per_fold, pooled, pooled_sm, max_pred_diff = [], np.zeros(n), np.zeros(n), 0.0
for k in range(K):
    tr, te = fold != k, fold == k
    m = sk().fit(X[tr], y[tr])
    p = m.predict_proba(X[te])[:, 1]
    g = sm.GLM(y[tr], sm.add_constant(X[tr]), family=sm.families.Binomial()).fit(tol=1e-13, maxiter=100)
    p_sm = g.predict(sm.add_constant(X[te], has_constant="add"))
    max_pred_diff = max(max_pred_diff, float(np.max(np.abs(p - p_sm))))
    pooled[te], pooled_sm[te] = p, p_sm
    per_fold.append({"fold": k, "test_rows": int(te.sum()), "auc": float(roc_auc_score(y[te], p)),
                     "auc_statsmodels_predictions": float(roc_auc_score(y[te], p_sm))})
cvs = cross_val_score(sk(), X, y, cv=PredefinedSplit(fold), scoring="roc_auc")
assert np.allclose(cvs, [f["auc"] for f in per_fold], rtol=0, atol=1e-12)

dd = np.array(dates)
tr, te = dd < SPLIT, dd >= SPLIT
m = sk().fit(X[tr], y[tr])
p = m.predict_proba(X[te])[:, 1]
out = {
    "source": f"scikit-learn {sklearn.__version__} LogisticRegression(penalty=None, solver='newton-cholesky', tol=1e-12) + roc_auc_score; "
              f"cross_val_score with PredefinedSplit agrees to 1e-12; statsmodels {statsmodels.__version__} GLM second opinion",
    "csv": f"{REF}/validation_split.csv",
    "formula": "bad ~ " + " + ".join(NUM + [FAC]),
    "levels": levels,
    "folds": K, "seed": SEED,
    "per_fold": per_fold,
    "mean_auc": float(np.mean([f["auc"] for f in per_fold])),
    "pooled_auc": float(roc_auc_score(y, pooled)),
    "pooled_auc_statsmodels_predictions": float(roc_auc_score(y, pooled_sm)),
    "max_abs_diff_predictions_sklearn_vs_statsmodels": max_pred_diff,
    "time_split": {"column": "application_date", "date": SPLIT, "train_rows": int(tr.sum()), "test_rows": int(te.sum()),
                   "auc": float(roc_auc_score(y[te], p))},
}
with open(f"{REF}/validation_cv.json", "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=2)
    fh.write("\n")
print(json.dumps(out, indent=2))
