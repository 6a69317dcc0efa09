#!/usr/bin/env bash
# Registry scoring benchmark (issue: framework engine, section 8).
# Generates a registry, then times in the same run:
#   baseline: a plain single-threaded Sep read of the file touching every field (bench/HiTech.Bench sep-read)
#   scoring:  hitech score --framework kerala-htmf/2025.1 --timings (both cores)
# alternately BENCH_REPEAT times (default 3; the machine may be shared, so the medians count), and appends the ratio
# of the medians, both times, the start-up (process start to first row scored, from --timings), CPU time, peak
# memory (max RSS), the load average and the machine to bench/RESULTS.md.
# Usage: bench/score.sh [ROWS ...]      (default: 1000000; e.g. `bench/score.sh 1000000 10000000`)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
ROWS_LIST=("${@:-1000000}")
REPEAT=${BENCH_REPEAT:-3}

# The CLI as it would be shipped: Release, ReadyToRun (precompiled, so start-up is not spent in the JIT).
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true src/HiTech.Cli -o "$OUT/hitech" -v q -nologo >/dev/null
dotnet build -c Release bench/HiTech.Bench -v q -nologo >/dev/null
HITECH="$OUT/hitech/hitech"
BASELINE="$ROOT/bench/HiTech.Bench/bin/Release/net10.0/HiTech.Bench"

# Runs a command under /usr/bin/time; prints "seconds max_rss_mb cpu_seconds".
measure() {
  local log="$OUT/time.log"
  /usr/bin/time -f "%e %M %U %S" -o "$log" "$@" >"$OUT/last.stdout" 2>"$OUT/last.stderr"
  awk '{ printf "%s %.0f %.2f\n", $1, $2 / 1024, $3 + $4 }' "$log"
}

# The median of the numbers given.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

machine="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), .NET $(dotnet --version)"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "uncommitted")

for rows in "${ROWS_LIST[@]}"; do
  file="$OUT/registry-$rows.csv"
  if [ ! -f "$file" ]; then
    echo "generating $rows rows..."
    "$HITECH" generate --rows "$rows" --seed 2025 --out "$file" >/dev/null
  fi
  size_mb=$(du -m "$file" | cut -f1)

  # Warm the page cache so both runs read from memory, then measure each, alternately.
  cat "$file" >/dev/null
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  base_runs=(); score_runs=(); startups=(); base_cpus=(); score_cpus=(); base_mb=0; score_mb=0
  for ((i = 1; i <= REPEAT; i++)); do
    read -r s mb cpu < <(measure "$BASELINE" sep-read "$file")
    base_runs+=("$s"); base_cpus+=("$cpu"); base_mb=$((mb > base_mb ? mb : base_mb))
    read -r s mb cpu < <(measure "$HITECH" score --framework kerala-htmf/2025.1 --in "$file" --out "$OUT/results-$rows.csv" --rejects "$OUT/rejects-$rows.csv" --timings || true)
    score_runs+=("$s"); score_cpus+=("$cpu"); score_mb=$((mb > score_mb ? mb : score_mb))
    startups+=("$(awk '/^timings: start-up/ { print $3 }' "$OUT/last.stderr")")
  done
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  base_s=$(median "${base_runs[@]}"); score_s=$(median "${score_runs[@]}"); startup_s=$(median "${startups[@]}")
  base_cpu=$(median "${base_cpus[@]}"); score_cpu=$(median "${score_cpus[@]}")
  summary=$(tail -n 1 "$OUT/last.stdout")
  ratio=$(awk -v a="$score_s" -v b="$base_s" 'BEGIN { printf "%.2f", a / b }')
  ratio_wo_startup=$(awk -v a="$score_s" -v s="$startup_s" -v b="$base_s" 'BEGIN { printf "%.2f", (a - s) / b }')
  echo "rows $rows: sep read ${base_s}s (${base_mb} MB), hitech score ${score_s}s (${score_mb} MB), ratio ${ratio} (medians of $REPEAT)"
  echo "start-up ${startup_s}s (process start to first row scored), ratio without it ${ratio_wo_startup}"
  echo "  runs: sep read ${base_runs[*]}; hitech ${score_runs[*]}; start-up ${startups[*]}; load ${load_before} -> ${load_after}"
  echo "  $summary"

  {
    echo ""
    echo "### $(date -u +%Y-%m-%d) score.sh, $rows rows ($size_mb MB CSV), commit $commit"
    echo "Machine: $machine. Command: \`bench/score.sh $rows\`. Load average (1, 5, 15 min) before: $load_before; after: $load_after."
    echo ""
    echo "| run (median of $REPEAT, run alternately) | seconds | CPU seconds (user + system) | peak memory (max RSS) |"
    echo "|---|---|---|---|"
    echo "| plain Sep read, 1 thread, every field touched (baseline) | $base_s | $base_cpu | $base_mb MB |"
    echo "| \`hitech score\` (ReadyToRun; start-up, parse, classify, score, write results), 2 cores | $score_s | $score_cpu | $score_mb MB |"
    echo "| of which start-up: process start to first row scored (\`--timings\`) | $startup_s | | |"
    echo ""
    echo "Each run (seconds): sep read ${base_runs[*]}; hitech ${score_runs[*]}; start-up ${startups[*]}."
    echo "Ratio scoring / plain read: **$ratio** (goal: at most 2.00); without the start-up: $ratio_wo_startup. Peak memory goal: under 300 MB."
    echo "hitech summary: \`$summary\`"
  } >> "$ROOT/bench/RESULTS.md"
done
