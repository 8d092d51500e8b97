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
