#!/usr/bin/env bash
# A production-shaped cluster on this machine, on loopback only (docs/deployment.md describes the real one):
#   PostgreSQL 15 primary + a streaming replica (pg_basebackup -R), `migrate` once (which makes the first
#   administrator), two web nodes in Production (one publish, each on its own port, evidence in the database,
#   Data Protection keys encrypted with a generated certificate), and nginx in front ending TLS (a self-signed
#   certificate) with both nodes upstream.
#
#   deploy/local-cluster.sh up      start it all, wait until ready, print url= node1= node2= admin_email= admin_password=
#   deploy/local-cluster.sh check   sign in through nginx with the one-time password, upload through node1, download
#                                   through node2 byte for byte, read request durations from /metrics
#   deploy/local-cluster.sh down    stop everything `up` started and remove its data (safe to run twice)
#
# Settings (environment): HITECH_CLUSTER_DIR (default /tmp/hitech-cluster), HITECH_CLUSTER_APP (an existing
# `dotnet publish` output to use instead of publishing; the publish is kept in $HITECH_CLUSTER_DIR/app otherwise).
# Installs nginx (and PostgreSQL) with apt-get when missing, as .ci/run does. Works as root (PostgreSQL then runs
# as the postgres user) or as an ordinary user with the packages installed.
set -Eeuo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${HITECH_CLUSTER_DIR:-/tmp/hitech-cluster}
STATE=$DIR/cluster.env
PG_BIN=/usr/lib/postgresql/15/bin

say() { echo "cluster: $*" >&2; }
die() { say "$*"; exit 1; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The next free loopback port at or after $1 that this run has not taken yet.
taken=()
free_port() {
  local port=$1
  while ! port_free "$port" || [[ " ${taken[*]-} " == *" $port "* ]]; do port=$((port + 1)); done
  taken+=("$port")
  echo "$port"
}
random_secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); else as_pg=(); fi

