#!/usr/bin/env python3
"""The monthly run side by side: `risktier score --store` (release binary, whole process,
from the imported store to scores.csv, transitions.csv, run.json and the run recorded in the
store) against the same features → score → tier computation in pandas, polars and DuckDB
(`monthly_peers.py`) reading the city's export CSVs, in the same run, interleaved per repeat.

Per size N: the city is `risktier synth --enterprises N --seed 7 --start 2021-01-01 --years 5`
and the store `risktier init` + `risktier import` of its nine files, both made once and cached
under --cache (import is not timed here; see the Import section of Benchmarks/README.md). Each
timed run of ours scores a fresh copy of that imported store (the copy is not timed), so every
run records the month into a store with no run yet, as the first monthly run after an import.
Every engine scores with `Models/synthetic-city-2024-12` as of 2025-12-31. Each run is under
/usr/bin/time -v (wall clock and peak RSS). The script checks that every peer's probabilities
and tiers agree with ours before it reports.

  swift build -c release --product risktier
  pip install polars duckdb pandas
  python3 Benchmarks/peers/monthly_side_by_side.py --sizes 100000,1000000 --repeats 3 --json monthly.json
"""
import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import benchutil  # noqa: E402

MODEL = os.path.join(ROOT, "Models", "synthetic-city-2024-12")
AS_OF = "2025-12-31"
FILES = ["enterprises.csv", "inspectors.csv", "conflicts.csv", "licences.csv", "penalties.csv", "sampling_tests.csv",
         "inspections.csv", "complaints.csv", "list_entries.csv"]
ENGINES = ["polars", "duckdb", "pandas"]


def timed(argv, log):
    """Runs argv under /usr/bin/time -v; returns (wall s, user+sys s, peak RSS MiB)."""
    with benchutil.Foreign() as fg:
        p = subprocess.run(["/usr/bin/time", "-v"] + argv, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(argv)}\n{p.stdout[-2000:]}\n{p.stderr[-4000:]}")
    err = p.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", err)
    h, m, s = (int(wall.group(1) or 0), int(wall.group(2)), float(wall.group(3)))
    cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", err).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", err).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    log.append({"argv": argv, "wall_s": h * 3600 + m * 60 + s, "cpu_s": cpu, "rss_mib": rss, "foreign_cpu_s": fg.cpu_s})
    return h * 3600 + m * 60 + s, cpu, rss


def prepare(binary, n, cache):
    city = os.path.join(cache, f"city{n}")
    store = os.path.join(cache, f"store{n}.sqlite")
    prep = {}
    if not os.path.exists(os.path.join(city, "list_entries.csv")):
        t0 = time.time()
        subprocess.run([binary, "synth", "--enterprises", str(n), "--seed", "7", "--start", "2021-01-01", "--years", "5", "--out", city], check=True)
        prep["synth_s"] = time.time() - t0
    if not os.path.exists(store + ".done"):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        subprocess.run([binary, "init", "--store", store], check=True)
        t0 = time.time()
        subprocess.run([binary, "import", "--store", store] + [os.path.join(city, f) for f in FILES], check=True)
        prep["import_s"] = time.time() - t0
        open(store + ".done", "w").write(json.dumps(prep))
    # The store as imported: no run recorded (earlier versions of this script scored into it),
    # migrated to the binary's schema, its WAL checkpointed so that a file copy is complete.
    subprocess.run([binary, "init", "--store", store], check=True, capture_output=True)
    with sqlite3.connect(store) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # (Since the store's v4 tier_history and tier_assignments are views of run_assignments.)
        for table in ["tier_history", "tier_assignments", "run_assignments", "scores", "model_runs"]:
            if table in tables:
                db.execute(f"DELETE FROM {table}")
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    rows = sum(max(0, sum(1 for _ in open(os.path.join(city, f))) - 1) for f in FILES)
    return city, store, rows, prep


