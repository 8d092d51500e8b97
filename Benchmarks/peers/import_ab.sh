#!/usr/bin/env bash
# Before/after of `risktier import` builds on one city, interleaved (OLD, NEW, OLD, NEW, …) so that
# machine load hits both alike: a first import into a fresh store per run, and with REIMPORT=1 an
# identical re-import right after it. Prints wall and CPU (user + sys) seconds and peak RSS per run.
# Usage: [REIMPORT=1] Benchmarks/peers/import_ab.sh CITY_DIR RUNS BINARY…
# e.g. cp .build/release/risktier /tmp/risktier-old (on the old commit), rebuild, then
#      Benchmarks/peers/import_ab.sh /tmp/city1e5 7 /tmp/risktier-old .build/release/risktier
set -euo pipefail
CITY=$1; RUNS=$2; shift 2
W=$(mktemp -d "${TMPDIR:-/tmp}/import-ab.XXXXXX"); trap 'rm -rf "$W"' EXIT
FILES=()
for n in uscc_exceptions enterprises inspectors licences penalties sampling_tests inspections complaints list_entries conflicts; do
  [ -f "$CITY/$n.csv" ] && FILES+=("$CITY/$n.csv")
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$RUNS"); do
  for bin in "$@"; do
    rm -f "$W"/s.sqlite*; "$bin" init --store "$W/s.sqlite" >/dev/null
    /usr/bin/time -f "%e %U %S %M" -o "$W/t" "$bin" import --store "$W/s.sqlite" "${FILES[@]}" >/dev/null 2>&1
    awk -v b="$bin" -v r="$run" '{printf "run %d %s: first import wall %.2f s cpu %.2f s rss %d MiB\n", r, b, $1, $2 + $3, $4 / 1024}' "$W/t"
    if [ -n "${REIMPORT:-}" ]; then
      /usr/bin/time -f "%e %U %S %M" -o "$W/t" "$bin" import --store "$W/s.sqlite" "${FILES[@]}" >/dev/null 2>&1
      awk -v b="$bin" -v r="$run" '{printf "run %d %s: re-import   wall %.2f s cpu %.2f s rss %d MiB\n", r, b, $1, $2 + $3, $4 / 1024}' "$W/t"
    fi
  done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