install_missing() {
  local need=()
  [ -x "$PG_BIN/initdb" ] || need+=(postgresql)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
  command -v openssl >/dev/null || need+=(openssl)
  command -v curl >/dev/null || need+=(curl)
  command -v jq >/dev/null || need+=(jq)
  [ ${#need[@]} -gt 0 ] || return 0
  say "installing ${need[*]}"
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null || die "missing ${need[*]} and no way to install them (run as root, or allow sudo)"
    as_root=(sudo -n)
  fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # Debian's packages may start their own nginx on :80 and PostgreSQL on :5432 (not where policy-rc.d forbids it); this cluster never uses them.
}

wait_for() { # url, what, seconds
  local url=$1 what=$2 deadline=$((SECONDS + $3))
  until curl -ksf -o /dev/null "$url"; do
    [ $SECONDS -lt "$deadline" ] || die "$what did not become ready at $url (logs in $DIR)"
    sleep 1
  done
}

pg_start() { # data dir, port, log
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$1" -l "$3" -w -t 60 -o "-p $2 -k $DIR/pg -c listen_addresses=127.0.0.1" start >/dev/null
}

up() {
  [ ! -e "$STATE" ] || die "a cluster is already up in $DIR (deploy/local-cluster.sh down first)"
  command -v dotnet >/dev/null || die "the .NET SDK is required (see global.json)"
  install_missing
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  mkdir -p "$DIR"/{pg,node1,node2,nginx,secrets}
  chmod 700 "$DIR/secrets"
  : >"$STATE"
  UP_READY=0
  # On any failure: stop what started, keep the logs for reading (`down` removes them).
  trap '[ "$UP_READY" = 1 ] || { say "up failed; stopped what it started; logs in $DIR (deploy/local-cluster.sh down removes them)"; stop_all; }' EXIT

  local pg_port replica_port node1_port node2_port nginx_port
  pg_port=$(free_port 57432); replica_port=$(free_port $((pg_port + 1)))
  node1_port=$(free_port 58081); node2_port=$(free_port $((node1_port + 1))); nginx_port=$(free_port 58443)

  # --- PostgreSQL primary: passwords, not trust; replication over loopback only.
  local pg_password app_password
  pg_password=$(random_secret); app_password=$(random_secret)
  [ "$(id -u)" -ne 0 ] || chown -R postgres:postgres "$DIR/pg"
  printf '%s\n' "$pg_password" >"$DIR/pg/pwfile"
  [ "$(id -u)" -ne 0 ] || chown postgres "$DIR/pg/pwfile"
  "${as_pg[@]}" "$PG_BIN/initdb" -D "$DIR/pg/primary" -U postgres --auth=scram-sha-256 --pwfile="$DIR/pg/pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$DIR/pg/pwfile"
  cat >>"$DIR/pg/primary/postgresql.conf" <<EOF
wal_level = replica
max_wal_senders = 5
hot_standby = on
EOF
  echo "pg_pid_dir=$DIR/pg/primary" >>"$STATE"
  pg_start "$DIR/pg/primary" "$pg_port" "$DIR/pg/primary.log"
  export PGPASSWORD=$pg_password
  local psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -q)
  "${psql[@]}" -d postgres -c "CREATE ROLE hitech LOGIN PASSWORD '$app_password'" -c "CREATE DATABASE hitech OWNER hitech"
  say "PostgreSQL primary on 127.0.0.1:$pg_port"

  # --- The streaming replica: a base backup that writes its own primary_conninfo (-R).
  "${as_pg[@]}" env PGPASSWORD="$pg_password" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$DIR/pg/replica" -R -X stream -c fast
  echo "pg_replica_dir=$DIR/pg/replica" >>"$STATE"
  pg_start "$DIR/pg/replica" "$replica_port" "$DIR/pg/replica.log"
  say "PostgreSQL replica on 127.0.0.1:$replica_port"

  # --- The key-ring certificate (Data Protection keys encrypted at rest) and nginx's TLS certificate.
  local cert_password
  cert_password=$(random_secret)
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=hitech-data-protection" \
    -keyout "$DIR/secrets/keys.key" -out "$DIR/secrets/keys.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$DIR/secrets/keys.key" -in "$DIR/secrets/keys.crt" -out "$DIR/secrets/keys.pfx" -passout "pass:$cert_password"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$DIR/secrets/tls.key" -out "$DIR/secrets/tls.crt" 2>/dev/null

  # --- One publish for both nodes.
  local app=${HITECH_CLUSTER_APP:-$DIR/app}
  if [ -z "${HITECH_CLUSTER_APP:-}" ]; then
    say "publishing the web app (a few minutes)"
    dotnet publish "$ROOT/src/HiTech.Web" -c Release -o "$app" -v q -nologo >"$DIR/publish.log" 2>&1 || { cat "$DIR/publish.log" >&2; false; }
  fi
  [ -f "$app/HiTech.Web.dll" ] || die "no HiTech.Web.dll in $app"

  # Each node's connection pools fit PostgreSQL's 100 connections together (Npgsql's default of 100 per node does not:
  # under load the second node's connections were refused, "remaining connection slots are reserved"); a request waits
  # for a free connection instead.
  local pool_size=40
  # The settings every node shares; secrets come from the environment, as in a real deployment.
  cat >"$DIR/secrets/node.env" <<EOF
ASPNETCORE_ENVIRONMENT=Production
DOTNET_CLI_TELEMETRY_OPTOUT=1
Database__Provider=postgres
ConnectionStrings__Default='Host=127.0.0.1;Port=$pg_port;Database=hitech;Username=hitech;Password=$app_password;Maximum Pool Size=$pool_size'
ConnectionStrings__ReadReplica='Host=127.0.0.1;Port=$replica_port;Database=hitech;Username=hitech;Password=$app_password;Maximum Pool Size=$pool_size'
DataProtection__CertificatePath='$DIR/secrets/keys.pfx'
DataProtection__CertificatePassword='$cert_password'
Storage__Evidence=database
Proxy__KnownProxies=127.0.0.1
FirstAdministrator__Email='${HITECH_ADMIN_EMAIL:-admin@localhost}'
EOF
  chmod 600 "$DIR/secrets/node.env"
  # Run in a subshell, it becomes the app (exec): the subshell's pid is the app's, for `down`.
  run_app() { set -a; . "$DIR/secrets/node.env"; set +a; cd "$app" && exec nohup dotnet HiTech.Web.dll "$@"; }

  # --- Migrations once per release, before any node starts; on a fresh database this makes the first administrator.
  (run_app migrate) >"$DIR/migrate.log" 2>&1 || { cat "$DIR/migrate.log" >&2; false; }
  local admin_line admin_email admin_password
  admin_line=$(sed -n 's/^first-administrator: \(email=[^ ]* one-time-password=[^ ]*\)$/\1/p' "$DIR/migrate.log" | head -1)
  [ -n "$admin_line" ] || die "migrate printed no first administrator (see $DIR/migrate.log)"
  admin_email=${admin_line#email=}; admin_email=${admin_email%% *}
  admin_password=${admin_line##*one-time-password=}

  # --- Two nodes, each on its own port and data directory (analytics snapshot, temporary uploads, e-mail drop).
  local n port
  for n in 1 2; do
    port=$([ $n -eq 1 ] && echo "$node1_port" || echo "$node2_port")
    (export Data__Directory=$DIR/node$n; run_app --urls "http://127.0.0.1:$port") >"$DIR/node$n.log" 2>&1 &
    echo "node${n}_pid=$!" >>"$STATE"
  done

  # --- nginx: TLS, both nodes upstream, passive health checks, retries for idempotent requests only.
  cat >"$DIR/nginx/nginx.conf" <<EOF
# Generated by deploy/local-cluster.sh; see docs/deployment.md for the real deployment's.
daemon on;
worker_processes 2;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log $DIR/nginx/access.log;
  client_body_temp_path $DIR/nginx/body;
  proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  # The app reads an oversized upload far enough to answer it with its own message (Uploads:MaxBytes x 4).
  client_max_body_size 48m;

  upstream hitech {
    server 127.0.0.1:$node1_port max_fails=2 fail_timeout=10s;
    server 127.0.0.1:$node2_port max_fails=2 fail_timeout=10s;
    keepalive 32;
  }

  server {
    listen 127.0.0.1:$nginx_port ssl http2;
    server_name localhost;
    ssl_certificate $DIR/secrets/tls.crt;
    ssl_certificate_key $DIR/secrets/tls.key;
    ssl_protocols TLSv1.2 TLSv1.3;

    location / {
      proxy_pass http://hitech;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A node that refuses or dies: GET, HEAD, PUT, DELETE go to the other; POST is never sent twice.
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
    }

    # Metrics are scraped from each node, never served to the public.
    location = /metrics { return 404; }
  }
}
EOF
  "$NGINX" -t -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" >"$DIR/nginx/test.log" 2>&1 || { cat "$DIR/nginx/test.log" >&2; false; }
  "$NGINX" -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx"
  echo "nginx=$NGINX" >>"$STATE"

  # --- Ready: each node's /health/ready (database and job scheduler), then through nginx.
  wait_for "http://127.0.0.1:$node1_port/health/ready" node1 180
  wait_for "http://127.0.0.1:$node2_port/health/ready" node2 180
  wait_for "https://127.0.0.1:$nginx_port/health/ready" nginx 30
  UP_READY=1

  {
    echo "url=https://127.0.0.1:$nginx_port"
    echo "node1=http://127.0.0.1:$node1_port"
    echo "node2=http://127.0.0.1:$node2_port"
    echo "primary=127.0.0.1:$pg_port"
    echo "replica=127.0.0.1:$replica_port"
    echo "admin_email=$admin_email"
    echo "admin_password=$admin_password"
  } | tee -a "$STATE"
}

# Stops what the state file names: nginx and the nodes by their pids, PostgreSQL with pg_ctl.
stop_all() {
  [ -d "$DIR" ] || return 0
  local nginx pid n
  nginx=$(sed -n 's/^nginx=//p' "$STATE" 2>/dev/null || true)
  if [ -n "$nginx" ] && [ -f "$DIR/nginx/nginx.pid" ]; then
    "$nginx" -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" -s quit 2>/dev/null || kill "$(cat "$DIR/nginx/nginx.pid")" 2>/dev/null || true
  fi
  for n in 1 2; do
    pid=$(sed -n "s/^node${n}_pid=//p" "$STATE" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  for data in "$DIR/pg/replica" "$DIR/pg/primary"; do
    [ ! -f "$data/postmaster.pid" ] || "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  done
}

down() {
  if [ ! -d "$DIR" ]; then
    say "nothing to stop in $DIR"
    return 0
  fi
  stop_all
  rm -rf "$DIR"
  say "stopped and removed $DIR"
}

check() {
  [ -f "$STATE" ] || die "no cluster in $DIR (deploy/local-cluster.sh up first)"
  local url node1 node2 email password
  url=$(sed -n 's/^url=//p' "$STATE"); node1=$(sed -n 's/^node1=//p' "$STATE"); node2=$(sed -n 's/^node2=//p' "$STATE")
  email=$(sed -n 's/^admin_email=//p' "$STATE"); password=$(sed -n 's/^admin_password=//p' "$STATE")
  local work
  work=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" RETURN
  local c=(curl -ksS --fail-with-body)
  # Nodes are plain HTTP on loopback: what nginx adds, a direct call says itself (loopback is a trusted proxy).
  local direct=(-H "X-Forwarded-Proto: https")

  # 1. The first administrator's one-time password, through nginx.
  local admin_token
  admin_token=$("${c[@]}" "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg e "$email" --arg p "$password" '{email:$e,password:$p}')" | jq -er .accessToken)
  say "signed in through nginx as $email with the one-time password"

  # 2. An enterprise owner: the registration page (cookies, antiforgery), then the API.
  local owner="check-$(date +%s)-$RANDOM@example.com" owner_password="Check#$(random_secret)"
  local jar=$work/jar page token
  page=$("${c[@]}" -c "$jar" -b "$jar" "$url/account/register")
  token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$page" | head -1)
  [ -n "$token" ] || token=$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//' | head -1)
  "${c[@]}" -o /dev/null -c "$jar" -b "$jar" "$url/account/register" --data-urlencode "Name=Cluster Check" --data-urlencode "Email=$owner" \
    --data-urlencode "Password=$owner_password" --data-urlencode "ConfirmPassword=$owner_password" --data-urlencode "__RequestVerificationToken=$token"
  local owner_token
  owner_token=$("${c[@]}" "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg e "$owner" --arg p "$owner_password" '{email:$e,password:$p}')" | jq -er .accessToken)
  local auth=(-H "Authorization: Bearer $owner_token")
  local organisation assessment
  organisation=$("${c[@]}" "${auth[@]}" "$url/api/v1/organisations" -H 'Content-Type: application/json' -d "$(jq -n \
    --arg u "UDYAM-KL-09-$((1000000 + RANDOM * 200 + RANDOM % 200))" \
    '{name:"Cluster Check Works",udyamNumber:$u,district:"Palakkad",address:"Kanjikode Industrial Area, Palakkad",investmentInr:2000000,turnoverInr:9000000}')" | jq -er .id)
  # The organisation is in the account's token from the next sign-in on.
  owner_token=$("${c[@]}" "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg e "$owner" --arg p "$owner_password" '{email:$e,password:$p}')" | jq -er .accessToken)
  auth=(-H "Authorization: Bearer $owner_token")
  assessment=$("${c[@]}" "${auth[@]}" "$url/api/v1/assessments" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg o "$organisation" --argjson y "$(($(date +%Y) - 1))" '{organisationId:$o,year:$y}')" | jq -er .id)
  say "registered an enterprise ($owner) and started assessment $assessment"

  # 3. A 2 MB PDF up through node1, down through node2, byte for byte.
  { printf '%%PDF-1.4\n%% cluster check\n'; head -c 2097152 /dev/urandom; printf '\n%%%%EOF\n'; } >"$work/up.pdf"
  local file
  file=$("${c[@]}" "${direct[@]}" "${auth[@]}" "$node1/api/v1/assessments/$assessment/evidence" -F inputId=turnover \
    -F "file=@$work/up.pdf;type=application/pdf;filename=check.pdf" | jq -er .id)
  "${c[@]}" "${direct[@]}" "${auth[@]}" -o "$work/down.pdf" "$node2/api/v1/assessments/$assessment/evidence/$file"
  cmp "$work/up.pdf" "$work/down.pdf" || die "the file downloaded through node2 differs from the one uploaded through node1"
  say "evidence uploaded through node1 downloaded through node2 byte for byte ($(stat -c %s "$work/up.pdf") bytes, sha256 $(sha256sum <"$work/up.pdf" | cut -c1-16)...)"

  # 4. Request durations on each node's /metrics (scraped on the node itself, as Prometheus would; nginx does not serve it).
  local metrics n
  for n in "$node1" "$node2"; do
    metrics=$("${c[@]}" "$n/metrics")
    grep -q '^http_server_request_duration_seconds_bucket' <<<"$metrics" || die "$n/metrics shows no request durations"
    say "$n/metrics: $(grep -c '^http_server_request_duration_seconds_count' <<<"$metrics") request-duration series, e.g. $(grep -m1 '^http_server_request_duration_seconds_count' <<<"$metrics")"
  done
  [ "$(curl -ksS -o /dev/null -w '%{http_code}' "$url/metrics")" = 404 ] || die "nginx serves /metrics to the public"
  echo "check=ok"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  check) check ;;
  *) echo "usage: deploy/local-cluster.sh up|check|down" >&2; exit 2 ;;
esac
