#!/usr/bin/env python3
"""The monthly run's features → score → tier computation in pandas, polars and DuckDB, for the
side-by-side benchmark (Benchmarks/peers/monthly_side_by_side.py). Adapted from
../shared/bench/pipeline.py to RiskTier's own data and model: it reads the synthetic city's
export CSVs (the files `risktier import` loads into the store) and a `Models/ID/model.json`.

What every engine computes, as `risktier score` does (DOMAIN.md §5.1, §2.2, §2.3):
- the 29 features of §5.1 as of t for every enterprise active on t (windows (t − m months, t],
  day clamped to month end; events dated after t ignored; `recorded_on` not used, as the model's
  `respect_recorded_on = false`), with the shrunk rates using the model's training priors;
- η = intercept + Σ βⱼ xⱼ (aliased coefficients skipped), p = logistic(η), the model tier
  from the model's cut points;
- the rule overrides O_SERIOUS_LIST_D, O_ABNORMAL_MIN_C, O_HEAVY_PENALTY_MIN_C, O_NEW_NO_HISTORY_B.
Not done by the peers (ours does them): reason codes, scorecard points, the stability rule
against the previous run, manual overrides, the input digest, recording the run in the store,
transitions.csv and run.json.

  python3 monthly_peers.py run --engine polars --city DIR --model Models/ID/model.json --as-of 2025-12-31 --out peer.csv
  python3 monthly_peers.py compare --ours DIR/scores.csv --peer peer.csv
"""
import argparse
import calendar
import datetime as dt
import json
import math
import os
import sys
import time

SHORT, LONG = 12, 36
DAYS_SINCE_PENALTY_CAP = 1825
MONTHS_SINCE_INSPECTED_CAP = 60
K = 10.0  # shrinkage strength (model feature_spec.options.shrinkage_strength)


def add_months(d, m):
    y, mo = divmod(d.year * 12 + d.month - 1 + m, 12)
    mo += 1
    return dt.date(y, mo, min(d.day, calendar.monthrange(y, mo)[1]))


def load_model(path):
    m = json.load(open(path))
    beta = {c["name"]: c["estimate"] for c in m["coefficients"] if c.get("estimate") is not None}
    intercept = beta.pop("(Intercept)")
    cuts = m["cut_points"]
    spec = m.get("spec") or m["feature_spec"]  # model.json format 2 ("spec", kind features) or 1
    return dict(beta=beta, intercept=intercept, cuts=(cuts["B"], cuts["C"], cuts["D"]),
                k=spec["options"]["shrinkage_strength"],
                samp_prior=spec["priors"]["sampling_fail_rate"], insp_prior=spec["priors"]["inspection_finding_rate"])


DOMAIN_FLAGS = {"domain_drug": "drug", "domain_medical_device": "medical_device", "domain_cosmetic": "cosmetic",
                "domain_special_equipment": "special_equipment", "domain_industrial_product": "industrial_product"}


