#!/usr/bin/env bash
# Matches benchmark (issue 12, section 7): a need's top 10 providers at 300 requests/s, page and API.
# Starts the app in Release on loopback (SQLite, a temporary data directory, the demo seeded), adds BENCH_PROVIDERS
# verified providers (default 400) straight into the database, posts one need as the demo enterprise through the API,
# warms up, then measures at 300 requests/s in total (hey -c 30 -q 10 -z 30s):
#   GET /api/v1/needs/{id}/matches   (bearer token)
#   GET /needs/{id}                  (sign-in cookie; the page with the need and its matches)
# p50/p95/p99, the rate achieved, errors and the load average are appended to bench/RESULTS.md.
# Goal: p99 under 50 ms at 300 requests/s with no errors.
# Usage: bench/needs.sh     BENCH_DURATION=30 BENCH_WORKERS=30 BENCH_RATE=10 BENCH_PROVIDERS=400 override.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/needs"
mkdir -p "$OUT"
DURATION=${BENCH_DURATION:-30}
WORKERS=${BENCH_WORKERS:-30}
PER_WORKER=${BENCH_RATE:-10}
RATE=$((WORKERS * PER_WORKER))
PROVIDERS=${BENCH_PROVIDERS:-400}

for tool in hey curl python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required (apt-get install -y hey curl python3)" >&2; exit 1; }
done

if [ -z "${BENCH_SKIP_PUBLISH:-}" ]; then
  echo "bench: publishing the web app (Release)"
  rm -rf "$OUT/app"
  dotnet publish -c Release src/HiTech.Web -o "$OUT/app" -v q -nologo >/dev/null
fi
APP="$OUT/app/HiTech.Web.dll"
# Development only for plain HTTP on loopback (cookies and antiforgery need HTTPS otherwise), as bench/web.sh.
ENVIRONMENT=Development
machine="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), .NET $(dotnet --version)"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "uncommitted")
[ -n "$(git status --porcelain -- src 2>/dev/null)" ] && commit="$commit+local changes"

# port_free, free_port, json, hey_summary.
. "$ROOT/bench/bench-lib.sh"

APP_PID=""
DATA=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$DATA" ]; then rm -rf "$DATA"; fi
}
trap cleanup EXIT

# Inserts COUNT verified providers (random kinds, districts, NIC codes, stages, certifications and services, verified
# within the last 300 days) into the SQLite database, every column given as EF Core stores it.
add_providers() {
  python3 - "$DATA/hitech.db" "$1" <<'PY'
import datetime, random, sqlite3, sys, uuid
db, count = sys.argv[1], int(sys.argv[2])
rnd = random.Random(12)
kinds = ["rnd-institute", "tic-lab", "design-engineering", "gcc", "professional"]
districts = ["Thiruvananthapuram", "Kollam", "Pathanamthitta", "Alappuzha", "Kottayam", "Idukki", "Ernakulam", "Thrissur", "Palakkad", "Malappuram", "Kozhikode", "Wayanad", "Kannur", "Kasaragod"]
nic = ["22112", "22191", "2219", "221", "10791", "1079", "26510", "2651", "28191", "13941", "1394", "25920", "27101", "29301", "32501", "62011"]
certs = ["iso9001", "iso14001", "iso13485", "nabl", "zed-bronze", "bis", "ce-marking"]
stages = ["rnd", "design-engineering", "prototyping", "testing-certification", "advanced-manufacturing"]
words = ["rubber", "testing", "tensile", "latex", "coir", "calibration", "food", "spices", "design", "prototype", "CNC", "machining", "electronics", "PCB", "software", "IoT", "automation", "medical", "devices", "ayurveda"]
con = sqlite3.connect(db)
columns = [(r[1], r[2].upper(), r[3]) for r in con.execute('PRAGMA table_info("Providers")')]
today = datetime.date.today()
now = datetime.datetime.now(datetime.timezone.utc).isoformat(sep=" ", timespec="seconds")
with con:
    for i in range(count):
        verified = today - datetime.timedelta(days=rnd.randint(0, 300))
        values = {
            "Id": str(uuid.uuid4()).upper(), "Name": f"Bench provider {i:04d}", "Kind": rnd.choice(kinds), "District": rnd.choice(districts),
            "Remote": int(rnd.random() < 0.15), "NicCodes": ";".join(rnd.sample(nic, rnd.randint(1, 3))), "Stages": ";".join(rnd.sample(stages, rnd.randint(0, 2))),
            "Certifications": ";".join(rnd.sample(certs, rnd.randint(0, 2))), "Technologies": "", "Languages": "en;ml",
            "ServicesEn": " ".join(rnd.sample(words, 5)), "ServicesMl": "", "ResponseDays": 5, "Status": "Verified",
            "VerifiedOn": verified.isoformat(), "ExpiresOn": (verified + datetime.timedelta(days=365)).isoformat(),
            "IsDemo": 1, "CreatedAt": now, "Version": 0,
        }
        row = [values.get(name, None if not notnull else (0 if kind in ("INTEGER", "REAL") else "")) for name, kind, notnull in columns]
        con.execute(f'INSERT INTO "Providers" ({", ".join(chr(34) + c[0] + chr(34) for c in columns)}) VALUES ({", ".join("?" for _ in columns)})', row)
print(count)
PY
}

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
DATA=$(mktemp -d "${TMPDIR:-/tmp}/hitech-bench-needs.XXXXXX")
args=(--Data:Directory="$DATA" --Demo:Enabled=true --Demo:Enterprises=500)
PORT=$(free_port 5290)
BASE="http://127.0.0.1:$PORT"
echo "bench: starting the app on $BASE (sqlite, seeding the demo)"
(cd "$OUT/app" && exec env ASPNETCORE_ENVIRONMENT=$ENVIRONMENT dotnet "$APP" --urls "$BASE" "${args[@]}" >"$OUT/app.log" 2>&1) &
APP_PID=$!
for _ in $(seq 600); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$OUT/app.log" >&2; exit 1; }
  sleep 1
