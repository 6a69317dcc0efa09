#!/usr/bin/env bash
# Web platform benchmark: latency at a fixed request rate, on SQLite and on PostgreSQL.
# For each database it starts the app in Release on loopback (a temporary data directory, the demo seeded; for
# PostgreSQL a throwaway server on a free port, migrated with the documented `migrate` step), signs in the demo
# enterprise through the API, warms up, then measures at 300 requests/s in total (hey -c 30 -q 10 -z 30s):
#   (a) GET /api/v1/assessments/{id}/result      the result endpoint (bearer token)
#       GET /assessments/{id}/result             the result page (sign-in cookie)
#   (b) POST /api/v1/assessments/{id}/submit     the submit endpoint: a submitted assessment cannot be submitted
#       again, so every request needs a Draft of its own. hey sends one URL only, so (b) uses a small open-loop
#       generator (below, Python standard library) at the same rate and connection count, over 9,000 fresh Drafts
#       cloned in the database from one of the demo enterprise's assessments. Latency counts from each request's
#       scheduled time, so a slow server is not hidden by a waiting client.
# p50/p95/p99, the rate achieved and error counts are appended to bench/RESULTS.md with the machine and command.
# Goal: p99 under 50 ms at 300 requests/s with no errors.
# Usage: bench/web.sh [sqlite] [postgres]      (default: both). BENCH_DURATION=30 BENCH_WORKERS=30 BENCH_RATE=10 override.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/web"
mkdir -p "$OUT"
PROVIDERS=("${@:-sqlite}")
[ $# -eq 0 ] && PROVIDERS=(sqlite postgres)
DURATION=${BENCH_DURATION:-30}
WORKERS=${BENCH_WORKERS:-30}
PER_WORKER=${BENCH_RATE:-10}
RATE=$((WORKERS * PER_WORKER))
DRAFTS=$((RATE * DURATION))
PG_BIN=/usr/lib/postgresql/15/bin

for tool in hey curl python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required (apt-get install -y hey curl python3)" >&2; exit 1; }
done

echo "bench: publishing the web app (Release)"
rm -rf "$OUT/app"
dotnet publish -c Release src/HiTech.Web -o "$OUT/app" -v q -nologo >/dev/null
APP="$OUT/app/HiTech.Web.dll"
# Development only for plain HTTP: in Production the cookies and antiforgery tokens require HTTPS (Secure), and the
# benchmark runs on loopback without TLS. Nothing else in the app's request path depends on the environment.
ENVIRONMENT=Development
machine="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), .NET $(dotnet --version)"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "uncommitted")
[ -n "$(git status --porcelain -- src 2>/dev/null)" ] && commit="$commit+local changes"

# CPU seconds (user + system) the app process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$APP_PID/stat"; }
cpu_ms_per_request() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.1f", (n > 0 ? (b - a) * 1000 / n : 0) }'; }

# port_free, free_port, json, hey_summary.
. "$ROOT/bench/bench-lib.sh"

APP_PID=""
PG_DIR=""
DATA=""
as_pg=()
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi
  if [ -n "$PG_DIR" ]; then "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; PG_DIR=""; fi
  if [ -n "$DATA" ]; then rm -rf "$DATA"; DATA=""; fi
}
trap cleanup EXIT

start_postgres() {
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/hitech-bench-pg.XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DIR"; as_pg=(runuser -u postgres --); else as_pg=(); fi
  PG_PORT=$(free_port 56432)
  "${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null
  "${as_pg[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE hitech_bench" >/dev/null
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=hitech_bench;Maximum Pool Size=100"
}

# Clones COUNT drafts of one assessment (new ids, years from FIRST_YEAR up, status Draft, version 1) straight into the database
# and prints their ids, one a line: the submit benchmark needs one Draft per request.
make_drafts() {
  local provider=$1 template=$2 count=$3 first_year=$4
  python3 - "$provider" "$template" "$count" "$DATA/hitech.db" "${PG_PORT:-0}" "$PG_BIN" "$first_year" <<'PY'
import sqlite3, subprocess, sys, uuid
provider, template, count, db_path, pg_port, pg_bin, first_year = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6], int(sys.argv[7])
assessment = {"Id": None, "Year": None, "Status": "'Draft'", "AssessorId": "NULL", "SubmittedAt": "NULL", "DecidedAt": "NULL", "ReviewComments": "NULL", "Version": "1"}
inputs = {"Id": None, "AssessmentId": None, "Review": "'Pending'", "ReviewNote": "NULL", "Evidence": "'self-declared'"}
def select(columns, overrides, ids):
    return ", ".join(ids.get(c) or (overrides[c] if c in overrides else f't."{c}"') for c in columns)
