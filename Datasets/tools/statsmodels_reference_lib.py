"""Shared helpers for Datasets/*/reference/make_reference_statsmodels.py (imported, not run).

Builds the design matrix independently of R (same factor rule: levels = distinct CSV texts in
byte order, the reference moved to the front, one dummy per non-reference level named
column + level as R does), fits statsmodels GLM(Binomial) with a tight tolerance, writes
<case>.statsmodels.json and prints the max absolute difference against <case>.r.json.
"""
import csv
import json
import math
import warnings

import numpy as np
import statsmodels
import statsmodels.api as sm


def read_text_columns(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    return {name: [r[k] for r in data] for k, name in enumerate(header)}


def byte_order_levels(texts):
    return sorted(set(texts), key=lambda s: s.encode("utf-8"))


def build_design(cols, terms, factors):
    """terms: list of column names in formula order; factors: {column: ref or None}."""
    n = len(next(iter(cols.values())))
    names, mats = ["(Intercept)"], [np.ones(n)]
    for t in terms:
        if t in factors:
            levels = byte_order_levels(cols[t])
            ref = factors[t] if factors[t] is not None else levels[0]
            levels = [ref] + [l for l in levels if l != ref]
            for lev in levels[1:]:
                names.append(t + lev)
                mats.append(np.array([1.0 if v == lev else 0.0 for v in cols[t]]))
        else:
            names.append(t)
            mats.append(np.array([float(v) for v in cols[t]]))
    return names, np.column_stack(mats)


def fnum(x):
    x = float(x)
    return None if math.isnan(x) else x


def run_case(case, csv_path, response, terms, outdir, factors=None, weights=None,
             weight_kind="freq", offset=None, drop=(), loglik_field="loglik", notes="",
             counts=None):
    """weight_kind: "freq" (freq_weights: case replication, 0/1 response).
    counts=(successes_column, trials_column): fit the grouped binomial with statsmodels' two-
    column endog (successes, failures) instead of a proportion with weights; statsmodels' llf is
    then the full binomial log-likelihood like R's (with var_weights = trials it is not)."""
    factors = factors or {}
    cols = read_text_columns(csv_path)
    names, X = build_design(cols, terms, factors)
    keep = [k for k, nm in enumerate(names) if nm not in drop]
    names = [names[k] for k in keep]
    X = X[:, keep]
    kw = {}
    if counts is not None:
        succ = np.array([float(v) for v in cols[counts[0]]])
        trials = np.array([float(v) for v in cols[counts[1]]])
        y = np.column_stack([succ, trials - succ])
    else:
        y = np.array([float(v) for v in cols[response]])
    if weights is not None:
        w = np.array([float(v) for v in cols[weights]])
        kw["freq_weights" if weight_kind == "freq" else "var_weights"] = w
    if offset is not None:
        kw["offset"] = np.array([float(v) for v in cols[offset]])
    model = sm.GLM(y, X, family=sm.families.Binomial(), **kw)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = model.fit(method="IRLS", tol=1e-14, maxiter=100)
        null_dev = float(res.null_deviance)
        llf = float(res.llf)
        aic = float(res.aic)
        bic = float(res.bic_llf)
    out = {
        "case": case,
        "source": f"statsmodels {statsmodels.__version__} GLM(Binomial) IRLS tol=1e-14"
                  + (", freq_weights" if weights else "")
                  + (f", endog = ({counts[0]}, {counts[1]} - {counts[0]})" if counts else ""),
        "csv": csv_path,
        "weights": weights, "offset": offset,
        "dropped_terms": list(drop),
        "coefficients": [
            {"term": nm, "estimate": fnum(b), "std_error": fnum(se), "z_value": fnum(z),
             "p_value": fnum(p)}
            for nm, b, se, z, p in zip(names, res.params, res.bse, res.tvalues, res.pvalues)
        ],
        "null_deviance": null_dev, "residual_deviance": float(res.deviance),
        "loglik": llf, "aic": aic, "bic": bic, "pearson_chi2": float(res.pearson_chi2),
        "iterations": int(res.fit_history["iteration"]),
        "converged": bool(res.converged),
        "warnings": sorted({str(c.message) for c in caught}),
        "fitted_first10": [float(v) for v in res.fittedvalues[:10]],
        "fit_kind": "two-column endog (successes, failures)" if counts else "0/1 or proportion endog",
    }
    r = json.load(open(f"{outdir}/{case}.r.json"))
    rc = {c["term"]: c for c in r["coefficients"]}
    diffs = {}
    for field in ("estimate", "std_error", "z_value"):
        diffs[field] = max(abs(c[field] - rc[c["term"]][field]) for c in out["coefficients"])
    diffs["std_error vs R std_error_at_estimate"] = max(
        abs(c["std_error"] - rc[c["term"]]["std_error_at_estimate"]) for c in out["coefficients"])
    assert all(rc[c["term"]]["aliased"] is False for c in out["coefficients"])
    assert {t for t, c in rc.items() if c["aliased"]} == set(drop), "dropped != R aliased"
    diffs["null_deviance"] = abs(out["null_deviance"] - r["null_deviance"])
    diffs["residual_deviance"] = abs(out["residual_deviance"] - r["residual_deviance"])
    diffs["pearson_chi2"] = abs(out["pearson_chi2"] - r["pearson_chi2"])
    diffs["loglik (vs R " + loglik_field + ")"] = abs(out["loglik"] - r[loglik_field])
    if loglik_field == "loglik":
        diffs["aic"] = abs(out["aic"] - r["aic"])
    diffs["fitted_first10"] = max(abs(a - b) for a, b in zip(out["fitted_first10"], r["fitted_first10"]))
    out["max_abs_diff_vs_r"] = diffs
    out["note"] = ("Design built independently of R (byte-order factor levels, reference first). "
                   "bic is statsmodels bic_llf (-2 llf + k log n). " + notes).strip()
    path = f"{outdir}/{case}.statsmodels.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2)  # Python's float repr: shortest round-trip text
        f.write("\n")
    worst = max(diffs.values())
    print(f"{case}: max abs diff vs R = {worst:.3g}  ({', '.join(f'{k} {v:.2g}' for k, v in diffs.items())})"
          + (f"  warnings: {out['warnings']}" if out["warnings"] else ""))
    return out


def firth_profile(case, csv_path, response, terms, outdir, factors=None):
    """Firth fit with firthmodels (independent of brglm2) and 95% profile penalised-likelihood
    CIs (firthmodels conf_int(method="pl"), Venzon-Moolgavkar, as logistf(pl = TRUE)).

    Numeric columns are divided by a power of two near their max |value| before fitting (exact
    in binary floating point; the penalised likelihood ratio is invariant under column scaling,
    so estimates and CI ends are scaled back exactly). Writes <case>.firthmodels.json and adds
    "profile_ci" to the brglm2 file <case>.firth.json.
    """
    import firthmodels
    from firthmodels import FirthLogisticRegression
    import scipy.stats
    from importlib.metadata import version
    FM_VERSION = version("firthmodels")

    factors = factors or {}
    cols = read_text_columns(csv_path)
    names, X = build_design(cols, terms, factors)
    y = np.array([float(v) for v in cols[response]])
    scale = np.array([2.0 ** math.floor(math.log2(np.max(np.abs(X[:, k])))) for k in range(X.shape[1])])
    Xs = X / scale
    model = FirthLogisticRegression(max_iter=1000, gtol=1e-12, xtol=1e-13, backend="numpy")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.fit(Xs[:, 1:], y)
        ci = model.conf_int(alpha=0.05, method="pl", tol=1e-10, max_iter=500)
    # firthmodels puts the intercept LAST; R puts it first.
    est = np.concatenate([[model.intercept_], model.coef_]) / scale
    ci = np.vstack([ci[-1:], ci[:-1]]) / scale[:, None]
    bse = np.concatenate([model.bse_[-1:], model.bse_[:-1]]) / scale
    # 0.5 log det(X'WX) shifts by -sum(log scale) when the columns are divided by scale.
    pll = float(model.loglik_) + float(np.sum(np.log(scale)))

    fpath = f"{outdir}/{case}.firth.json"
    r = json.load(open(fpath))
    rc = [c["term"] for c in r["coefficients"]]
    assert rc == names, (rc, names)
    r_est = np.array([c["estimate"] for c in r["coefficients"]])
    diff_est = float(np.max(np.abs(est - r_est)))
    out = {
        "case": case,
        "source": f"firthmodels {FM_VERSION} FirthLogisticRegression (numpy backend, "
                  "gtol=1e-12, xtol=1e-13); conf_int(method='pl', alpha=0.05, tol=1e-10)",
        "csv": csv_path,
        "coefficients": [{"term": t, "estimate": float(b), "std_error_firthmodels": float(s)}
                         for t, b, s in zip(names, est, bse)],
        "penalized_loglik": pll,
        "iterations": int(model.n_iter_), "converged": bool(model.converged_),
        "profile_ci": [{"term": t, "lower": float(lo), "upper": float(hi)}
                       for t, (lo, hi) in zip(names, ci)],
        "warnings": sorted({str(c.message) for c in caught}),
        "max_abs_diff_estimate_vs_brglm2": diff_est,
        "abs_diff_penalized_loglik_vs_r": abs(pll - r["penalized_loglik"]),
        "column_scale": [float(s) for s in scale],
        "note": "std_error_firthmodels is firthmodels' bse_ (from the Hessian of the PENALISED "
                "log-likelihood), which differs from brglm2's Fisher-information standard errors; "
                "it is recorded for information only. Columns were divided by column_scale (powers "
                "of two) for fitting and results scaled back.",
    }
    with open(f"{outdir}/{case}.firthmodels.json", "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    r["profile_ci"] = out["profile_ci"]
    r["profile_ci_level"] = 0.95
    r["profile_ci_source"] = (
        f"firthmodels {FM_VERSION} conf_int(method='pl') (profile penalised likelihood, "
        "Venzon-Moolgavkar, the logistf(pl = TRUE) definition: bounds where 2*(l*(b_hat) - max l*(b | b_j)) "
        f"= qchisq(0.95, 1) = {scipy.stats.chi2.ppf(0.95, 1)!r}, with the FULL-model penalty). "
        "logistf itself is not in Debian; estimates/SEs in this file are brglm2's.")
    with open(fpath, "w", encoding="utf-8") as f:
        json.dump(r, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{case}: firthmodels vs brglm2 max |estimate diff| = {diff_est:.3g}, "
          f"penalised loglik diff = {out['abs_diff_penalized_loglik_vs_r']:.3g}, "
          f"iterations {out['iterations']}, converged {out['converged']}"
          + (f", warnings {out['warnings']}" if out["warnings"] else ""))
    return out


def ridge_reference(case, csv_path, formula, response, terms, outdir, lam, factors=None):
    """L2-penalised logistic regression with scikit-learn on the RAW-scale design.

    sklearn minimises  C * sum_i logloss_i + 0.5 * ||beta||^2  (intercept not penalised), which
    is the same minimiser as  -loglik(b) + 0.5 * lam * ||beta||^2  with lam = 1 / C (sum, not
    mean). Writes <case>.ridge_<lam>.json; checks optimality with the gradient of that objective.
    """
    import sklearn
    from sklearn.linear_model import LogisticRegression

    factors = factors or {}
    cols = read_text_columns(csv_path)
    names, X = build_design(cols, terms, factors)
    y = np.array([float(v) for v in cols[response]])
    C = 1.0 / lam
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clf = LogisticRegression(l1_ratio=0.0, C=C, solver="newton-cholesky", tol=1e-12,
                                 max_iter=10000, fit_intercept=True)
        clf.fit(X[:, 1:], y)
    beta = np.concatenate([clf.intercept_, clf.coef_[0]])
    eta = X @ beta
    loglik = float(np.sum(y * -np.logaddexp(0.0, -eta) + (1 - y) * -np.logaddexp(0.0, eta)))
    pen = 0.5 * lam * float(np.sum(beta[1:] ** 2))
    mu = 1.0 / (1.0 + np.exp(-eta))
    grad = X.T @ (y - mu)
    grad[1:] -= lam * beta[1:]
    out = {
        "case": case,
        "source": f"scikit-learn {sklearn.__version__} LogisticRegression(l1_ratio=0 (pure L2; 'penalty' is deprecated since 1.8), C=1/lambda, "
                  "solver='newton-cholesky', tol=1e-12, max_iter=10000, fit_intercept=True)",
        "csv": csv_path, "formula": formula, "lambda": lam, "C": C,
        "penalty_scale": "raw", "intercept_penalised": False,
        "objective_definition": "objective = -loglik + 0.5 * lambda * sum(beta_j^2 for non-intercept j); "
                                "loglik = sum(y log p + (1-y) log(1-p)) (unpenalised, sum not mean); "
                                "sklearn's C*sum(logloss) + 0.5||beta||^2 equals C * objective, so lambda = 1/C",
        "coefficients": [{"term": t, "estimate": float(b)} for t, b in zip(names, beta)],
        "loglik": loglik, "objective": -loglik + pen,
        "n_iter": int(clf.n_iter_[0]),
        "max_abs_gradient_of_objective": float(np.max(np.abs(grad))),
        "warnings": sorted({str(c.message) for c in caught}),
    }
    path = f"{outdir}/{case}.ridge_{lam:g}.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{path}: objective {out['objective']:.12g}, n_iter {out['n_iter']}, "
          f"max |gradient| {out['max_abs_gradient_of_objective']:.2g}"
          + (f", warnings {out['warnings']}" if out["warnings"] else ""))
    return out


def validation_reference(scores_csv, outdir, description):
    """sklearn validation statistics on fixed (y, p) scores + PSI in numpy; merged with the R part
    (validation_r.json: pROC DeLong, Hosmer-Lemeshow) into validation.json."""
    import sklearn
    from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score, roc_curve

    cols = read_text_columns(scores_csv)
    y = np.array([float(v) for v in cols["y"]])
    p = np.array([float(v) for v in cols["p"]])
    pb = np.array([float(v) for v in cols["p_baseline"]])
    auc = float(roc_auc_score(y, p))
    fpr, tpr, thr = roc_curve(y, p, drop_intermediate=False)
    k = int(np.argmax(tpr - fpr))
    # PSI: 10 bins cut at the type-7 ("linear", = R default) quantiles 0.1..0.9 of the BASELINE
    # scores; bin of v = number of cut points strictly below v (right-closed bins
    # (-inf,q1], (q1,q2], ..., (q9,inf)); e = baseline share, a = actual share per bin;
    # PSI = sum (a - e) * ln(a / e); undefined (null, bins listed) when a bin is empty.
    cuts = np.quantile(pb, np.arange(1, 10) / 10.0, method="linear")
    bin_b = np.searchsorted(cuts, pb, side="left")
    bin_a = np.searchsorted(cuts, p, side="left")
    e = np.bincount(bin_b, minlength=10) / len(pb)
    a = np.bincount(bin_a, minlength=10) / len(p)
    empty = [int(k) for k in range(10) if e[k] == 0 or a[k] == 0]
    psi = None if empty else float(np.sum((a - e) * np.log(a / e)))
    r = json.load(open(f"{outdir}/validation_r.json"))
    out = {
        "description": description,
        "scores_csv": scores_csv,
        "source": f"scikit-learn {sklearn.__version__} (roc_auc_score, roc_curve, brier_score_loss, "
                  f"log_loss); numpy {np.__version__} (PSI); R part: {r['source']}",
        "n": int(len(y)), "events": int(y.sum()),
        "auc": auc,
        "gini": 2 * auc - 1,
        "ks": float(tpr[k] - fpr[k]),
        "ks_threshold": float(thr[k]),
        "ks_definition": "max over roc_curve thresholds of TPR - FPR (sklearn roc_curve, drop_intermediate=False); a score >= ks_threshold is predicted positive",
        "brier": float(brier_score_loss(y, p)),
        "log_loss": float(log_loss(y, p)),
        "log_loss_definition": "mean of -(y log p + (1-y) log(1-p)) (sklearn log_loss)",
        "auc_proc": r["auc_proc"],
        "auc_delong_variance": r["auc_delong_variance"],
        "auc_delong_ci95": r["auc_delong_ci95"],
        "auc_delong_ci_note": "pROC ci.auc(method = 'delong'): AUC +/- qnorm(0.975) * sqrt(var), truncated to [0, 1]",
        "hosmer_lemeshow": r["hosmer_lemeshow"],
        "psi": {
            "value": psi,
            "formula": "PSI = sum over bins (a - e) * ln(a / e); e = share of p_baseline, a = share of p",
            "binning": "10 bins cut at numpy.quantile(p_baseline, [0.1..0.9], method='linear') (= R quantile type 7); bins are right-closed: (-inf,q1], (q1,q2], ..., (q9,inf)",
            "cut_points": [float(c) for c in cuts],
            "expected_share": [float(v) for v in e],
            "actual_share": [float(v) for v in a],
            "empty_bins": empty,
            "note": "value is null when some bin is empty in either sample (ln(0) undefined); "
                    "no epsilon smoothing is applied" if empty else "no bin is empty",
        },
    }
    out["max_abs_diff_auc_sklearn_vs_proc"] = abs(auc - r["auc_proc"])
    with open(f"{outdir}/validation.json", "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    print(f"{outdir}/validation.json: AUC {auc:.10g} (pROC diff {out['max_abs_diff_auc_sklearn_vs_proc']:.2g}), "
          f"KS {out['ks']:.10g}, Brier {out['brier']:.10g}, HL {r['hosmer_lemeshow']['statistic']:.10g}, PSI {psi}"
          + (f" (empty bins {empty})" if empty else ""))
    return out