done
curl -fs "$BASE/health/ready" >/dev/null
echo "bench: adding $PROVIDERS verified providers"
add_providers "$PROVIDERS" >/dev/null
TOTAL_PROVIDERS=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM Providers WHERE Status = 'Verified'\").fetchone()[0])" "$DATA/hitech.db")

TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"owner@demo.local","password":"Demo#2025"}' | json 'd["accessToken"]')
AUTH="Authorization: Bearer $TOKEN"
NEED=$(curl -fs -X POST "$BASE/api/v1/needs" -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"helpKind":"testing-certification","nicCode":"22112","district":"Kottayam","summary":"Tensile testing of rubber latex gaskets"}' | json 'd["id"]')
JAR="$DATA/cookies.txt"
FORM_TOKEN=$(curl -fs -c "$JAR" "$BASE/account/sign-in" | python3 -c 'import re,sys,html; print(html.unescape(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1)))')
curl -fs -b "$JAR" -c "$JAR" -o /dev/null "$BASE/account/sign-in" --data-urlencode "Email=owner@demo.local" \
  --data-urlencode "Password=Demo#2025" --data-urlencode "__RequestVerificationToken=$FORM_TOKEN"
COOKIE="Cookie: $(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$JAR")"
MATCHES=$(curl -fs "$BASE/api/v1/needs/$NEED/matches" -H "$AUTH" | json 'len(d["matches"])')
[ "$MATCHES" = 10 ] || { echo "bench: the need has $MATCHES matches, not 10" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$COOKIE" "$BASE/needs/$NEED")
[ "$code" = 200 ] || { echo "bench: /needs/$NEED answered $code" >&2; exit 1; }

echo "bench: warming up"
hey -z 10s -c "$WORKERS" -q "$PER_WORKER" -H "$AUTH" "$BASE/api/v1/needs/$NEED/matches" >/dev/null
hey -z 10s -c "$WORKERS" -q "$PER_WORKER" -H "$COOKIE" "$BASE/needs/$NEED" >/dev/null

rows=()
for target in api page; do
  if [ $target = api ]; then url="$BASE/api/v1/needs/$NEED/matches"; header=$AUTH; label="GET /api/v1/needs/{id}/matches"; else url="$BASE/needs/$NEED"; header=$COOKIE; label="GET /needs/{id} (page)"; fi
  echo "bench: $label at $RATE requests/s for ${DURATION}s"
  hey -z "${DURATION}s" -c "$WORKERS" -q "$PER_WORKER" -H "$header" "$url" >"$OUT/$target.txt"
  read -r p50 p95 p99 rps count non2xx errors <<<"$(hey_summary "$OUT/$target.txt")"
  rows+=("| $label | $TOTAL_PROVIDERS | $RATE | $rps | $p50 | $p95 | $p99 | $count | $non2xx | $errors |")
done
LOAD_AT_END=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo
  echo "## Matches: a need's top 10 at $RATE requests/s ($(date -u +%Y-%m-%d), commit $commit)"
  echo
  echo "Machine: $machine. Load average at start $LOAD_AT_START, at end $LOAD_AT_END (other work on the machine skews the figures)."
  echo "Command: \`bench/needs.sh\` (SQLite, demo seeded, $PROVIDERS providers added; hey -c $WORKERS -q $PER_WORKER -z ${DURATION}s). Goal: p99 under 50 ms, no errors."
  echo
  echo "| request | verified providers | target rate | achieved rate | p50 ms | p95 ms | p99 ms | requests | non-2xx | errors |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee -a "$ROOT/bench/RESULTS.md"
