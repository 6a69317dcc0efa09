#!/usr/bin/env bash
# Matching benchmark (issue 12, section 7).
# Generates PROVIDERS providers and NEEDS needs (bench/match_data.py, seed 2026), runs `hitech match` (Release,
# ReadyToRun, both cores), then bench/HiTech.Bench match-check: the CPU time of each need on one thread (p50/p99, not
# inflated by other load) and agreement with the brute-force oracle of the tests on a sample of SAMPLE needs.
# Appends the figures, the machine, the command and the load average to bench/RESULTS.md.
# Usage: bench/match.sh [PROVIDERS] [NEEDS] [SAMPLE]      (default: 100000 1000 50)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
PROVIDERS=${1:-100000}
NEEDS=${2:-1000}
SAMPLE=${3:-50}

dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true src/HiTech.Cli -o "$OUT/hitech" -v q -nologo >/dev/null
dotnet build -c Release bench/HiTech.Bench -v q -nologo >/dev/null
HITECH="$OUT/hitech/hitech"
BENCH="$ROOT/bench/HiTech.Bench/bin/Release/net10.0/HiTech.Bench"

providers="$OUT/providers-$PROVIDERS.csv"
needs="$OUT/needs-$NEEDS.csv"
if [ ! -f "$providers" ] || [ ! -f "$needs" ]; then
  echo "generating $PROVIDERS providers and $NEEDS needs..."
  python3 bench/match_data.py --providers "$PROVIDERS" --needs "$NEEDS" --seed 2026 --out-dir "$OUT"
fi

machine="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), .NET $(dotnet --version)"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "uncommitted")
cat "$providers" "$needs" >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -f "%e %M" -o "$OUT/time.log" "$HITECH" match --providers "$providers" --needs "$needs" --top 10 \
  --out "$OUT/matches-$PROVIDERS.csv" >"$OUT/match.stdout" 2>"$OUT/match.stderr" && match_status=0 || match_status=$?
read -r wall_s rss_kb < "$OUT/time.log"
summary=$(tail -n 1 "$OUT/match.stdout")
check=$("$BENCH" match-check "$providers" "$needs" "$OUT/matches-$PROVIDERS.csv" "$SAMPLE") && check_status=0 || check_status=$?
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$summary"
echo "$check"

{
  echo ""
  echo "### $(date -u +%Y-%m-%d) match.sh, $PROVIDERS providers, $NEEDS needs, commit $commit"
  echo "Machine: $machine. Command: \`bench/match.sh $PROVIDERS $NEEDS $SAMPLE\`."
  echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after (other engineers build and test on the same 2 cores)."
  echo ""
  echo "- \`hitech match\` (ReadyToRun, both cores; wall time per need, so it includes waiting for a core): \`$summary\`"
  echo "- whole run under /usr/bin/time: $wall_s s, peak memory $((rss_kb / 1024)) MB"
  echo "- \`HiTech.Bench match-check\`:"
  echo "$check" | sed 's/^/  - /'
  echo ""
  echo "Goal: p99 under 10 ms per need; results identical to the brute-force oracle on the sample."
} >> "$ROOT/bench/RESULTS.md"

# The figures are written either way; a failed match or any disagreement with the oracle fails the script (CI runs a
# small one).
if [ "$match_status" -ne 0 ] || [ "$check_status" -ne 0 ]; then
  echo "match.sh: hitech match exited $match_status, the oracle check $check_status (see $OUT/match.stderr)" >&2
  exit 1
fi
