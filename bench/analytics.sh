#!/usr/bin/env bash
# Analytical store benchmark: every dashboard query (DashboardSql, read into Core's GroupTotals exactly as the page
# does, through StoreQueries) on ROWS synthetic enterprise_facts rows (default 1,000,000: 250,000 enterprises x 4
# years) and as many assessment_pipeline rows, in DuckDB (the store) and, beside it, in PostgreSQL 15 (a throwaway
# server on a free port and a temp directory, as .ci/run starts one; the same rows copied in, indexed on year and on
# (enterprise_id, year), analysed; six DMA dimension columns filled for three in five rows). 3 warm-up runs, then BENCH_RUNS (default 50) timed runs per query; p50, p95, max.
# Appends a section to bench/RESULTS.md with the machine, the load average before and after, and the command.
# Goal: every dashboard query's p95 under 250 ms in DuckDB.
# Usage: bench/analytics.sh [ROWS] [duckdb-only]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROWS=${1:-1000000}
OUT="$ROOT/bench/out/analytics"
PG_BIN=/usr/lib/postgresql/15/bin
mkdir -p "$OUT"

echo "bench: building the harness (Release)"
dotnet build -c Release bench/HiTech.AnalyticsBench -v q -nologo >/dev/null
HARNESS="$ROOT/bench/HiTech.AnalyticsBench/bin/Release/net10.0/HiTech.AnalyticsBench.dll"

PG_DIR=""
as_pg=()
cleanup() {
  if [ -n "$PG_DIR" ]; then "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; fi
  rm -rf "$OUT/data"
}
trap cleanup EXIT

CONNECTION=""
if [ "${2:-}" != "duckdb-only" ]; then
  port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  PG_PORT=56432; while ! port_free "$PG_PORT"; do PG_PORT=$((PG_PORT + 1)); done
  PG_DIR=$(mktemp -d)
  # The server refuses to run as root: run it as postgres when we are root.
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; as_pg=(runuser -u postgres --); fi
  "${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c work_mem=64MB" start >/dev/null
  CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Command Timeout=0"
fi

machine="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), .NET $(dotnet --version)"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "uncommitted")
[ -n "$(git status --porcelain -- src bench 2>/dev/null)" ] && commit="$commit+local changes"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
table=$(dotnet "$HARNESS" "$ROWS" "$OUT/data" ${CONNECTION:+"$CONNECTION"})
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$table"

{
  echo
  echo "### $(date -u +%Y-%m-%d) analytics.sh, $ROWS enterprise_facts rows, commit $commit"
  echo "Machine: $machine. Command: \`bench/analytics.sh $*\`. Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo "Each query as the dashboard runs it (DashboardSql through StoreQueries, answers read into GroupTotals); DuckDB is the"
  echo "store's file opened read-only, PostgreSQL 15 the same rows with indexes on year and (enterprise_id, year). Goal: DuckDB p95 under 250 ms."
  echo
  echo "$table"
} >> bench/RESULTS.md
echo "bench: appended to bench/RESULTS.md"
