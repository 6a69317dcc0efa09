#!/usr/bin/env bash
# Registry scoring benchmark (issue: framework engine, section 8).
# Generates a registry, then times in the same run:
#   baseline: a plain single-threaded Sep read of the file touching every field (bench/HiTech.Bench sep-read)
#   scoring:  hitech score --framework kerala-htmf/2025.1 (both cores)
# and appends the ratio, both times, peak memory (max RSS) and the machine to bench/RESULTS.md.
# Usage: bench/score.sh [ROWS ...]      (default: 1000000; e.g. `bench/score.sh 1000000 10000000`)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
ROWS_LIST=("${@:-1000000}")

# The CLI as it would be shipped: Release, ReadyToRun (precompiled, so start-up is not spent in the JIT).
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true src/HiTech.Cli -o "$OUT/hitech" -v q -nologo >/dev/null
dotnet build -c Release bench/HiTech.Bench -v q -nologo >/dev/null
HITECH="$OUT/hitech/hitech"
BASELINE="$ROOT/bench/HiTech.Bench/bin/Release/net10.0/HiTech.Bench"

# Runs a command under /usr/bin/time; prints "seconds max_rss_mb".
measure() {
  local log="$OUT/time.log"
  /usr/bin/time -f "%e %M" -o "$log" "$@" >"$OUT/last.stdout" 2>"$OUT/last.stderr"
  awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$log"
}

machine="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), .NET $(dotnet --version)"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "uncommitted")

for rows in "${ROWS_LIST[@]}"; do
  file="$OUT/registry-$rows.csv"
  if [ ! -f "$file" ]; then
    echo "generating $rows rows..."
    "$HITECH" generate --rows "$rows" --seed 2025 --out "$file" >/dev/null
  fi
  size_mb=$(du -m "$file" | cut -f1)

  # Warm the page cache so both runs read from memory, then measure each.
  cat "$file" >/dev/null
  read -r base_s base_mb < <(measure "$BASELINE" sep-read "$file")
  read -r score_s score_mb < <(measure "$HITECH" score --framework kerala-htmf/2025.1 --in "$file" --out "$OUT/results-$rows.csv" --rejects "$OUT/rejects-$rows.csv" || true)
  summary=$(tail -n 1 "$OUT/last.stdout")
  ratio=$(awk -v a="$score_s" -v b="$base_s" 'BEGIN { printf "%.2f", a / b }')
  echo "rows $rows: sep read ${base_s}s (${base_mb} MB), hitech score ${score_s}s (${score_mb} MB), ratio ${ratio}"
  echo "  $summary"

  {
    echo ""
    echo "### $(date -u +%Y-%m-%d) score.sh, $rows rows ($size_mb MB CSV), commit $commit"
    echo "Machine: $machine. Command: \`bench/score.sh $rows\`."
    echo ""
    echo "| run | seconds | peak memory (max RSS) |"
    echo "|---|---|---|"
    echo "| plain Sep read, 1 thread, every field touched (baseline) | $base_s | $base_mb MB |"
    echo "| \`hitech score\` (ReadyToRun; start-up, parse, classify, score, write results), 2 cores | $score_s | $score_mb MB |"
    echo ""
    echo "Ratio scoring / plain read: **$ratio** (goal: at most 2.00). Peak memory goal: under 300 MB."
    echo "hitech summary: \`$summary\`"
  } >> "$ROOT/bench/RESULTS.md"
done