if provider == "sqlite":
    con = sqlite3.connect(db_path)
    cols = lambda t: [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')]
    a_cols, i_cols = cols("Assessments"), cols("AssessmentInputs")
    upper = template.upper()
    row = con.execute('SELECT "Id" FROM "Assessments" WHERE upper("Id") = ?', (upper,)).fetchone()
    tid = row[0]
    fmt = (lambda u: str(u).upper()) if tid == tid.upper() else str
    ids = []
    with con:
        for k in range(count):
            new = fmt(uuid.uuid4())
            ids.append(new)
            con.execute(f'INSERT INTO "Assessments" ({", ".join(chr(34)+c+chr(34) for c in a_cols)}) SELECT {select(a_cols, assessment, {"Id": "?", "Year": "?"})} FROM "Assessments" t WHERE t."Id" = ?', (new, first_year + k, tid))
        con.execute("CREATE TEMP TABLE drafts (id TEXT)")
        con.executemany("INSERT INTO drafts VALUES (?)", [(i,) for i in ids])
        # Input ids: random text in the same format as the assessment ids.
        input_id = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
        if fmt is str:
            input_id = input_id.replace("upper(", "lower(", 1)
        con.execute(f'INSERT INTO "AssessmentInputs" ({", ".join(chr(34)+c+chr(34) for c in i_cols)}) SELECT {select(i_cols, inputs, {"Id": input_id, "AssessmentId": "d.id"})} FROM "AssessmentInputs" t CROSS JOIN drafts d WHERE t."AssessmentId" = ?', (tid,))
    print("\n".join(ids))
else:
    def psql(sql):
        return subprocess.run([f"{pg_bin}/psql", "-h", "127.0.0.1", "-p", pg_port, "-U", "postgres", "-d", "hitech_bench", "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql],
                              check=True, capture_output=True, text=True).stdout
    cols = lambda t: psql(f"SELECT column_name FROM information_schema.columns WHERE table_name = '{t}' ORDER BY ordinal_position").split()
    a_cols, i_cols = cols("Assessments"), cols("AssessmentInputs")
    q = lambda cs: ", ".join(f'"{c}"' for c in cs)
    out = psql(f"""
CREATE TEMP TABLE drafts AS SELECT gen_random_uuid() AS id, {first_year} + g AS year FROM generate_series(0, {count - 1}) g;
INSERT INTO "Assessments" ({q(a_cols)}) SELECT {select(a_cols, assessment, {"Id": "d.id", "Year": "d.year"})} FROM "Assessments" t CROSS JOIN drafts d WHERE t."Id" = '{template}';
INSERT INTO "AssessmentInputs" ({q(i_cols)}) SELECT {select(i_cols, inputs, {"Id": "gen_random_uuid()", "AssessmentId": "d.id"})} FROM "AssessmentInputs" t CROSS JOIN drafts d WHERE t."AssessmentId" = '{template}';
-- Fresh statistics, as autovacuum keeps them in a running system (a bulk insert leaves them stale for a while).
ANALYZE "Assessments";
ANALYZE "AssessmentInputs";
SELECT id FROM drafts ORDER BY year;""")
    print(out.strip())
PY
}

# Open-loop load at a fixed rate over a list of URLs (one request each, in order), like hey -c WORKERS -q PER_WORKER
# but with a different URL per request. Prints "p50 p95 p99 rps count non2xx errors" (milliseconds).
submit_load() {
  python3 - "$1" "$2" "$RATE" "$WORKERS" "$3" <<'PY'
import asyncio, sys, time
port, token, rate, workers, ids_file = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
ids = [l.strip() for l in open(ids_file) if l.strip()]
body = b'{"version":1}'
async def connect():
    return await asyncio.open_connection("127.0.0.1", port)
async def send(conn, path):
    reader, writer = conn
    writer.write((f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
                  f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body)
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value:
            length = -1
    if length > 0:
        await reader.readexactly(length)
    elif length < 0:
        while True:
            size = int((await reader.readline()).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status
async def main():
    pool = asyncio.Queue()
    for _ in range(workers):
        pool.put_nowait(await connect())
    latencies, statuses, errors = [], {}, 0
    start = time.perf_counter() + 0.1
    async def one(i, path):
        nonlocal errors
        due = start + i / rate
        await asyncio.sleep(max(0, due - time.perf_counter()))
        conn = await pool.get()
        try:
            status = await send(conn, path)
            latencies.append(time.perf_counter() - due)
            statuses[status] = statuses.get(status, 0) + 1
        except Exception:
            errors += 1
            conn = await connect()
        finally:
            pool.put_nowait(conn)
    await asyncio.gather(*(one(i, f"/api/v1/assessments/{d}/submit") for i, d in enumerate(ids)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000
    non2xx = sum(n for s, n in statuses.items() if not 200 <= s < 300)
    print(f"{pct(50):.1f} {pct(95):.1f} {pct(99):.1f} {len(latencies) / elapsed:.0f} {len(latencies)} {non2xx} {errors}")
    print("statuses", statuses, file=sys.stderr)
asyncio.run(main())
PY
}

# Other work on the machine skews the figures: its load average is recorded with them.
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
rows=()
for provider in "${PROVIDERS[@]}"; do
  DATA=$(mktemp -d "${TMPDIR:-/tmp}/hitech-bench-data.XXXXXX")
  PG_PORT=""
  args=(--Data:Directory="$DATA" --Demo:Enabled=true --Demo:Enterprises=500)
  if [ "$provider" = postgres ]; then
    start_postgres
    args+=(--Database:Provider=postgres "--ConnectionStrings:Default=$PG_CONNECTION")
    echo "bench: migrating PostgreSQL on port $PG_PORT"
    (cd "$OUT/app" && ASPNETCORE_ENVIRONMENT=$ENVIRONMENT dotnet "$APP" migrate "${args[@]}" >"$OUT/migrate.log" 2>&1)
  fi
  PORT=$(free_port 5190)
  BASE="http://127.0.0.1:$PORT"
  echo "bench: starting the app on $BASE ($provider, seeding the demo)"
  # From the publish folder, so its appsettings.json and wwwroot are the ones used.
  (cd "$OUT/app" && exec env ASPNETCORE_ENVIRONMENT=$ENVIRONMENT dotnet "$APP" --urls "$BASE" "${args[@]}" >"$OUT/app-$provider.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 600); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$OUT/app-$provider.log" >&2; exit 1; }
    sleep 1
  done
  curl -fs "$BASE/health/ready" >/dev/null

  # The demo enterprise signs in through the API; its first assessment with a result is read, a Draft copy of it submitted.
  TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"owner@demo.local","password":"Demo#2025"}' | json 'd["accessToken"]')
  AUTH="Authorization: Bearer $TOKEN"
  ASSESSMENT=$(curl -fs "$BASE/api/v1/assessments/" -H "$AUTH" | json 'next(a["id"] for a in d["items"] if a.get("result"))')
  # The same person in a browser: the sign-in page's form and cookies.
  JAR="$DATA/cookies.txt"
  FORM_TOKEN=$(curl -fs -c "$JAR" "$BASE/account/sign-in" | python3 -c 'import re,sys,html; print(html.unescape(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1)))')
  curl -fs -b "$JAR" -c "$JAR" -o /dev/null "$BASE/account/sign-in" --data-urlencode "Email=owner@demo.local" \
    --data-urlencode "Password=Demo#2025" --data-urlencode "__RequestVerificationToken=$FORM_TOKEN"
  COOKIE="Cookie: $(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$JAR")"
  for check in "-H|$AUTH|$BASE/api/v1/assessments/$ASSESSMENT/result" "-H|$COOKIE|$BASE/assessments/$ASSESSMENT/result"; do
    IFS='|' read -r flag header url <<<"$check"
    code=$(curl -s -o /dev/null -w '%{http_code}' "$flag" "$header" "$url")
    [ "$code" = 200 ] || { echo "bench: $url answered $code to the signed-in demo enterprise" >&2; exit 1; }
  done

  echo "bench: warming up"
  hey -z 10s -c "$WORKERS" -q "$PER_WORKER" -H "$AUTH" "$BASE/api/v1/assessments/$ASSESSMENT/result" >/dev/null
  hey -z 10s -c "$WORKERS" -q "$PER_WORKER" -H "$COOKIE" "$BASE/assessments/$ASSESSMENT/result" >/dev/null
  make_drafts "$provider" "$ASSESSMENT" 600 3000 >"$OUT/warm-drafts.txt"
  submit_load "$PORT" "$TOKEN" "$OUT/warm-drafts.txt" >/dev/null 2>&1

  for target in api page; do
    if [ $target = api ]; then url="$BASE/api/v1/assessments/$ASSESSMENT/result"; header=$AUTH; label="GET /api/v1/assessments/{id}/result"; else url="$BASE/assessments/$ASSESSMENT/result"; header=$COOKIE; label="GET /assessments/{id}/result (page)"; fi
    echo "bench: $provider $label at $RATE requests/s for ${DURATION}s"
    before=$(cpu_seconds)
    hey -z "${DURATION}s" -c "$WORKERS" -q "$PER_WORKER" -H "$header" "$url" >"$OUT/hey-$provider-$target.txt"
    after=$(cpu_seconds)
    read -r p50 p95 p99 rps count non2xx errors < <(hey_summary "$OUT/hey-$provider-$target.txt")
    cpu=$(cpu_ms_per_request "$before" "$after" "$count")
    rows+=("| $provider | $label | hey -z ${DURATION}s -c $WORKERS -q $PER_WORKER | $p50 | $p95 | $p99 | $rps | $count | $non2xx | $errors | $cpu |")
    echo "  p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, ${rps} requests/s, ${count} requests, ${non2xx} not 2xx, ${errors} errors, app CPU ${cpu} ms/request"
  done

  echo "bench: $provider cloning $DRAFTS drafts to submit"
  make_drafts "$provider" "$ASSESSMENT" "$DRAFTS" 4000 >"$OUT/drafts.txt"
  [ "$(wc -l <"$OUT/drafts.txt")" -eq "$DRAFTS" ] || { echo "bench: could not make the drafts" >&2; exit 1; }
  echo "bench: $provider POST /api/v1/assessments/{id}/submit at $RATE requests/s for ${DURATION}s"
  before=$(cpu_seconds)
  read -r p50 p95 p99 rps count non2xx errors < <(submit_load "$PORT" "$TOKEN" "$OUT/drafts.txt" 2>"$OUT/submit-$provider.txt")
  after=$(cpu_seconds)
  cpu=$(cpu_ms_per_request "$before" "$after" "$count")
  cat "$OUT/submit-$provider.txt"
  rows+=("| $provider | POST /api/v1/assessments/{id}/submit (a Draft each) | open loop, $WORKERS connections, $RATE/s, $DRAFTS requests | $p50 | $p95 | $p99 | $rps | $count | $non2xx | $errors | $cpu |")
  echo "  p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, ${rps} requests/s, ${count} requests, ${non2xx} not 2xx, ${errors} errors, app CPU ${cpu} ms/request"
  cleanup
done

{
  echo ""
  echo "### $(date -u +%Y-%m-%d) web.sh, ${PROVIDERS[*]}, commit $commit"
  echo "Machine: $machine; load average when it started: $LOAD_AT_START. Command: \`bench/web.sh ${PROVIDERS[*]}\`."
  echo "App: Release (dotnet publish), environment $ENVIRONMENT (plain HTTP), demo seeded (500 enterprises), on 127.0.0.1; the load generator on the same machine."
  echo "Rate: $RATE requests/s in total ($WORKERS connections). Latency in milliseconds (for submit, counted from each request's scheduled"
  echo "time: when the server falls behind, the queue shows). App CPU: user + system time of the app process per request. Goal: p99 under 50 ms, no errors."
  echo ""
  echo "| database | endpoint | load | p50 | p95 | p99 | requests/s | requests | not 2xx | errors | app CPU ms/request |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >>"$ROOT/bench/RESULTS.md"
echo "bench: appended to bench/RESULTS.md"
