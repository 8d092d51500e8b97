#!/usr/bin/env python3
"""Generate the risktier-draw/1 test vectors from consistent-sampler 1.0.10 (Rivest).

Run from this folder:  python3 generate_vectors.py        (needs: pip install consistent-sampler==1.0.10)

Writes
  tickets.json          full first_fraction tickets and trim(x, 18) / trim(x, 9) for assorted ids and seeds
  samples.json          per case and stratum: list(sampler(stratum_ids, seed, take=n, output='tuple', digits=18))
  large_sample.json     20 000 USCC-shaped ids, 5 % sample from the package (ids and trimmed tickets)
  cases/<name>/         frozen draws: population.csv roster.csv conflicts.csv manifest.json (canonical,
                        written here, not by RiskTier), seed.txt, and expected_record.json computed by the
                        package's sampler (steps 1-2) and by the independent step-3 implementation below.

Everything is seeded (random.Random(<fixed>)), so re-running reproduces the files byte for byte.
Formats: manifest.json = json.dumps(m, sort_keys=True) (no newline); record = json.dumps(r, indent=2,
ensure_ascii=False) + "\n" with keys in DESIGN.md order.
"""
import hashlib
import json
import os
import random

import consistent_sampler as cs
from consistent_sampler import first_fraction, sampler, trim

HERE = os.path.dirname(os.path.abspath(__file__))
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
DOMAINS = ["food", "drug", "medical_device", "cosmetic", "special_equipment", "industrial_product"]
TIER_ORDER = ["A", "B", "C", "D"]