def fresh_copy(store, n, cache):
    """A copy of the imported store for one timed run (not timed): every run is the month's
    first run on a freshly imported store, as in operations, not a re-score of a month."""
    run = os.path.join(cache, f"run{n}.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(run + suffix):
            os.remove(run + suffix)
    shutil.copyfile(store, run)
    # The copy's pages are written back before the run starts: otherwise the run's first disk
    # sync (SQLite syncing its new WAL's header, ≈ 1 ms on a store at rest) waited for the
    # kernel to write the whole just-copied file (0.58–0.78 s at 10⁶ firms, strace -T), which a
    # store imported days before the month's run does not ask of it.
    os.sync()
    return run


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--cache", default="/tmp/risktier-monthly-bench")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "risktier"))
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--json", default=None, help="report file (default: monthly.json in --cache)")
    a = ap.parse_args()
    os.makedirs(a.cache, exist_ok=True)
    if a.json is None:
        a.json = os.path.join(a.cache, "monthly.json")
    engines = a.engines.split(",")
    report = {"as_of": AS_OF, "model": "synthetic-city-2024-12", "load_average_start": os.getloadavg(), "sizes": []}
    for n in [int(x) for x in a.sizes.split(",")]:
        city, store, rows, prep = prepare(a.binary, n, a.cache)
        print(f"N = {n}: {rows} rows in the city files", flush=True)
        log = []
        times = {e: [] for e in ["ours"] + engines}
        rss = {e: [] for e in ["ours"] + engines}
        for r in range(a.repeats):
            out = os.path.join(a.cache, f"out{n}")
            shutil.rmtree(out, ignore_errors=True)
            run_store = fresh_copy(store, n, a.cache)
            benchutil.wait_idle()
            w, _, m = timed([a.binary, "score", "--store", run_store, "--model", MODEL, "--as-of", AS_OF, "--out", out], log)
            times["ours"].append(w)
            rss["ours"].append(m)
            print(f"  ours   run {r + 1}: {w:7.2f} s, {m:7.0f} MiB", flush=True)
            for e in engines:
                benchutil.wait_idle()
                w, _, m = timed([sys.executable, os.path.join(HERE, "monthly_peers.py"), "run", "--engine", e, "--city", city,
                                 "--model", os.path.join(MODEL, "model.json"), "--as-of", AS_OF, "--out", os.path.join(a.cache, f"{e}{n}.csv")], log)
                times[e].append(w)
                rss[e].append(m)
                print(f"  {e:6} run {r + 1}: {w:7.2f} s, {m:7.0f} MiB", flush=True)
        agreement = {}
        for e in engines:
            p = subprocess.run([sys.executable, os.path.join(HERE, "monthly_peers.py"), "compare", "--ours", os.path.join(a.cache, f"out{n}", "scores.csv"),
                                "--peer", os.path.join(a.cache, f"{e}{n}.csv")], capture_output=True, text=True, check=True)
            agreement[e] = json.loads(p.stdout)
        med = {e: statistics.median(v) for e, v in times.items()}
        fastest = min(engines, key=lambda e: med[e])
        # Also the best run of each: on a machine shared with noisy neighbours the minimum is the
        # steadier estimate of what a program costs (the median is still the headline figure).
        best = {e: min(v) for e, v in times.items()}
        entry = {"n": n, "rows": rows, "prepare": prep, "median_wall_s": med, "min_wall_s": best,
                 "max_rss_mib": {e: max(v) for e, v in rss.items()},
                 "fastest_peer": fastest, "ours_over_fastest": med["ours"] / med[fastest],
                 "ours_over_fastest_min": best["ours"] / min(best[e] for e in engines),
                 "ours_rss_over_polars": max(rss["ours"]) / max(rss["polars"]) if "polars" in rss else None,
                 "agreement": agreement, "runs": log}
        report["sizes"].append(entry)
        print(json.dumps({k: v for k, v in entry.items() if k != "runs"}, indent=1), flush=True)
    report["load_average_end"] = os.getloadavg()
    with open(a.json, "w") as f:
        json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