# ----------------------------------------------------------------------------- polars
def run_polars(a, model):
    import polars as pl
    t = dt.date.fromisoformat(a.as_of)
    s12, s36 = add_months(t, -SHORT), add_months(t, -LONG)
    s36p1 = s36 + dt.timedelta(days=1)
    month_end = calendar.monthrange(t.year, t.month)[1]
    c = lambda f: os.path.join(a.city, f)
    D = pl.Date
    S = pl.Utf8
    ent = pl.scan_csv(c("enterprises.csv"), infer_schema=False) \
        .select("enterprise_id", "domains", pl.col("registered_on").str.to_date(), "status", pl.col("status_changed_on").str.to_date()) \
        .filter((pl.col("registered_on") <= t) & ((pl.col("status") == "active") | (pl.col("status_changed_on") > t)))
    tlit = pl.lit(t)
    in36 = lambda col: (pl.col(col) > s36) & (pl.col(col) <= t)
    in12 = lambda col: (pl.col(col) > s12) & (pl.col(col) <= t)
    pen = pl.scan_csv(c("penalties.csv"), infer_schema=False).select("enterprise_id", "decided_on", "procedure", "kinds", "fine_cny", "heavy") \
        .with_columns(pl.col("decided_on").str.to_date(), pl.col("fine_cny").cast(pl.Float64)) \
        .filter(pl.col("decided_on") <= t) \
        .with_columns(
            w=pl.when(pl.col("heavy") == "yes").then(3.0).when(pl.col("procedure") == "summary").then(0.5)
            .when(pl.col("kinds").str.replace_all("circulated_criticism", "").str.replace_all("warning", "").str.replace_all(";", "") == "").then(0.5)
            .otherwise(1.0),
            age=(tlit - pl.col("decided_on")).dt.total_days()) \
        .group_by("enterprise_id").agg(
            pen_count_36m=in36("decided_on").sum(), pen_count_12m=in12("decided_on").sum(),
            pen_sev_decay_36m=(pl.col("w") * (0.5 ** (pl.col("age") / 365.0))).filter(in36("decided_on")).sum(),
            fine=pl.col("fine_cny").filter(in36("decided_on")).sum(),
            last_penalty=pl.col("age").min(),
            heavy12=((pl.col("heavy") == "yes") & in12("decided_on")).any(),
            hist_pen=pl.len())
    smp = pl.scan_csv(c("sampling_tests.csv"), infer_schema=False).select("enterprise_id", "sampled_on", "result", "fail_class", "final") \
        .with_columns(pl.col("sampled_on").str.to_date()).filter(pl.col("sampled_on") <= t) \
        .with_columns(ok=(pl.col("final") == "yes") & in36("sampled_on")) \
        .group_by("enterprise_id").agg(
            samp_tests_36m=pl.col("ok").sum(), samp_fail_36m=(pl.col("ok") & (pl.col("result") == "fail")).sum(),
            samp_safety_fail_36m=(pl.col("ok") & (pl.col("fail_class") == "safety")).any(), hist_smp=pl.len())
    ins = pl.scan_csv(c("inspections.csv"), infer_schema=False).select("enterprise_id", "inspected_on", "findings_count", "max_severity") \
        .with_columns(pl.col("inspected_on").str.to_date(), pl.col("findings_count").cast(pl.Int64)).filter(pl.col("inspected_on") <= t) \
        .group_by("enterprise_id").agg(
            insp_count_36m=in36("inspected_on").sum(), findings=pl.col("findings_count").filter(in36("inspected_on")).sum(),
            insp_serious_36m=(in36("inspected_on") & (pl.col("max_severity") == "serious")).sum(),
            last_inspection=pl.col("inspected_on").max(), hist_ins=pl.len())
    cmp = pl.scan_csv(c("complaints.csv"), infer_schema=False).select("enterprise_id", "received_on", "substantiated") \
        .with_columns(pl.col("received_on").str.to_date()).filter(pl.col("received_on") <= t) \
        .group_by("enterprise_id").agg(
            compl_subst_12m=(in12("received_on") & (pl.col("substantiated") == "yes")).sum(), compl_all=in12("received_on").sum(), hist_cmp=pl.len())
    lst = pl.scan_csv(c("list_entries.csv"), infer_schema=False).select("enterprise_id", "list", "entered_on", "exited_on") \
        .with_columns(pl.col("entered_on").str.to_date(), pl.col("exited_on").str.to_date()).filter(pl.col("entered_on") <= t) \
        .with_columns(active=pl.col("exited_on").is_null() | (pl.col("exited_on") > t), ab=pl.col("list") == "abnormal_operation") \
        .group_by("enterprise_id").agg(
            abnormal_now=(pl.col("ab") & pl.col("active")).any(),
            abnormal_spells_36m=(pl.col("ab") & (pl.col("exited_on").is_null() | (pl.col("exited_on") > s36p1))).sum(),
            serious_now=(~pl.col("ab") & pl.col("active")).any(),
            serious_exited_36m=(~pl.col("ab") & in36("exited_on")).sum(), hist_lst=pl.len())
    lic = pl.scan_csv(c("licences.csv"), infer_schema=False).select("enterprise_id", "issued_on", "status", "status_changed_on") \
        .with_columns(pl.col("issued_on").str.to_date(), pl.col("status_changed_on").str.to_date()) \
        .filter(pl.coalesce("status_changed_on", "issued_on") <= t) \
        .group_by("enterprise_id").agg(licence_lapsed_36m=(pl.col("status").is_in(["revoked", "expired"]) & in36("status_changed_on")).any())
    f = ent
    for part in (pen, smp, ins, cmp, lst, lic):
        f = f.join(part, on="enterprise_id", how="left")
    samp_prior = pl.col("domains").str.split(";").list.eval(pl.element().replace_strict(model["samp_prior"], return_dtype=pl.Float64)).list.mean()
    insp_prior = pl.col("domains").str.split(";").list.eval(pl.element().replace_strict(model["insp_prior"], return_dtype=pl.Float64)).list.mean()
    z0 = lambda col: pl.col(col).fill_null(0).cast(pl.Float64)
    flag = lambda col: pl.col(col).fill_null(False).cast(pl.Float64)
    age_days = (tlit - pl.col("registered_on")).dt.total_days().clip(lower_bound=0)
    li = pl.col("last_inspection")
    months = (t.year - li.dt.year()) * 12 + (t.month - li.dt.month())
    months = pl.when((months > 0) & (pl.min_horizontal(li.dt.day(), pl.lit(month_end)) > t.day)).then(months - 1).otherwise(months).clip(lower_bound=0)
    feats = {
        "pen_count_12m": z0("pen_count_12m"), "pen_count_36m": z0("pen_count_36m"), "pen_sev_decay_36m": z0("pen_sev_decay_36m"),
        "pen_fine_log_36m": (z0("fine") / 1000.0).log1p(),
        "days_since_penalty": pl.col("last_penalty").fill_null(DAYS_SINCE_PENALTY_CAP).clip(upper_bound=DAYS_SINCE_PENALTY_CAP).cast(pl.Float64),
        "never_penalised": pl.col("last_penalty").is_null().cast(pl.Float64),
        "samp_tests_36m": z0("samp_tests_36m"), "samp_fail_36m": z0("samp_fail_36m"),
        "samp_fail_rate_sm": (z0("samp_fail_36m") + K * samp_prior) / (z0("samp_tests_36m") + K),
        "samp_safety_fail_36m": flag("samp_safety_fail_36m"),
        "insp_count_36m": z0("insp_count_36m"), "insp_serious_36m": z0("insp_serious_36m"),
        "insp_find_rate_sm": (z0("findings") + K * insp_prior) / (z0("insp_count_36m") + K),
        "compl_subst_12m": z0("compl_subst_12m"), "compl_log_12m": z0("compl_all").log1p(),
        "abnormal_now": flag("abnormal_now"), "abnormal_spells_36m": z0("abnormal_spells_36m"), "serious_exited_36m": z0("serious_exited_36m"),
        "age_log_years": (age_days / 365.25).log1p(), "is_new": (age_days < 365).cast(pl.Float64),
        "entity_type_individual_business": (pl.col("enterprise_id").str.slice(0, 2) == "92").cast(pl.Float64),
        "entity_type_farmers_cooperative": (pl.col("enterprise_id").str.slice(0, 2) == "93").cast(pl.Float64),
        "entity_type_other": (~pl.col("enterprise_id").str.slice(0, 2).is_in(["91", "92", "93"])).cast(pl.Float64),
        "licence_lapsed_36m": flag("licence_lapsed_36m"),
        "months_since_inspected": months.fill_null(MONTHS_SINCE_INSPECTED_CAP).clip(upper_bound=MONTHS_SINCE_INSPECTED_CAP).cast(pl.Float64),
    }
    for name, token in DOMAIN_FLAGS.items():
        feats[name] = pl.col("domains").str.split(";").list.contains(token).cast(pl.Float64)
    if a.dump_features:
        f.with_columns(**feats).select("enterprise_id", *sorted(feats)).sort("enterprise_id").collect().write_csv(a.dump_features)
    eta = pl.lit(model["intercept"])
    for name, b in model["beta"].items():
        eta = eta + b * feats[name]
    b, cc, d = model["cuts"]
    p = pl.col("eta").map_batches(lambda s: 1 / (1 + (-s).exp()), return_dtype=pl.Float64)
    rank = pl.when(pl.col("p") >= d).then(3).when(pl.col("p") >= cc).then(2).when(pl.col("p") >= b).then(1).otherwise(0)
    hist = sum(z0(h) for h in ("hist_pen", "hist_smp", "hist_ins", "hist_cmp", "hist_lst"))
    r = pl.col("r")
    r = pl.when(flag("abnormal_now") > 0).then(pl.max_horizontal(r, pl.lit(2))).otherwise(r)
    r = pl.when(pl.col("heavy12").fill_null(False)).then(pl.max_horizontal(r, pl.lit(2))).otherwise(r)
    r = pl.when((age_days < 365) & (hist == 0)).then(pl.lit(1)).otherwise(r)
    r = pl.when(pl.col("serious_now").fill_null(False)).then(pl.lit(3)).otherwise(r)
    out = f.with_columns(eta=eta).with_columns(p=p).with_columns(r=rank).with_columns(r=r) \
        .select("enterprise_id", pl.col("p").alias("probability"), pl.col("r").replace_strict({0: "A", 1: "B", 2: "C", 3: "D"}, return_dtype=pl.Utf8).alias("tier")) \
        .sort("enterprise_id").collect()
    out.write_csv(a.out)
    return len(out)


