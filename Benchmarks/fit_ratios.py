#!/usr/bin/env python3
"""Logistic fit: RiskTier vs its peers, in one run, as ratios (ours / peer).

For each size (n rows x p features; the model adds an intercept):
  1. seeded data from gen_logit.py (shared/bench), written once to --data;
  2. ours: the release `fit-timing` product of this package (LogisticRegression + fit on the
     same arrays, X in memory), --repeats runs, median;
  3. peers: shared/bench/fit_peers.py (statsmodels Logit, scikit-learn newton-cholesky, glum,
     R glm.fit, ...), --repeats runs each, medians;
  4. ratios of medians, and max |our coefficient - statsmodels Logit's|.

Usage (from Benchmarks/, after `swift build -c release --product fit-timing`):
  python3 fit_ratios.py --repeats 5 --out fit_ratios.json
  BENCH_NO_WAIT=1 skips fit_peers.py's wait for an idle machine.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared", "bench"),
                    help="the peer scripts (gen_logit.py, fit_peers.py)")
    ap.add_argument("--data", default="/tmp/risktier-fitbench")
    ap.add_argument("--sizes", default="100000x20,100000x50,1000000x20,1000000x50")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--tools", default="sm_logit,sk_newton,glum,r_glmfit")
    ap.add_argument("--binary", default=os.path.join(HERE, ".build", "release", "fit-timing"))
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    os.makedirs(a.data, exist_ok=True)
    results = []
    for size in a.sizes.split(","):
        n, p = (int(v) for v in size.split("x"))
        tag = f"N{n}_p{p}"
        if not os.path.exists(os.path.join(a.data, f"data_{tag}.csv")):
            subprocess.run([sys.executable, os.path.join(a.shared, "gen_logit.py"), "--n", str(n), "--p", str(p),
                            "--seed", "1", "--out", a.data, "--csv"], check=True)
        ours = json.loads(subprocess.run([a.binary, "--data", a.data, "--n", str(n), "--p", str(p),
                                          "--repeats", str(a.repeats)], check=True, capture_output=True,
                                         text=True).stdout)
        peers_json = os.path.join(a.data, f"peers_{tag}.json")
        subprocess.run([sys.executable, os.path.join(a.shared, "fit_peers.py"), "--data", a.data, "--n", str(n),
                        "--p", str(p), "--repeats", str(a.repeats), "--tools", a.tools, "--out", peers_json],
                       check=True)
        with open(peers_json) as f:
            peers = json.load(f)
        ref = peers.get("coef_sm_logit")
        diff = None if ref is None else max(abs(x - y) for x, y in zip(ours["coef"], ref))
        row = {"n": n, "p": p, "ours_median_s": statistics.median(ours["times_s"]),
               "ours_cpu_median_s": statistics.median(ours["cpu_s"]), "ours_runs_s": ours["times_s"],
               "ours_iterations": ours["iterations"], "max_abs_diff_vs_sm_logit": diff,
               "peers": {t: d["median_s"] for t, d in peers["summary"].items()},
               "ratios": {t: statistics.median(ours["times_s"]) / d["median_s"] for t, d in peers["summary"].items()},
               "versions": peers.get("versions"), "threadpools": peers.get("threadpools")}
        results.append(row)
        print(json.dumps({k: row[k] for k in ("n", "p", "ours_median_s", "ours_cpu_median_s", "peers", "ratios",
                                              "max_abs_diff_vs_sm_logit")}), flush=True)
    print("\n| n | p | ours (s) | " + " | ".join(f"{t} (s) | ours/{t}" for t in results[0]["peers"]) + " | max abs diff vs statsmodels |")
    print("|---|---|---|" + "---|---|" * len(results[0]["peers"]) + "---|")
    for r in results:
        cells = " | ".join(f"{r['peers'][t]:.3f} | {r['ratios'][t]:.2f}" for t in r["peers"])
        print(f"| {r['n']} | {r['p']} | {r['ours_median_s']:.3f} | {cells} | {r['max_abs_diff_vs_sm_logit']:.1e} |")
    if a.out:
        with open(a.out, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
