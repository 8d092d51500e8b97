#!/usr/bin/env python3
"""Independent reference for RiskTier's DOMAIN.md §5.1 features (FeaturesTests).

Generates seeded random histories for single-domain food firms at several as-of dates chosen
to hit month-end clamping (Feb 29, Mar 31, Aug 31) and events placed on and next to every
window edge, then computes the features with Python's datetime + dateutil.relativedelta (whose
month arithmetic clamps the day to the month's end, as DOMAIN.md §5.1 asks). Writes
events.csv (one event per line) and expected.csv (one firm per line).

Run: python3 make_reference.py   (Python 3.11, python-dateutil 2.9.0; deterministic, seed 20241125)
"""
import csv
import math
import random
from datetime import date, timedelta
from dateutil.relativedelta import relativedelta

K = 10.0  # shrinkage strength
M_FAIL = 0.07  # prior fail rate of food, given to both implementations
M_FIND = 0.6   # prior findings per inspection of food

rng = random.Random(20241125)
AS_OF = [date(2024, 2, 29), date(2023, 3, 31), date(2024, 8, 31), date(2024, 6, 30)]

def edges(t):
    """Dates on and next to each window edge, plus random dates."""
    out = []
    for months in (12, 36):
        s = t - relativedelta(months=months)
        out += [s - timedelta(days=1), s, s + timedelta(days=1)]
    out += [t, t - timedelta(days=1), t + timedelta(days=1)]
    end = t + relativedelta(months=12)  # label window (t, t + 12 months]
    out += [end, end + timedelta(days=1), end - timedelta(days=1)]
    return out

def some_date(t):
    if rng.random() < 0.4:
        return rng.choice(edges(t))
    return t - timedelta(days=rng.randint(-400, 2000))