# ----------------------------------------------------------------------------- DuckDB
def run_duckdb(a, model):
    import duckdb
    t = dt.date.fromisoformat(a.as_of)
    s12, s36 = add_months(t, -SHORT), add_months(t, -LONG)
    month_end = calendar.monthrange(t.year, t.month)[1]
    con = duckdb.connect()
    if a.threads:
        con.execute(f"SET threads = {a.threads}")
    c = lambda f: os.path.join(a.city, f).replace("'", "''")
    T, S12, S36, S36P1 = f"DATE '{t}'", f"DATE '{s12}'", f"DATE '{s36}'", f"DATE '{s36 + dt.timedelta(days=1)}'"
    in36 = lambda col: f"({col} > {S36} AND {col} <= {T})"
    in12 = lambda col: f"({col} > {S12} AND {col} <= {T})"
    rc = lambda f, cols: f"read_csv('{c(f)}', header = true, all_varchar = true)"
    prior_rows = lambda m: ", ".join(f"('{k}', {v!r})" for k, v in m.items())
    beta = " + ".join(f"({b!r}) * {n}" for n, b in model["beta"].items())
    b, cc, d = model["cuts"]
    dom = ",\n".join(f"CASE WHEN list_contains(string_split(domains, ';'), '{tok}') THEN 1.0 ELSE 0.0 END AS {name}" for name, tok in DOMAIN_FLAGS.items())
    sql = f"""
    WITH ent AS (
      SELECT enterprise_id, domains, CAST(registered_on AS DATE) AS registered_on
      FROM {rc('enterprises.csv', '')}
      WHERE CAST(registered_on AS DATE) <= {T} AND (status = 'active' OR CAST(status_changed_on AS DATE) > {T})),
    pen0 AS (
      SELECT enterprise_id, CAST(decided_on AS DATE) AS dd, CAST(fine_cny AS DOUBLE) AS fine, heavy = 'yes' AS heavy,
             CASE WHEN heavy = 'yes' THEN 3.0 WHEN procedure = 'summary' THEN 0.5
                  WHEN replace(replace(replace(kinds, 'circulated_criticism', ''), 'warning', ''), ';', '') = '' THEN 0.5 ELSE 1.0 END AS w
      FROM {rc('penalties.csv', '')} WHERE CAST(decided_on AS DATE) <= {T}),
    pen AS (
      SELECT enterprise_id, count_if({in36('dd')}) AS pen_count_36m, count_if({in12('dd')}) AS pen_count_12m,
             coalesce(sum(CASE WHEN {in36('dd')} THEN w * pow(0.5, ({T} - dd) / 365.0) END), 0) AS pen_sev_decay_36m,
             coalesce(sum(CASE WHEN {in36('dd')} THEN fine END), 0) AS fine, min({T} - dd) AS last_penalty,
             bool_or(heavy AND {in12('dd')}) AS heavy12, count(*) AS hist
      FROM pen0 GROUP BY enterprise_id),
    smp AS (
      SELECT enterprise_id, count_if(ok) AS samp_tests_36m, count_if(ok AND result = 'fail') AS samp_fail_36m,
             bool_or(ok AND fail_class = 'safety') AS safety, count(*) AS hist
      FROM (SELECT *, final = 'yes' AND {in36('CAST(sampled_on AS DATE)')} AS ok FROM {rc('sampling_tests.csv', '')}
            WHERE CAST(sampled_on AS DATE) <= {T}) GROUP BY enterprise_id),
    ins AS (
      SELECT enterprise_id, count_if({in36('di')}) AS insp_count_36m,
             coalesce(sum(CASE WHEN {in36('di')} THEN CAST(findings_count AS BIGINT) END), 0) AS findings,
             count_if({in36('di')} AND max_severity = 'serious') AS insp_serious_36m, max(di) AS last_inspection, count(*) AS hist
      FROM (SELECT *, CAST(inspected_on AS DATE) AS di FROM {rc('inspections.csv', '')}) WHERE di <= {T} GROUP BY enterprise_id),
    cmp AS (
      SELECT enterprise_id, count_if({in12('dr')} AND substantiated = 'yes') AS compl_subst_12m, count_if({in12('dr')}) AS compl_all, count(*) AS hist
      FROM (SELECT *, CAST(received_on AS DATE) AS dr FROM {rc('complaints.csv', '')}) WHERE dr <= {T} GROUP BY enterprise_id),
    lst AS (
      SELECT enterprise_id,
             bool_or(ab AND active) AS abnormal_now,
             count_if(ab AND (dx IS NULL OR dx > {S36P1})) AS abnormal_spells_36m,
             bool_or(NOT ab AND active) AS serious_now,
             count_if(NOT ab AND {in36('dx')}) AS serious_exited_36m, count(*) AS hist
      FROM (SELECT enterprise_id, list = 'abnormal_operation' AS ab, CAST(exited_on AS DATE) AS dx,
                   (exited_on IS NULL OR CAST(exited_on AS DATE) > {T}) AS active
            FROM {rc('list_entries.csv', '')} WHERE CAST(entered_on AS DATE) <= {T}) GROUP BY enterprise_id),
    lic AS (
      SELECT enterprise_id, bool_or(status IN ('revoked', 'expired') AND {in36('dc')}) AS licence_lapsed_36m
      FROM (SELECT *, CAST(status_changed_on AS DATE) AS dc FROM {rc('licences.csv', '')})
      WHERE coalesce(dc, CAST(issued_on AS DATE)) <= {T} GROUP BY enterprise_id),
    sp(domain, rate) AS (VALUES {prior_rows(model['samp_prior'])}),
    ip(domain, rate) AS (VALUES {prior_rows(model['insp_prior'])}),
    pri AS (
      SELECT e.enterprise_id, avg(sp.rate) AS samp_prior, avg(ip.rate) AS insp_prior
      FROM (SELECT enterprise_id, unnest(string_split(domains, ';')) AS domain FROM ent) e
      JOIN sp USING (domain) JOIN ip USING (domain) GROUP BY e.enterprise_id),
    f AS (
      SELECT e.enterprise_id,
        coalesce(pen.pen_count_12m, 0) AS pen_count_12m, coalesce(pen.pen_count_36m, 0) AS pen_count_36m,
        coalesce(pen.pen_sev_decay_36m, 0) AS pen_sev_decay_36m, ln(1 + coalesce(pen.fine, 0) / 1000.0) AS pen_fine_log_36m,
        least(coalesce(pen.last_penalty, {DAYS_SINCE_PENALTY_CAP}), {DAYS_SINCE_PENALTY_CAP}) AS days_since_penalty,
        CASE WHEN pen.last_penalty IS NULL THEN 1.0 ELSE 0.0 END AS never_penalised,
        coalesce(smp.samp_tests_36m, 0) AS samp_tests_36m, coalesce(smp.samp_fail_36m, 0) AS samp_fail_36m,
        (coalesce(smp.samp_fail_36m, 0) + {K} * pri.samp_prior) / (coalesce(smp.samp_tests_36m, 0) + {K}) AS samp_fail_rate_sm,
        CASE WHEN smp.safety THEN 1.0 ELSE 0.0 END AS samp_safety_fail_36m,
        coalesce(ins.insp_count_36m, 0) AS insp_count_36m, coalesce(ins.insp_serious_36m, 0) AS insp_serious_36m,
        (coalesce(ins.findings, 0) + {K} * pri.insp_prior) / (coalesce(ins.insp_count_36m, 0) + {K}) AS insp_find_rate_sm,
        coalesce(cmp.compl_subst_12m, 0) AS compl_subst_12m, ln(1 + coalesce(cmp.compl_all, 0)) AS compl_log_12m,
        CASE WHEN lst.abnormal_now THEN 1.0 ELSE 0.0 END AS abnormal_now, coalesce(lst.abnormal_spells_36m, 0) AS abnormal_spells_36m,
        coalesce(lst.serious_exited_36m, 0) AS serious_exited_36m,
        ln(1 + greatest({T} - e.registered_on, 0) / 365.25) AS age_log_years,
        CASE WHEN {T} - e.registered_on < 365 THEN 1.0 ELSE 0.0 END AS is_new,
        {dom},
        CASE WHEN left(e.enterprise_id, 2) = '92' THEN 1.0 ELSE 0.0 END AS entity_type_individual_business,
        CASE WHEN left(e.enterprise_id, 2) = '93' THEN 1.0 ELSE 0.0 END AS entity_type_farmers_cooperative,
        CASE WHEN left(e.enterprise_id, 2) NOT IN ('91', '92', '93') THEN 1.0 ELSE 0.0 END AS entity_type_other,
        CASE WHEN lic.licence_lapsed_36m THEN 1.0 ELSE 0.0 END AS licence_lapsed_36m,
        -- NOTE: DuckDB's greatest/least skip NULLs, so the no-inspection case is spelled out.
        CASE WHEN ins.last_inspection IS NULL THEN {MONTHS_SINCE_INSPECTED_CAP} ELSE least(greatest(
          (year(DATE '{t}') - year(ins.last_inspection)) * 12 + (month(DATE '{t}') - month(ins.last_inspection))
          - CASE WHEN (year(DATE '{t}') - year(ins.last_inspection)) * 12 + (month(DATE '{t}') - month(ins.last_inspection)) > 0
                  AND least(day(ins.last_inspection), {month_end}) > {t.day} THEN 1 ELSE 0 END, 0), {MONTHS_SINCE_INSPECTED_CAP}) END AS months_since_inspected,
        coalesce(lst.serious_now, false) AS serious_now, coalesce(pen.heavy12, false) AS heavy12,
        coalesce(pen.hist, 0) + coalesce(smp.hist, 0) + coalesce(ins.hist, 0) + coalesce(cmp.hist, 0) + coalesce(lst.hist, 0) AS hist,
        {T} - e.registered_on AS age_days
      FROM ent e LEFT JOIN pen USING (enterprise_id) LEFT JOIN smp USING (enterprise_id) LEFT JOIN ins USING (enterprise_id)
        LEFT JOIN cmp USING (enterprise_id) LEFT JOIN lst USING (enterprise_id) LEFT JOIN lic USING (enterprise_id)
        JOIN pri USING (enterprise_id)),
    s AS (SELECT *, 1 / (1 + exp(-({model['intercept']!r} + {beta}))) AS p FROM f),
    r AS (SELECT *, CASE WHEN p >= {d!r} THEN 3 WHEN p >= {cc!r} THEN 2 WHEN p >= {b!r} THEN 1 ELSE 0 END AS r0 FROM s),
    r2 AS (SELECT *, CASE WHEN serious_now THEN 3
                          WHEN age_days < 365 AND hist = 0 THEN 1
                          WHEN abnormal_now > 0 OR heavy12 THEN greatest(r0, 2) ELSE r0 END AS rt FROM r)
    SELECT enterprise_id, p AS probability, ['A', 'B', 'C', 'D'][rt + 1] AS tier FROM r2 ORDER BY enterprise_id
    """
    if a.dump_features:
        names = ", ".join(sorted(["pen_count_12m", "pen_count_36m", "pen_sev_decay_36m", "pen_fine_log_36m", "days_since_penalty", "never_penalised",
                                  "samp_tests_36m", "samp_fail_36m", "samp_fail_rate_sm", "samp_safety_fail_36m", "insp_count_36m", "insp_serious_36m",
                                  "insp_find_rate_sm", "compl_subst_12m", "compl_log_12m", "abnormal_now", "abnormal_spells_36m", "serious_exited_36m",
                                  "age_log_years", "is_new", *DOMAIN_FLAGS, "entity_type_individual_business", "entity_type_farmers_cooperative",
                                  "entity_type_other", "licence_lapsed_36m", "months_since_inspected"]))
        dump = sql.replace("SELECT enterprise_id, p AS probability, ['A', 'B', 'C', 'D'][rt + 1] AS tier FROM r2 ORDER BY enterprise_id",
                           f"SELECT enterprise_id, {names} FROM f ORDER BY enterprise_id")
        con.execute(f"COPY ({dump}) TO '{a.dump_features}' (HEADER, DELIMITER ',')")
    out = a.out.replace("'", "''")
    con.execute(f"COPY ({sql}) TO '{out}' (HEADER, DELIMITER ',')")
    return con.execute(f"SELECT count(*) FROM read_csv('{out}')").fetchone()[0]


