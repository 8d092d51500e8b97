"""Independent check of the synthetic city's latent model (pandas + statsmodels, not our code).

Reads the bundled §4 CSV files, recomputes the latent model's features as of the reference
date t exactly as DOMAIN.md §5.1 defines them, derives `observed` and the label y in
(t, t + 12 months] as §5.2 defines them, fits the logistic regression with statsmodels and
reports whether each TRUE coefficient (README.md) lies in its 95 % Wald interval.

Usage: python3 fit_check.py DIR REFERENCE_DATE > fit_check.txt
"""
import sys
import numpy as np
import pandas as pd
import statsmodels.api as sm

TRUE = {
    "(Intercept)": -3.10, "pen_count_36m": 0.50, "samp_fail_36m": 0.70, "insp_serious_36m": 0.90,
    "abnormal_now": 1.00, "compl_subst_12m": 0.60, "age_log_years": -0.20, "domain_drug": -0.40,
    "domain_special_equipment": 0.45,
}

directory, reference = sys.argv[1], pd.Timestamp(sys.argv[2])
t = reference
t36 = t - pd.DateOffset(months=36)   # calendar months, day clamped to month end (pandas does)
t12 = t - pd.DateOffset(months=12)
end = t + pd.DateOffset(months=12)

def read(name, dates):
    frame = pd.read_csv(f"{directory}/{name}.csv", dtype=str, keep_default_na=False)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column].replace("", None))
    return frame

ent = read("enterprises", ["registered_on", "status_changed_on"])
pen = read("penalties", ["decided_on"])
smp = read("sampling_tests", ["sampled_on"])
ins = read("inspections", ["inspected_on"])
cmp_ = read("complaints", ["received_on"])
lst = read("list_entries", ["entered_on", "exited_on"])

active = ent[(ent.registered_on <= t) & (ent.status_changed_on.isna() | (ent.status_changed_on > t))].copy()
active = active.set_index("enterprise_id")

def count(frame, mask):
    return frame[mask].groupby("enterprise_id").size().reindex(active.index, fill_value=0)

x = pd.DataFrame(index=active.index)
x["pen_count_36m"] = count(pen, (pen.decided_on > t36) & (pen.decided_on <= t))
x["samp_fail_36m"] = count(smp, (smp.sampled_on > t36) & (smp.sampled_on <= t) & (smp.result == "fail") & (smp.final == "yes"))
x["insp_serious_36m"] = count(ins, (ins.inspected_on > t36) & (ins.inspected_on <= t) & (ins.max_severity == "serious"))
on_list = (lst.list == "abnormal_operation") & (lst.entered_on <= t) & (lst.exited_on.isna() | (lst.exited_on > t))
x["abnormal_now"] = (count(lst, on_list) > 0).astype(float)
x["compl_subst_12m"] = count(cmp_, (cmp_.received_on > t12) & (cmp_.received_on <= t) & (cmp_.substantiated == "yes"))
x["age_log_years"] = np.log1p((t - active.registered_on).dt.days / 365.25)
x["domain_drug"] = active.domains.str.split(";").apply(lambda d: "drug" in d).astype(float)
x["domain_special_equipment"] = active.domains.str.split(";").apply(lambda d: "special_equipment" in d).astype(float)

def window(frame, column):
    return (frame[column] > t) & (frame[column] <= end)

observed = (count(ins, window(ins, "inspected_on")) + count(smp, window(smp, "sampled_on") & (smp.final == "yes"))) > 0
label_events = (
    count(pen, window(pen, "decided_on") & (pen.procedure == "ordinary")
          & ((pen.heavy == "yes") | ~pen.kinds.isin(["warning", "circulated_criticism", "circulated_criticism;warning"])))
    + count(ins, window(ins, "inspected_on") & (ins.max_severity == "serious"))
    + count(smp, window(smp, "sampled_on") & (smp.final == "yes") & (smp.fail_class == "safety"))
    + count(lst, window(lst, "entered_on") & (lst.list == "serious_dishonesty")))
y = (label_events > 0).astype(float)
random_arm = count(ins, window(ins, "inspected_on") & (ins.origin == "random_draw")) > 0

X = sm.add_constant(x[observed]).rename(columns={"const": "(Intercept)"})
fit = sm.Logit(y[observed], X).fit(disp=0, tol=1e-10, maxiter=100)
ci = fit.conf_int(0.05)
print(f"active on t: {len(active)}; observed: {int(observed.sum())}; y = 1: {int(y[observed].sum())} "
      f"(rate {y[observed].mean():.4f}); random arm: {int(random_arm.sum())}, y = 1: {int(y[random_arm].sum())}")
print(f"{'term':28s} {'true':>7s} {'estimate':>9s} {'se':>7s} {'ci_low':>8s} {'ci_high':>8s} inside")
inside_all = True
for term in X.columns:
    lo, hi = ci.loc[term]
    inside = lo <= TRUE[term] <= hi
    inside_all &= inside
    print(f"{term:28s} {TRUE[term]:7.3f} {fit.params[term]:9.4f} {fit.bse[term]:7.4f} {lo:8.4f} {hi:8.4f} {'yes' if inside else 'NO'}")
print(f"all true coefficients inside their 95 % intervals: {'yes' if inside_all else 'NO'}")