events = []
expected = []
for firm in range(120):
    t = AS_OF[firm % len(AS_OF)]
    reg = t - timedelta(days=rng.choice([100, 364, 365, 366, rng.randint(0, 8000)]))
    fid = f"F{firm:04d}"
    evs = []
    for k in range(rng.randint(0, 5)):
        d = some_date(t)
        procedure = rng.choice(["summary", "ordinary"])
        kinds = rng.choice(["fine", "warning", "fine;confiscation", "licence_revocation"])
        fine = 0 if "fine" not in kinds.split(";") else (rng.randint(1, 3000) if procedure == "summary" else rng.randint(1, 200000))
        heavy = "licence_revocation" in kinds or (procedure == "ordinary" and rng.random() < 0.1)
        rec = d + timedelta(days=rng.choice([0, 0, 1, 40]))
        ended = d + timedelta(days=rng.randint(0, 900)) if rng.random() < 0.2 else None
        if procedure == "summary" and "licence_revocation" in kinds:
            procedure = "ordinary"  # revocation is never a summary-procedure penalty
        evs.append(dict(kind="penalty", date=d, procedure=procedure, kinds=kinds, fine=fine, heavy=heavy, recorded=rec, ended=ended))
    for k in range(rng.randint(0, 4)):
        d = some_date(t)
        result = "fail" if rng.random() < 0.3 else "pass"
        evs.append(dict(kind="sampling", date=d, result=result, fail_class=rng.choice(["safety", "quality"]) if result == "fail" else "",
                        final=rng.random() < 0.8, recorded=d))
    for k in range(rng.randint(0, 4)):
        d = some_date(t)
        n = rng.choice([0, 0, 1, 3])
        sev = "none" if n == 0 else rng.choice(["minor", "general", "serious"])
        evs.append(dict(kind="inspection", date=d, findings=n, severity=sev, recorded=d))
    for k in range(rng.randint(0, 3)):
        d = some_date(t)
        evs.append(dict(kind="complaint", date=d, substantiated=rng.choice(["yes", "no", "pending"]), recorded=d))
    if rng.random() < 0.4:
        lst = rng.choice(["abnormal_operation", "serious_dishonesty"])
        d = some_date(t)
        ex = rng.choice([None, d + timedelta(days=rng.randint(0, 1500)), t, t + timedelta(days=1)])
        if ex is not None and ex < d:
            ex = d
        evs.append(dict(kind="list", date=d, list=lst, exited=ex, recorded=d))

    def severity(e):
        if e["heavy"]:
            return 3
        if e["procedure"] == "summary" or set(e["kinds"].split(";")) <= {"warning"}:
            return 1
        return 2

    for respect in (False, True):
        s12, s36 = t - relativedelta(months=12), t - relativedelta(months=36)
        def known(e):
            return e["date"] <= t and (not respect or e["recorded"] <= t)
        def in36(d):
            return s36 < d <= t
        def in12(d):
            return s12 < d <= t
        pens = [e for e in evs if e["kind"] == "penalty" and known(e)]
        p36 = [e for e in pens if in36(e["date"])]
        w = {1: 0.5, 2: 1.0, 3: 3.0}
        last_pen = max((e["date"] for e in pens), default=None)
        samp = [e for e in evs if e["kind"] == "sampling" and known(e) and e["final"] and in36(e["date"])]
        fails = [e for e in samp if e["result"] == "fail"]
        insp_all = [e for e in evs if e["kind"] == "inspection" and known(e)]
        insp = [e for e in insp_all if in36(e["date"])]
        last_insp = max((e["date"] for e in insp_all), default=None)
        comp = [e for e in evs if e["kind"] == "complaint" and known(e) and in12(e["date"])]
        lists = [e for e in evs if e["kind"] == "list" and known(e)]
        abn = [e for e in lists if e["list"] == "abnormal_operation"]
        ser = [e for e in lists if e["list"] == "serious_dishonesty"]
        first_day = s36 + timedelta(days=1)
        if last_insp is None:
            msi = 60
        else:
            m = (t.year - last_insp.year) * 12 + (t.month - last_insp.month)
            if m > 0 and last_insp + relativedelta(months=m) > t:
                m -= 1
            msi = min(max(m, 0), 60)
        age = (t - reg).days
        # Label (DOMAIN.md §5.2): observed = an inspection or a final sampling test in
        # (t, t + 12 months]; y = 1 for an ordinary-procedure penalty of severity >= 2, a
        # serious inspection, a final safety fail or a serious-list entry in that window.
        end = t + relativedelta(months=12)
        def in_label(d):
            return t < d <= end
        observed = any(in_label(e["date"]) and (e["kind"] == "inspection" or (e["kind"] == "sampling" and e["final"])) for e in evs)
        positive = any(in_label(e["date"]) and (
            (e["kind"] == "penalty" and e["procedure"] == "ordinary" and severity(e) >= 2)
            or (e["kind"] == "inspection" and e["severity"] == "serious")
            or (e["kind"] == "sampling" and e["final"] and e["fail_class"] == "safety")
            or (e["kind"] == "list" and e["list"] == "serious_dishonesty")) for e in evs)
        row = dict(
            enterprise=fid, label=(int(positive) if observed else ""), as_of=t.isoformat(), respect_recorded_on=int(respect),
            pen_count_12m=sum(1 for e in p36 if in12(e["date"])),
            pen_count_36m=len(p36),
            pen_sev_decay_36m=sum(w[severity(e)] * 0.5 ** ((t - e["date"]).days / 365) for e in p36),
            pen_fine_log_36m=math.log1p(sum(e["fine"] for e in p36) / 1000),
            days_since_penalty=min((t - last_pen).days, 1825) if last_pen else 1825,
            never_penalised=int(last_pen is None),
            samp_tests_36m=len(samp), samp_fail_36m=len(fails),
            samp_fail_rate_sm=(len(fails) + K * M_FAIL) / (len(samp) + K),
            samp_safety_fail_36m=int(any(e["fail_class"] == "safety" for e in fails)),
            insp_count_36m=len(insp), insp_serious_36m=sum(1 for e in insp if e["severity"] == "serious"),
            insp_find_rate_sm=(sum(e["findings"] for e in insp) + K * M_FIND) / (len(insp) + K),
            compl_subst_12m=sum(1 for e in comp if e["substantiated"] == "yes"),
            compl_log_12m=math.log1p(len(comp)),
            abnormal_now=int(any(e["date"] <= t and (e["exited"] is None or t < e["exited"]) for e in abn)),
            abnormal_spells_36m=sum(1 for e in abn if e["exited"] is None or e["exited"] > first_day),
            serious_exited_36m=sum(1 for e in ser if e["exited"] is not None and in36(e["exited"])),
            age_log_years=math.log1p(max(age, 0) / 365.25),
            is_new=int(age < 365),
            months_since_inspected=msi,
        )
        expected.append(row)
    for i, e in enumerate(evs):
        def ds(d):
            return d.isoformat() if d else ""
        events.append([fid, reg.isoformat(), f"{fid}-{i}", e["kind"], ds(e["date"]), ds(e["recorded"]),
                       e.get("procedure", ""), e.get("kinds", ""), e.get("fine", ""), int(e.get("heavy", False)), ds(e.get("ended")),
                       e.get("result", ""), e.get("fail_class", ""), int(e.get("final", True)),
                       e.get("findings", ""), e.get("severity", ""), e.get("substantiated", ""), e.get("list", ""), ds(e.get("exited"))])
    if not evs:
        events.append([fid, reg.isoformat(), "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""])

with open("events.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["enterprise", "registered_on", "event_id", "kind", "date", "recorded_on", "procedure", "kinds", "fine_cny", "heavy",
                  "publicity_ended_on", "result", "fail_class", "final", "findings", "severity", "substantiated", "list", "exited_on"])
    out.writerows(events)
with open("expected.csv", "w", newline="") as f:
    out = csv.DictWriter(f, fieldnames=list(expected[0].keys()), lineterminator="\n")
    out.writeheader()
    for row in expected:
        out.writerow({k: (repr(v) if isinstance(v, float) else v) for k, v in row.items()})