def uscc(rng, district):
    body = "91" + district + "".join(rng.choice(CHARSET) for _ in range(9))
    s = sum(CHARSET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + CHARSET[(31 - s % 31) % 31]


def stratum_key(s):
    return (0, TIER_ORDER.index(s), "") if s in TIER_ORDER else (1, 0, s)


def sha256_hex_bytes(b):
    return hashlib.sha256(b).hexdigest()


# ---------------------------------------------------------------- step 3, written independently
def assign_teams(ranked, domain_of, roster, conflicts, team_size, seed):
    """ranked: enterprise ids in ascending ticket order. roster: list of dicts sorted by id.
    Returns (teams: id -> [(inspector, trimmed ticket)], unassigned: [(id, reason)])."""
    load = {r["id"]: 0 for r in roster}
    recusal = set((c[0], c[1]) for c in conflicts)
    teams, unassigned = {}, []
    for e in ranked:
        dom = domain_of[e]
        qualified = [r for r in roster if dom in r["domains"]]
        recused = [r for r in qualified if (r["id"], e) in recusal]
        full = [r for r in qualified if (r["id"], e) not in recusal and load[r["id"]] >= r["capacity"]]
        cands = [r for r in qualified if (r["id"], e) not in recusal and load[r["id"]] < r["capacity"]]
        if len(cands) < team_size:
            n = len(cands)
            reason = (f"only {n} eligible officer{'' if n == 1 else 's'} for a team of {team_size}: "
                      f"{len(qualified)} qualified for {dom}, {len(recused)} recused by conflict rows, "
                      f"{len(full)} at capacity")
            teams[e] = []
            unassigned.append((e, reason))
            continue
        # The package's own sampler over the pair ids gives the order (ties by the pair string).
        pair_ids = [e + ":" + r["id"] for r in cands]
        team = list(sampler(pair_ids, seed, take=team_size, output="tuple", digits=18))
        members = []
        for ticket, pair, _gen in team:
            inspector = pair[len(e) + 1:]
            load[inspector] += 1
            members.append((inspector, ticket))
        teams[e] = members
    return teams, unassigned


def expected_record(population, roster, conflicts, plan, seed, manifest_bytes):
    rates = plan["rates_bp"]
    strata, selected, per_stratum = [], [], {}
    for s in sorted(rates, key=stratum_key):
        ids = [p[0] for p in population if p[1] == s]
        n = min(len(ids), (len(ids) * rates[s] + 9999) // 10000)
        sample = list(sampler(ids, seed, take=n, output="tuple", digits=18)) if n > 0 else []
        per_stratum[s] = [[t, i] for t, i, _ in sample]
        strata.append({"stratum": s, "population": len(ids), "rate_bp": rates[s], "sample_size": n})
        selected += [(first_fraction(i, seed), i, s, t) for t, i, _ in sample]
    selected.sort(key=lambda x: (x[0], x[1]))
    domain_of = {p[0]: p[2] for p in population}
    teams, unassigned = assign_teams([x[1] for x in selected], domain_of, roster, conflicts, plan["team_size"], seed)
    record = {
        "algorithm": "risktier-draw/1",
        "manifest_sha256": sha256_hex_bytes(manifest_bytes),
        "seed": seed,
        "strata": strata,
        "selections": [
            {"rank": k + 1, "enterprise_id": i, "stratum": s, "ticket": t,
             "team": [{"inspector_id": a, "ticket": b} for a, b in teams[i]]}
            for k, (_, i, s, t) in enumerate(selected)],
        "unassigned": [{"enterprise_id": i, "reason": r} for i, r in unassigned],
    }
    return record, per_stratum


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def make_case(name, rng, n, tier_weights, n_inspectors, capacity_range, n_conflicts, plan, seed, ids=None):
    districts = ["330102", "330105", "330106", "330108", "330110"]
    if ids is None:
        ids = set()
        while len(ids) < n:
            ids.add(uscc(rng, rng.choice(districts)))
        ids = sorted(ids)
    population = []
    for i in ids:
        tier = rng.choices(list(tier_weights), weights=list(tier_weights.values()))[0]
        population.append((i, tier, rng.choice(DOMAINS[:4]), rng.choice(districts)))
    population.sort(key=lambda p: p[0].encode())
    roster = []
    for k in range(n_inspectors):
        doms = sorted(set(rng.sample(DOMAINS[:4], rng.randint(1, 3))))
        roster.append({"id": f"INS{k:04d}", "domains": doms, "district": rng.choice(districts),
                       "capacity": rng.randint(*capacity_range)})
    roster.sort(key=lambda r: r["id"].encode())
    reasons = ["kinship", "former_employment", "financial_interest", "enterprise_request", "prior_inspection", "other"]
    conflicts = set()
    while len(conflicts) < n_conflicts:
        conflicts.add((rng.choice(roster)["id"], rng.choice(population)[0], rng.choice(reasons)))
    conflicts = sorted(conflicts, key=lambda c: (c[0].encode(), c[1].encode(), c[2].encode()))

    pop_csv = ("enterprise_id,stratum,domain,district\n" + "".join(f"{a},{b},{c},{d}\n" for a, b, c, d in population)).encode()
    roster_csv = ("inspector_id,domains,district,capacity\n" + "".join(
        f"{r['id']},{';'.join(r['domains'])},{r['district']},{r['capacity']}\n" for r in roster)).encode()
    conf_csv = ("inspector_id,enterprise_id,reason\n" + "".join(f"{a},{b},{c}\n" for a, b, c in conflicts)).encode()
    manifest = {"algorithm": "risktier-draw/1",
                "plan": plan,
                "files": {"population.csv": sha256_hex_bytes(pop_csv), "roster.csv": sha256_hex_bytes(roster_csv),
                          "conflicts.csv": sha256_hex_bytes(conf_csv)}}
    manifest_bytes = json.dumps(manifest, sort_keys=True).encode()
    record, per_stratum = expected_record(population, roster, conflicts, plan, seed, manifest_bytes)
    d = os.path.join(HERE, "cases", name)
    os.makedirs(d, exist_ok=True)
    write(os.path.join(d, "population.csv"), pop_csv)
    write(os.path.join(d, "roster.csv"), roster_csv)
    write(os.path.join(d, "conflicts.csv"), conf_csv)
    write(os.path.join(d, "manifest.json"), manifest_bytes)
    write(os.path.join(d, "seed.txt"), seed.encode())
    write(os.path.join(d, "expected_record.json"), (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode())
    return {"case": name, "seed": seed, "strata": per_stratum}


def main():
    # Tickets: the package's doc examples plus USCC-shaped, empty-ish, non-ASCII and pair ids.
    ticket_cases = []
    rng = random.Random(20261125)
    seeds = ["01382438112797316654", "314159", "20261125-public-seed", "2026年12月1日福彩3D开奖号码 5 2 7 ✓"]
    ids = ["AB-130", "dog", "cat", "x", "91350100M000100Y43", "91330000000000000" + "1",
           "91330102MA2H7D3X1K:INS0001", "企业-甲", "a" * 64]
    ids += [uscc(rng, "330102") for _ in range(12)]
    for seed in seeds:
        for i in ids:
            full = first_fraction(i, seed)
            ticket_cases.append({"seed": seed, "id": i, "fraction": full, "trim18": trim(full, 18),
                                 "trim9": trim(full, 9)})
    # Hand-made strings for trim() itself, including long runs of 9s and a short string.
    trims = []
    for x in ["0.0000123456789012345678901234", "0.9991234567890", "0.99999999999999999999999999999912345678901234567890123",
              "0.999", "0.12", "0.0999999999999999999999999"]:
        trims.append({"x": x, "digits": 18, "trim": trim(x, 18)})
        trims.append({"x": x, "digits": 4, "trim": trim(x, 4)})
    write(os.path.join(HERE, "tickets.json"), (json.dumps(
        {"package": "consistent-sampler 1.0.10", "call": "first_fraction(id, seed); trim(x, 18); trim(x, 9)",
         "seed_sha256_hex": {s: cs.sha256_hex(s) for s in seeds},
         "tickets": ticket_cases, "trims": trims}, indent=1, ensure_ascii=False) + "\n").encode())

    samples = []
    plan_default = {"rates_bp": {"A": 300, "B": 500, "C": 1000, "D": 3000}, "team_size": 2,
                    "task": {"date": "2026-12-01", "domain": "food", "id": "2026-food-q4",
                             "seed_source": "福彩3D 2026-11-30 开奖号码", "title": "2026年第四季度食品经营者双随机抽查"}}
    samples.append(make_case("city-small", random.Random(1), 400, {"A": 60, "B": 25, "C": 10, "D": 5}, 12, (2, 6), 60,
                             plan_default, "73914820563829104756-2026-11-30"))
    samples.append(make_case("capacity-short", random.Random(2), 1500, {"A": 40, "B": 30, "C": 20, "D": 10}, 15, (1, 8), 200,
                             {"rates_bp": {"A": 1000, "B": 2000, "C": 5000, "D": 10000}, "team_size": 3},
                             "capacity runs out before the end of the list"))
    samples.append(make_case("edges", random.Random(3), 90, {"A": 50, "B": 50, "E9": 5}, 6, (0, 40), 40,
                             {"rates_bp": {"A": 0, "B": 10000, "C": 500, "D": 3000, "E9": 1}, "team_size": 2},
                             "2026年12月1日福彩3D开奖号码 5 2 7 ✓"))
    samples.append(make_case("foreign-ids", random.Random(4), 0, {"A": 1, "B": 1, "C": 1, "D": 1}, 8, (3, 9), 10,
                             plan_default, "01382438112797316654",
                             ids=["AB-130", "AB-131", "ab-1", "ab-2", "cd-1", "ef-3", "dog", "cat", "fish", "goat"]
                             + [f"X{k:03d}" for k in range(60)]))
    write(os.path.join(HERE, "samples.json"), (json.dumps(
        {"package": "consistent-sampler 1.0.10",
         "call": "list(sampler(stratum_ids, seed, take=n, output='tuple', digits=18)) -> [ticket, id]",
         "cases": samples}, indent=1, ensure_ascii=False) + "\n").encode())

    rng = random.Random(5)
    big = set()
    while len(big) < 20000:
        big.add(uscc(rng, rng.choice(["330102", "330105", "110101"])))
    big = sorted(big)
    seed = "20261125-public-seed"
    sample = list(sampler(big, seed, take=1000, output="tuple", digits=18))
    write(os.path.join(HERE, "large_sample.json"), (json.dumps(
        {"package": "consistent-sampler 1.0.10", "seed": seed, "take": 1000,
         "ids_sha256": sha256_hex_bytes("".join(i + "\n" for i in big).encode()),
         "ids": big, "sample": [[t, i] for t, i, _ in sample]}, indent=0) + "\n").encode())


if __name__ == "__main__":
    main()
