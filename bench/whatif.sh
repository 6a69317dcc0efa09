#!/usr/bin/env bash
# What-if benchmark (issue 10, section 8): a what-if over a registry of ROWS generated enterprises, from the request
# (the form's change, the registry already uploaded and imported) to the stored result, through the web's own path
# (bench/HiTech.WhatIfBench: Kernel/TableUpload and Core's ImportedRegistry for the import, timed on its own; then per
# run Core's FrameworkEdit, the imported columns loaded and scored by WhatIfAnalysis, the report serialised as a run
# stores it). Goal: under 2 s for 1,000,000 enterprises.
# Appends the times, peak memory and the load average to bench/RESULTS.md (the machine is shared: read the load).
# Usage: bench/whatif.sh [ROWS] [RUNS]      (defaults: 1000000 2)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
rows="${1:-1000000}"
runs="${2:-2}"

source bench/bench-lib.sh
publish_cli "$OUT"
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true bench/HiTech.WhatIfBench -o "$OUT/whatif-bench" -v q -nologo >/dev/null

machine=$(machine_line)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "uncommitted")
file=$(registry_of "$OUT" "$rows")
size_mb=$(du -m "$file" | cut -f1)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
result=$("$OUT/whatif-bench/HiTech.WhatIfBench" "$file" "$runs")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$result"
echo "load ${load_before} -> ${load_after}"

{
  echo ""
  echo "### $(date -u +%Y-%m-%d) whatif.sh, $rows rows ($size_mb MB CSV), commit $commit"
  echo "Machine: $machine. Command: \`bench/whatif.sh $rows $runs\`. Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo ""
  echo "Goal: under 2 s from request to result (hitech tier threshold 55 -> 40, over the registry imported once). The import, then each run:"
  echo ""
  echo '```'
  echo "$result"
  echo '```'
} >> "$ROOT/bench/RESULTS.md"