# ----------------------------------------------------------------------------- pandas
def run_pandas(a, model):
    import numpy as np
    import pandas as pd
    t = pd.Timestamp(a.as_of)
    td = dt.date.fromisoformat(a.as_of)
    s12, s36 = pd.Timestamp(add_months(td, -SHORT)), pd.Timestamp(add_months(td, -LONG))
    s36p1 = s36 + pd.Timedelta(days=1)
    c = lambda f: os.path.join(a.city, f)
    rd = lambda f, cols, dates: pd.read_csv(c(f), usecols=cols, dtype=str, keep_default_na=False).pipe(
        lambda df: df.assign(**{d: pd.to_datetime(df[d].replace("", None), format="%Y-%m-%d") for d in dates}))
    ent = rd("enterprises.csv", ["enterprise_id", "domains", "registered_on", "status", "status_changed_on"], ["registered_on", "status_changed_on"])
    ent = ent[(ent.registered_on <= t) & ((ent.status == "active") | (ent.status_changed_on > t))].set_index("enterprise_id")
    w36 = lambda s: (s > s36) & (s <= t)
    w12 = lambda s: (s > s12) & (s <= t)
    pen = rd("penalties.csv", ["enterprise_id", "decided_on", "procedure", "kinds", "fine_cny", "heavy"], ["decided_on"])
    pen = pen[pen.decided_on <= t]
    light = pen.kinds.str.replace("circulated_criticism", "").str.replace("warning", "").str.replace(";", "") == ""
    w = np.where(pen.heavy == "yes", 3.0, np.where((pen.procedure == "summary") | light, 0.5, 1.0))
    age = (t - pen.decided_on).dt.days
    i36, i12 = w36(pen.decided_on), w12(pen.decided_on)
    pen = pd.DataFrame({"enterprise_id": pen.enterprise_id, "c36": i36, "c12": i12, "decay": np.where(i36, w * 0.5 ** (age / 365.0), 0.0),
                        "fine": np.where(i36, pen.fine_cny.astype(float), 0.0), "age": age, "heavy12": (pen.heavy == "yes") & i12, "hist_pen": 1})
    pen = pen.groupby("enterprise_id").agg(pen_count_36m=("c36", "sum"), pen_count_12m=("c12", "sum"), pen_sev_decay_36m=("decay", "sum"),
                                           fine=("fine", "sum"), last_penalty=("age", "min"), heavy12=("heavy12", "any"), hist_pen=("hist_pen", "sum"))
    smp = rd("sampling_tests.csv", ["enterprise_id", "sampled_on", "result", "fail_class", "final"], ["sampled_on"])
    smp = smp[smp.sampled_on <= t]
    ok = (smp.final == "yes") & w36(smp.sampled_on)
    smp = pd.DataFrame({"enterprise_id": smp.enterprise_id, "ok": ok, "fail": ok & (smp.result == "fail"), "safety": ok & (smp.fail_class == "safety"), "h": 1}) \
        .groupby("enterprise_id").agg(samp_tests_36m=("ok", "sum"), samp_fail_36m=("fail", "sum"), samp_safety_fail_36m=("safety", "any"), hist_smp=("h", "sum"))
    ins = rd("inspections.csv", ["enterprise_id", "inspected_on", "findings_count", "max_severity"], ["inspected_on"])
    ins = ins[ins.inspected_on <= t]
    i36 = w36(ins.inspected_on)
    ins = pd.DataFrame({"enterprise_id": ins.enterprise_id, "c": i36, "f": np.where(i36, ins.findings_count.astype(int), 0),
                        "s": i36 & (ins.max_severity == "serious"), "last": ins.inspected_on, "h": 1}) \
        .groupby("enterprise_id").agg(insp_count_36m=("c", "sum"), findings=("f", "sum"), insp_serious_36m=("s", "sum"), last_inspection=("last", "max"), hist_ins=("h", "sum"))
    cmp = rd("complaints.csv", ["enterprise_id", "received_on", "substantiated"], ["received_on"])
    cmp = cmp[cmp.received_on <= t]
    i12 = w12(cmp.received_on)
    cmp = pd.DataFrame({"enterprise_id": cmp.enterprise_id, "s": i12 & (cmp.substantiated == "yes"), "a": i12, "h": 1}) \
        .groupby("enterprise_id").agg(compl_subst_12m=("s", "sum"), compl_all=("a", "sum"), hist_cmp=("h", "sum"))
    lst = rd("list_entries.csv", ["enterprise_id", "list", "entered_on", "exited_on"], ["entered_on", "exited_on"])
    lst = lst[lst.entered_on <= t]
    ab = lst.list == "abnormal_operation"
    active = lst.exited_on.isna() | (lst.exited_on > t)
    lst = pd.DataFrame({"enterprise_id": lst.enterprise_id, "an": ab & active, "sp": ab & (lst.exited_on.isna() | (lst.exited_on > s36p1)),
                        "sn": ~ab & active, "se": ~ab & w36(lst.exited_on), "h": 1}) \
        .groupby("enterprise_id").agg(abnormal_now=("an", "any"), abnormal_spells_36m=("sp", "sum"), serious_now=("sn", "any"),
                                      serious_exited_36m=("se", "sum"), hist_lst=("h", "sum"))
    lic = rd("licences.csv", ["enterprise_id", "issued_on", "status", "status_changed_on"], ["issued_on", "status_changed_on"])
    lic = lic[lic.status_changed_on.fillna(lic.issued_on) <= t]
    lic = pd.DataFrame({"enterprise_id": lic.enterprise_id, "l": lic.status.isin(["revoked", "expired"]) & w36(lic.status_changed_on)}) \
        .groupby("enterprise_id").agg(licence_lapsed_36m=("l", "any"))
    f = ent.join([pen, smp, ins, cmp, lst, lic], how="left")
    z = lambda col: f[col].fillna(0).to_numpy(dtype=float)
    fl = lambda col: f[col].fillna(False).to_numpy(dtype=bool).astype(float)
    doms = f.domains.str.split(";")
    sp = doms.map(lambda ds: sum(model["samp_prior"][x] for x in ds) / len(ds)).to_numpy(dtype=float)
    ip = doms.map(lambda ds: sum(model["insp_prior"][x] for x in ds) / len(ds)).to_numpy(dtype=float)
    age_days = np.maximum((t - f.registered_on).dt.days.to_numpy(), 0)
    li = f.last_inspection
    months = (td.year - li.dt.year) * 12 + (td.month - li.dt.month)
    month_end = calendar.monthrange(td.year, td.month)[1]
    months = months - ((months > 0) & (np.minimum(li.dt.day, month_end) > td.day)).astype(float)
    months = np.minimum(months.clip(lower=0).fillna(MONTHS_SINCE_INSPECTED_CAP).to_numpy(dtype=float), MONTHS_SINCE_INSPECTED_CAP)
    prefix = f.index.str[:2]
    X = {
        "pen_count_12m": z("pen_count_12m"), "pen_count_36m": z("pen_count_36m"), "pen_sev_decay_36m": z("pen_sev_decay_36m"),
        "pen_fine_log_36m": np.log1p(z("fine") / 1000.0),
        "days_since_penalty": np.minimum(f.last_penalty.fillna(DAYS_SINCE_PENALTY_CAP).to_numpy(dtype=float), DAYS_SINCE_PENALTY_CAP),
        "never_penalised": f.last_penalty.isna().to_numpy().astype(float),
        "samp_tests_36m": z("samp_tests_36m"), "samp_fail_36m": z("samp_fail_36m"),
        "samp_fail_rate_sm": (z("samp_fail_36m") + K * sp) / (z("samp_tests_36m") + K), "samp_safety_fail_36m": fl("samp_safety_fail_36m"),
        "insp_count_36m": z("insp_count_36m"), "insp_serious_36m": z("insp_serious_36m"),
        "insp_find_rate_sm": (z("findings") + K * ip) / (z("insp_count_36m") + K),
        "compl_subst_12m": z("compl_subst_12m"), "compl_log_12m": np.log1p(z("compl_all")),
        "abnormal_now": fl("abnormal_now"), "abnormal_spells_36m": z("abnormal_spells_36m"), "serious_exited_36m": z("serious_exited_36m"),
        "age_log_years": np.log1p(age_days / 365.25), "is_new": (age_days < 365).astype(float),
        "entity_type_individual_business": (prefix == "92").astype(float), "entity_type_farmers_cooperative": (prefix == "93").astype(float),
        "entity_type_other": (~prefix.isin(["91", "92", "93"])).astype(float),
        "licence_lapsed_36m": fl("licence_lapsed_36m"), "months_since_inspected": months,
    }
    for name, token in DOMAIN_FLAGS.items():
        X[name] = doms.map(lambda ds: token in ds).to_numpy().astype(float)
    eta = np.full(len(f), model["intercept"])
    for name, b in model["beta"].items():
        eta = eta + b * X[name]
    p = 1 / (1 + np.exp(-eta))
    b, cc, d = model["cuts"]
    r = np.select([p >= d, p >= cc, p >= b], [3, 2, 1], 0)
    hist = sum(z(h) for h in ("hist_pen", "hist_smp", "hist_ins", "hist_cmp", "hist_lst"))
    r = np.where((X["abnormal_now"] > 0) | fl("heavy12").astype(bool), np.maximum(r, 2), r)
    r = np.where((age_days < 365) & (hist == 0), 1, r)
    r = np.where(fl("serious_now").astype(bool), 3, r)
    out = pd.DataFrame({"enterprise_id": f.index, "probability": p, "tier": np.array(list("ABCD"))[r]}).sort_values("enterprise_id")
    out.to_csv(a.out, index=False)
    return len(out)


