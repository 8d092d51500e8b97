#!/usr/bin/env bash
# Import of one synthetic city: `risktier import` (parse + validate every §4 rule + one SQLite
# transaction with idempotency checks) side by side with `sqlite3 .import` of the same CSVs into
# plain untyped tables (parse + insert, no checks) and DuckDB read_csv into tables.
# Usage: Benchmarks/peers/import_side_by_side.sh [N_ENTERPRISES=100000] [RUNS=5]
# Needs: a release build (swift build -c release --product risktier), sqlite3, python3 with duckdb.
set -euo pipefail
N=${1:-100000}
RUNS=${2:-5}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="$ROOT/.build/release/risktier"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/Benchmarks/peers/make_import_city.py" "$N" "$WORK/city" 1
FILES=("$WORK"/city/*.csv)
rows=$(cat "${FILES[@]}" | wc -l)
bytes=$(cat "${FILES[@]}" | wc -c)
echo "city: $N enterprises, $((rows - ${#FILES[@]})) data rows, $((bytes / 1000000)) MB"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

ours=(); sq=(); dk=()
for run in $(seq "$RUNS"); do
  rm -f "$WORK"/s.sqlite*; "$BIN" init --store "$WORK/s.sqlite" >/dev/null
  t0=$(now); "$BIN" import --store "$WORK/s.sqlite" "${FILES[@]}" >/dev/null; t1=$(now)
  ours+=("$(echo "$t1 - $t0" | bc)")

  rm -f "$WORK"/p.sqlite*
  args=(); for f in "${FILES[@]}"; do args+=(".import --csv $f $(basename "$f" .csv)"); done
  t0=$(now); sqlite3 "$WORK/p.sqlite" "PRAGMA journal_mode=WAL;" "BEGIN;" "${args[@]}" "COMMIT;" >/dev/null; t1=$(now)
  sq+=("$(echo "$t1 - $t0" | bc)")

  rm -f "$WORK"/d.duckdb*
  t0=$(now)
  python3 - "$WORK/d.duckdb" "${FILES[@]}" <<'PY'
import duckdb, os, sys
con = duckdb.connect(sys.argv[1])
for f in sys.argv[2:]:
    name = os.path.basename(f)[:-4]
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{f}', header=true, all_varchar=true)")
con.close()
PY
  t1=$(now)
  dk+=("$(echo "$t1 - $t0" | bc)")
done
mo=$(printf '%s\n' "${ours[@]}" | median); ms=$(printf '%s\n' "${sq[@]}" | median); md=$(printf '%s\n' "${dk[@]}" | median)
printf 'medians of %d runs (s): risktier import %.2f | sqlite3 .import %.2f | duckdb read_csv %.2f\n' "$RUNS" "$mo" "$ms" "$md"
printf 'ratios (ours / peer): vs sqlite3 %.2f | vs duckdb %.2f\n' "$(echo "$mo / $ms" | bc -l)" "$(echo "$mo / $md" | bc -l)"
