#!/usr/bin/env python3
"""Side by side: `risktier draw freeze/run/verify` against Rivest's consistent-sampler 1.0.10.

Adapted from ../../../shared/bench/lottery_peer.py (same seed, sampler call and timing rules).

Work, per population size n (default 10^5 and 10^6):
  ids      n distinct unified social credit codes (valid check character; RiskTier's freeze
           rejects invalid ones), built once, identical for both sides.
  strata   tiers drawn with weights A 60 / B 25 / C 10 / D 5 % (seeded), rates 300/500/1000/3000 bp
           (DOMAIN.md defaults), so about 5.6 % of n is selected.
  roster   500 officers, each qualified for 2 of 4 domains, capacity = ceil(1.2 * selected * 2 / 500 * 2)
           so that capacity is ample but not infinite; no conflicts.
  peer     for each stratum: list(sampler(stratum_ids, seed, take=n_s, output='tuple', digits=18))
           (the package has no team assignment; this is steps 1-2 of risktier-draw/1 exactly).
           Timed inside Python, id lists prebuilt (as lottery_peer.py does).
  ours     the release binary, whole processes (start-up, CSV parsing, hashing, selection, team
           assignment, writing record.json / selections.csv / notice.html):
             freeze  draw freeze (re-canonicalise + validate every credit code + digests)
             run-0   draw run with an empty roster (steps 1-2 only: the peer's work)
             run     draw run with the 500-officer roster (steps 1-3)
             verify  draw verify (recompute everything and compare)
           wall seconds (median) and CPU seconds (user+sys of the child, median).
Each measurement: --repeats runs (default 5) after benchutil.wait_idle(); median, min, max.
Wall and CPU seconds are both reported: on a shared machine (BENCH_NO_WAIT=1) CPU seconds
are the robust figure; the peer's foreign CPU (other processes) is recorded per run.
The samples are checked equal (ids and trimmed tickets per stratum) before timing is reported.

Usage (from the repository root, after `swift build -c release`):
  python3 Benchmarks/peers/lottery_side_by_side.py --sizes 100000,1000000 --repeats 5 --out /tmp/lottery_side_by_side.json
"""
import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import importlib.metadata as md
import random

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from benchutil import Foreign, wait_idle  # noqa: E402

SEED = "20261125-public-seed"
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
RATES = {"A": 300, "B": 500, "C": 1000, "D": 3000}
DOMAINS = ["cosmetic", "drug", "food", "medical_device"]


def make_ids(n):
    """n distinct valid USCCs: 91330000 + 9 base-31 digits of i + check character."""
    out = []
    for i in range(n):
        body = "91330000"
        v = i
        for _ in range(9):
            body += CHARSET[v % 31]
            v //= 31
        s = sum(CHARSET.index(c) * w for c, w in zip(body, WEIGHTS))
        out.append(body + CHARSET[(31 - s % 31) % 31])
    return out


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_ours(argv):
    c0 = child_cpu()
    t0 = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    cpu = child_cpu() - c0
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({p.returncode}): {p.stderr.decode()}")
    return wall, cpu


