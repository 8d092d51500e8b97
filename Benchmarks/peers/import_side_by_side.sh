#!/usr/bin/env bash
# Import of one synthetic city: `risktier import` (parse + validate every §4 rule + one SQLite
# transaction with idempotency checks) side by side with `sqlite3 .import` of the same CSVs into
# plain untyped tables (parse + insert, no checks) and DuckDB read_csv into tables. The sqlite3
# shell runs twice: with SQLite's default 4 KiB pages (the target's peer) and with the 64 KiB pages
# a `risktier init` store has had since session 7 (`sqlite3 64k`), so that the page size's share
# of our time is not counted as ours.
# Usage: Benchmarks/peers/import_side_by_side.sh [N_ENTERPRISES|CITY_DIR] [RUNS=5]
#   N_ENTERPRISES: a city from make_import_city.py (seed 1) in a temporary folder;
#   CITY_DIR: an existing folder of §4 files, e.g. `risktier synth --enterprises 1000000 --seed 7 --out /tmp/city1e6`.
# Runs are interleaved (ours, sqlite3, duckdb, ours, …) so that machine load hits all three alike.
# Prints medians of wall-clock and CPU (user + sys) seconds, ratios, and the largest peak RSS.
# Needs: a release build (swift build -c release --product risktier), sqlite3, python3 with duckdb,
# GNU time (/usr/bin/time).
set -euo pipefail
ARG=${1:-100000}
RUNS=${2:-5}
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${RISKTIER_BIN:-$ROOT/.build/release/risktier}"  # RISKTIER_BIN: another build, e.g. a baseline
WORK="$(mktemp -d "${TMPDIR:-/tmp}/import-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
if [ -d "$ARG" ]; then
  CITY="$ARG"
else
  python3 "$ROOT/Benchmarks/peers/make_import_city.py" "$ARG" "$WORK/city" 1
  CITY="$WORK/city"
fi
FILES=()
for name in uscc_exceptions enterprises inspectors licences penalties sampling_tests inspections complaints list_entries conflicts; do
  [ -f "$CITY/$name.csv" ] && FILES+=("$CITY/$name.csv")
done
rows=$(cat "${FILES[@]}" | wc -l)
bytes=$(cat "${FILES[@]}" | wc -c)
echo "city: $CITY, ${#FILES[@]} files, $((rows - ${#FILES[@]})) data rows, $((bytes / 1000000)) MB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
maxof() { sort -n | tail -1; }
# timed NAME CMD…: runs CMD under GNU time, appends "wall cpu rss_kb" to $WORK/NAME.
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" "$@" >/dev/null
  awk '{printf "%s %.3f %s\n", $1, $2 + $3, $4}' "$WORK/t" >> "$WORK/$name"
}

cat > "$WORK/duck.py" <<'PY'
import duckdb, os, sys
con = duckdb.connect(sys.argv[1])
for f in sys.argv[2:]:
    name = os.path.basename(f)[:-4]
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{f}', header=true, all_varchar=true)")
con.close()
PY
sqlargs=(); for f in "${FILES[@]}"; do sqlargs+=(".import --csv $f $(basename "$f" .csv)"); done

for run in $(seq "$RUNS"); do
  rm -f "$WORK"/s.sqlite*; "$BIN" init --store "$WORK/s.sqlite" >/dev/null
  timed ours "$BIN" import --store "$WORK/s.sqlite" "${FILES[@]}"
  rm -f "$WORK"/s.sqlite*

  rm -f "$WORK"/p.sqlite*
  timed sqlite sqlite3 "$WORK/p.sqlite" "PRAGMA journal_mode=WAL;" "BEGIN;" "${sqlargs[@]}" "COMMIT;"
  rm -f "$WORK"/p.sqlite*

  timed sqlite64k sqlite3 "$WORK/p.sqlite" "PRAGMA page_size=65536;" "PRAGMA journal_mode=WAL;" "BEGIN;" "${sqlargs[@]}" "COMMIT;"
  rm -f "$WORK"/p.sqlite*

  rm -f "$WORK"/d.duckdb*
  timed duckdb python3 "$WORK/duck.py" "$WORK/d.duckdb" "${FILES[@]}"
  rm -f "$WORK"/d.duckdb*
  echo "run $run: ours $(tail -1 "$WORK/ours") | sqlite3 $(tail -1 "$WORK/sqlite") | sqlite3 64k $(tail -1 "$WORK/sqlite64k") | duckdb $(tail -1 "$WORK/duckdb")  (wall s, cpu s, peak RSS KiB)"
done
col() { awk -v c="$2" '{print $c}' "$WORK/$1"; }
mo=$(col ours 1 | median); ms=$(col sqlite 1 | median); md=$(col duckdb 1 | median); mk=$(col sqlite64k 1 | median)
co=$(col ours 2 | median); cs=$(col sqlite 2 | median); cd=$(col duckdb 2 | median); ck=$(col sqlite64k 2 | median)
ro=$(col ours 3 | maxof); rs=$(col sqlite 3 | maxof); rd=$(col duckdb 3 | maxof)
printf 'medians of %d runs, wall (s): risktier import %.2f | sqlite3 .import %.2f | sqlite3 64k %.2f | duckdb read_csv %.2f\n' "$RUNS" "$mo" "$ms" "$mk" "$md"
printf 'medians of %d runs, cpu user+sys (s): risktier import %.2f | sqlite3 .import %.2f | sqlite3 64k %.2f | duckdb read_csv %.2f\n' "$RUNS" "$co" "$cs" "$ck" "$cd"
printf 'ratios wall (ours / peer): vs sqlite3 %.2f | vs sqlite3 64k %.2f | vs duckdb %.2f\n' "$(echo "$mo / $ms" | bc -l)" "$(echo "$mo / $mk" | bc -l)" "$(echo "$mo / $md" | bc -l)"
printf 'ratios cpu (ours / peer): vs sqlite3 %.2f | vs sqlite3 64k %.2f | vs duckdb %.2f\n' "$(echo "$co / $cs" | bc -l)" "$(echo "$co / $ck" | bc -l)" "$(echo "$co / $cd" | bc -l)"
printf 'peak RSS (MiB, max over runs): risktier import %d | sqlite3 %d | duckdb %d\n' "$((ro / 1024))" "$((rs / 1024))" "$((rd / 1024))"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