# ----------------------------------------------------------------------------- compare
def cmd_compare(a):
    import polars as pl
    ours = pl.read_csv(a.ours, infer_schema=False).filter(pl.col("probability") != "") \
        .select("enterprise_id", pl.col("probability").cast(pl.Float64).alias("p_ours"), pl.col("proposed_tier").alias("t_ours"))
    peer = pl.read_csv(a.peer, infer_schema=False).select("enterprise_id", pl.col("probability").cast(pl.Float64).alias("p_peer"), pl.col("tier").alias("t_peer"))
    j = ours.join(peer, on="enterprise_id", how="full", coalesce=True)
    missing = j.filter(pl.col("p_ours").is_null() | pl.col("p_peer").is_null()).height
    both = j.drop_nulls()
    dp = (both["p_ours"] - both["p_peer"]).abs().max()
    mism = both.filter(pl.col("t_ours") != pl.col("t_peer")).height
    res = {"rows_ours": ours.height, "rows_peer": peer.height, "unmatched": missing, "max_abs_dp": dp, "tier_mismatches": mism}
    print(json.dumps(res))
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--engine", choices=["pandas", "polars", "duckdb"], required=True)
    r.add_argument("--city", required=True)
    r.add_argument("--model", required=True)
    r.add_argument("--as-of", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--threads", type=int, default=0)
    r.add_argument("--dump-features", help="also write the feature matrix (polars, duckdb; for checking)")
    cp = sub.add_parser("compare")
    cp.add_argument("--ours", required=True)
    cp.add_argument("--peer", required=True)
    a = ap.parse_args()
    if a.cmd == "compare":
        cmd_compare(a)
        return
    model = load_model(a.model)
    t0 = time.perf_counter()
    n = {"pandas": run_pandas, "polars": run_polars, "duckdb": run_duckdb}[a.engine](a, model)
    print(json.dumps({"engine": a.engine, "rows": n, "seconds": time.perf_counter() - t0}))


if __name__ == "__main__":
    main()
