#!/usr/bin/env bash
# Indicators benchmark (issue 10, section 8): `hitech indicators` against `hitech score` on the same registry.
# Both read, parse, classify and score every row; indicators then turns each row into enterprise facts, tallies the
# groups and applies disclosure control instead of writing a results line. Goal: indicators at most 2x score.
# Runs each command twice, alternating (the machine is shared), keeps the faster run of each, and appends both
# times, the ratio, peak memory and the load average to bench/RESULTS.md.
# Usage: bench/indicators.sh [ROWS]      (default: 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
rows="${1:-1000000}"

source bench/bench-lib.sh
publish_cli "$OUT"
HITECH="$OUT/hitech/hitech"

# Runs a command under /usr/bin/time; prints "seconds max_rss_mb".
measure() {
  local log="$OUT/time.log"
  /usr/bin/time -f "%e %M" -o "$log" "$@" >"$OUT/last.stdout" 2>"$OUT/last.stderr" || true
  awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$log"
}

faster() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b ? a : b) }'; }

machine=$(machine_line)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "uncommitted")
file=$(registry_of "$OUT" "$rows")
size_mb=$(du -m "$file" | cut -f1)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
score_cmd=("$HITECH" score --framework kerala-htmf/2025.1 --in "$file" --out "$OUT/results-$rows.csv" --rejects "$OUT/rejects-$rows.csv")
indicators_cmd=("$HITECH" indicators --framework kerala-htmf/2025.1 --in "$file" --by district --out "$OUT/indicators-$rows.csv" --rejects "$OUT/indicators-rejects-$rows.csv")
read -r s1 score_mb < <(measure "${score_cmd[@]}")
read -r i1 ind_mb < <(measure "${indicators_cmd[@]}")
summary=$(tail -n 1 "$OUT/last.stdout")
read -r s2 _ < <(measure "${score_cmd[@]}")
read -r i2 _ < <(measure "${indicators_cmd[@]}")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
score_s=$(faster "$s1" "$s2")
ind_s=$(faster "$i1" "$i2")
ratio=$(awk -v a="$ind_s" -v b="$score_s" 'BEGIN { printf "%.2f", a / b }')
echo "rows $rows: hitech score ${s1}s/${s2}s (${score_mb} MB), hitech indicators ${i1}s/${i2}s (${ind_mb} MB), ratio ${ratio}; load ${load_before} -> ${load_after}"
echo "  $summary"

{
  echo ""
  echo "### $(date -u +%Y-%m-%d) indicators.sh, $rows rows ($size_mb MB CSV), commit $commit"
  echo "Machine: $machine. Command: \`bench/indicators.sh $rows\`. Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo ""
  echo "| run (ReadyToRun, 2 cores; faster of two alternating runs) | seconds (both runs) | peak memory (max RSS) |"
  echo "|---|---|---|"
  echo "| \`hitech score --framework kerala-htmf/2025.1 --in registry.csv --out results.csv\` | $score_s ($s1, $s2) | $score_mb MB |"
  echo "| \`hitech indicators --framework kerala-htmf/2025.1 --in registry.csv --by district --out indicators.csv\` | $ind_s ($i1, $i2) | $ind_mb MB |"
  echo ""
  echo "Ratio indicators / score: **$ratio** (goal: at most 2.00)."
  echo "hitech indicators summary: \`$summary\`"
} >> "$ROOT/bench/RESULTS.md"