def summary(xs):
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "runs": xs}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--binary", default=os.path.join(HERE, "..", "..", ".build", "release", "risktier"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--keep", default=None, help="keep the generated files in this directory")
    a = ap.parse_args()
    from consistent_sampler import sampler

    binary = os.path.abspath(a.binary)
    res = {"seed": SEED, "rates_bp": RATES, "binary": binary,
           "versions": {"python": platform.python_version(), "consistent-sampler": md.version("consistent-sampler")},
           "sizes": {}}
    work = a.keep or tempfile.mkdtemp(prefix="lottery-bench-")
    os.makedirs(work, exist_ok=True)
    for n in [int(s) for s in a.sizes.split(",") if s]:
        rng = random.Random(n)
        ids = make_ids(n)
        tiers = rng.choices("ABCD", weights=[60, 25, 10, 5], k=n)
        doms = [rng.choice(DOMAINS) for _ in range(n)]
        d = os.path.join(work, str(n))
        os.makedirs(d, exist_ok=True)
        # Inputs deliberately not in canonical order (freeze sorts them).
        order = list(range(n))
        rng.shuffle(order)
        with open(os.path.join(d, "population-in.csv"), "w") as f:
            f.write("enterprise_id,stratum,domain,district\n")
            f.writelines(f"{ids[i]},{tiers[i]},{doms[i]},330100\n" for i in order)
        by_stratum = {s: sorted((ids[i] for i in range(n) if tiers[i] == s), key=lambda x: x.encode()) for s in RATES}
        take = {s: min(len(v), (len(v) * RATES[s] + 9999) // 10000) for s, v in by_stratum.items()}
        selected = sum(take.values())
        capacity = -(-selected * 2 * 12 // (500 * 10))  # 1.2 x what the teams need, spread evenly
        with open(os.path.join(d, "roster-in.csv"), "w") as f:
            f.write("inspector_id,domains,district,capacity\n")
            for k in range(500):
                f.write(f"INS{k:04d},{';'.join(sorted(rng.sample(DOMAINS, 2)))},330100,{capacity}\n")
        with open(os.path.join(d, "roster-empty.csv"), "w") as f:
            f.write("inspector_id,domains,district,capacity\n")
        with open(os.path.join(d, "conflicts-in.csv"), "w") as f:
            f.write("inspector_id,enterprise_id,reason\n")
        with open(os.path.join(d, "plan.json"), "w") as f:
            json.dump({"task": {"id": f"bench-{n}", "title": "基准测试", "domain": "food", "date": "2026-12-01",
                                "seed_source": "benchmark"}, "rates_bp": RATES, "team_size": 2}, f)
        freeze = lambda roster, out: [binary, "draw", "freeze", "--plan", os.path.join(d, "plan.json"),
                                      "--population", os.path.join(d, "population-in.csv"),
                                      "--roster", os.path.join(d, roster), "--conflicts", os.path.join(d, "conflicts-in.csv"),
                                      "--out", os.path.join(d, out)]
        run = lambda frozen, out: [binary, "draw", "run", "--frozen", os.path.join(d, frozen), "--seed", SEED,
                                   "--out", os.path.join(d, out)]
        verify = [binary, "draw", "verify", "--frozen", os.path.join(d, "frozen"), "--record", os.path.join(d, "draw", "record.json")]
        run_ours(freeze("roster-empty.csv", "frozen0"))
        run_ours(freeze("roster-in.csv", "frozen"))
        run_ours(run("frozen0", "draw0"))
        run_ours(run("frozen", "draw"))

        # Same sample? Per stratum, ids and trimmed tickets, in the package's order.
        peer_samples = {s: list(sampler(by_stratum[s], SEED, take=take[s], output="tuple", digits=18)) if take[s] else []
                        for s in RATES}
        with open(os.path.join(d, "draw", "record.json")) as f:
            record = json.load(f)
        for s in RATES:
            ours = [(x["ticket"], x["enterprise_id"]) for x in record["selections"] if x["stratum"] == s]
            assert ours == [(t, i) for t, i, _ in peer_samples[s]], f"stratum {s}: samples differ"
        unassigned = len(record["unassigned"])

        timings = {"peer": [], "peer_cpu": [], "peer_foreign_cpu": []}
        for key in ("freeze", "run-0", "run", "verify"):
            timings[key + "_wall"], timings[key + "_cpu"] = [], []
        for rep in range(a.repeats):
            wait_idle()
            with Foreign() as fg:
                t0, c0 = time.perf_counter(), time.process_time()
                for s in RATES:
                    if take[s]:
                        list(sampler(by_stratum[s], SEED, take=take[s], output="tuple", digits=18))
                timings["peer"].append(time.perf_counter() - t0)
                timings["peer_cpu"].append(time.process_time() - c0)
            timings["peer_foreign_cpu"].append(round(fg.cpu_s, 2))
            for key, argv in (("freeze", freeze("roster-in.csv", "frozen")), ("run-0", run("frozen0", "draw0")),
                              ("run", run("frozen", "draw")), ("verify", verify)):
                wait_idle()
                wall, cpu = run_ours(argv)
                timings[key + "_wall"].append(wall)
                timings[key + "_cpu"].append(cpu)
            print(f"n={n} rep {rep + 1}: peer {timings['peer'][-1]:.3f}s  freeze {timings['freeze_wall'][-1]:.3f}s  "
                  f"run-0 {timings['run-0_wall'][-1]:.3f}s  run {timings['run_wall'][-1]:.3f}s  verify {timings['verify_wall'][-1]:.3f}s",
                  flush=True)
        entry = {"n": n, "selected": selected, "unassigned": unassigned, "capacity": capacity,
                 **{k: summary(v) for k, v in timings.items()}}
        peer = entry["peer"]["median"]
        entry["ratio_peer_over_run0"] = peer / entry["run-0_wall"]["median"]
        entry["ratio_peer_over_run"] = peer / entry["run_wall"]["median"]
        entry["ratio_peer_over_freeze_run_verify"] = peer / (entry["freeze_wall"]["median"] + entry["run_wall"]["median"] + entry["verify_wall"]["median"])
        peer_cpu = entry["peer_cpu"]["median"]
        entry["cpu_ratio_peer_over_run0"] = peer_cpu / entry["run-0_cpu"]["median"]
        entry["cpu_ratio_peer_over_run"] = peer_cpu / entry["run_cpu"]["median"]
        entry["cpu_ratio_peer_over_freeze_run_verify"] = peer_cpu / (entry["freeze_cpu"]["median"] + entry["run_cpu"]["median"] + entry["verify_cpu"]["median"])
        res["sizes"][str(n)] = entry
        print(f"n={n}: selected {selected}, unassigned {unassigned}; medians: peer sampler {peer:.3f}s | ours "
              f"freeze {entry['freeze_wall']['median']:.3f}s (cpu {entry['freeze_cpu']['median']:.3f}), "
              f"run-0 {entry['run-0_wall']['median']:.3f}s (cpu {entry['run-0_cpu']['median']:.3f}), "
              f"run {entry['run_wall']['median']:.3f}s (cpu {entry['run_cpu']['median']:.3f}), "
              f"verify {entry['verify_wall']['median']:.3f}s (cpu {entry['verify_cpu']['median']:.3f}); "
              f"peer/run-0 = {entry['ratio_peer_over_run0']:.1f}x, peer/run = {entry['ratio_peer_over_run']:.1f}x, "
              f"peer/(freeze+run+verify) = {entry['ratio_peer_over_freeze_run_verify']:.1f}x; CPU: peer {peer_cpu:.3f}s, "
              f"peer/run-0 = {entry['cpu_ratio_peer_over_run0']:.1f}x, peer/run = {entry['cpu_ratio_peer_over_run']:.1f}x, "
              f"peer/(freeze+run+verify) = {entry['cpu_ratio_peer_over_freeze_run_verify']:.1f}x", flush=True)
    if a.out:
        with open(a.out, "w") as f:
            json.dump(res, f, indent=1)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
