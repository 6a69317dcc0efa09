#!/usr/bin/env bash
# PostgreSQL point-in-time recovery, tested end to end (docs/backup.md):
#   1. a primary with WAL archiving (wal_level=replica, archive_mode=on, an archive_command that succeeds only once
#      the segment is stored whole), the platform's schema (`dotnet HiTech.Web.dll migrate`) and rows written;
#   2. a base backup (pg_basebackup) while the primary runs; more rows; the target time noted; rows after it;
#   3. the base backup restored into a scratch cluster with restore_command and recovery_target_time;
#   4. the restored data checked: the schema, every row written before the target, none after it.
# Usage: tools/backup/pg-pitr-check.sh [path/to/HiTech.Web.dll]   (without it, the schema step is skipped)
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WEB_DLL=${1:-}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hitech-pitr.XXXXXX")
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$WORK"; as_pg=(runuser -u postgres --); else as_pg=(); fi
pg() { "${as_pg[@]}" "$@"; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
cleanup() {
  for d in primary restored; do pg "$PG_BIN/pg_ctl" -D "$WORK/$d" -m immediate stop >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "pitr: FAILED: $*" >&2; for l in "$WORK"/*.log; do echo "--- $l" >&2; tail -20 "$l" >&2; done; exit 1; }

pg mkdir -p "$WORK/archive"
pg "$PG_BIN/initdb" -D "$WORK/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >> "$WORK/primary/postgresql.conf" <<CONF
wal_level = replica
archive_mode = on
# Copy under a temporary name, flush, then rename: a segment in the archive is always whole, and an existing one is never overwritten.
archive_command = 'test ! -f $WORK/archive/%f && cp %p $WORK/archive/%f.part && sync $WORK/archive/%f.part && mv $WORK/archive/%f.part $WORK/archive/%f'
archive_timeout = 60
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
CONF
# A free port; if another program takes it first, the next one.
start_on_free_port() { # data-directory log first-port -> the port it listens on
  local port=$3
  for attempt in 1 2 3 4 5; do
    port=$(free_port "$port")
    pg "$PG_BIN/pg_ctl" -D "$1" -l "$2" -w -t 120 -o "-p $port" start >/dev/null 2>&1 && { echo "$port"; return 0; }
    port=$((port + 1))
  done
  return 1
}
PRIMARY_PORT=$(start_on_free_port "$WORK/primary" "$WORK/primary.log" $((57000 + RANDOM % 2000))) || fail "the primary did not start"
psql_primary() { pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d hitech -v ON_ERROR_STOP=1 -qAt "$@"; }
pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres hitech

if [ -n "$WEB_DLL" ]; then
  # Development: the key certificate is made in the scratch data directory (Production would need DataProtection:CertificatePath).
  ASPNETCORE_ENVIRONMENT=Development Data__Directory="$WORK/app-data" \
  Database__Provider=postgres ConnectionStrings__Default="Host=127.0.0.1;Port=$PRIMARY_PORT;Username=postgres;Database=hitech" \
    dotnet "$WEB_DLL" migrate >"$WORK/migrate.log" 2>&1 || fail "migrate failed"
fi
psql_primary -c "CREATE TABLE pitr_check (id serial PRIMARY KEY, phase text NOT NULL, written_at timestamptz NOT NULL DEFAULT clock_timestamp())"
psql_primary -c "INSERT INTO pitr_check (phase) SELECT 'before-base-backup' FROM generate_series(1, 1000)"

# The base backup, taken while the primary runs (it writes on during it, below, too).
pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$WORK/base" -X stream --checkpoint=fast >/dev/null || fail "pg_basebackup failed"
psql_primary -c "INSERT INTO pitr_check (phase) SELECT 'after-base-backup' FROM generate_series(1, 500)"
sleep 1
TARGET=$(psql_primary -c "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
sleep 1
psql_primary -c "INSERT INTO pitr_check (phase) SELECT 'after-target' FROM generate_series(1, 300)"
# Close the current WAL segment so it reaches the archive, and wait until it is there.
SEGMENT=$(psql_primary -c "SELECT pg_walfile_name(pg_switch_wal())")
for _ in $(seq 1 60); do [ -f "$WORK/archive/$SEGMENT" ] && break; sleep 1; done
[ -f "$WORK/archive/$SEGMENT" ] || fail "WAL segment $SEGMENT was not archived"
SCHEMA_ROWS=$(psql_primary -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
# The primary is lost.
pg "$PG_BIN/pg_ctl" -D "$WORK/primary" -m immediate stop >/dev/null

# Restore: the base backup, then WAL from the archive up to the target time, into a scratch cluster.
pg cp -a "$WORK/base" "$WORK/restored"
cat >> "$WORK/restored/postgresql.conf" <<CONF
archive_mode = off
restore_command = 'cp $WORK/archive/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
CONF
pg touch "$WORK/restored/recovery.signal"
RESTORED_PORT=$(start_on_free_port "$WORK/restored" "$WORK/restored.log" $((PRIMARY_PORT + 1))) || fail "the restored cluster did not start"
psql_restored() { pg "$PG_BIN/psql" -h 127.0.0.1 -p "$RESTORED_PORT" -U postgres -d hitech -v ON_ERROR_STOP=1 -qAt "$@"; }
for _ in $(seq 1 60); do [ "$(psql_restored -c 'SELECT pg_is_in_recovery()')" = "f" ] && break; sleep 1; done
[ "$(psql_restored -c 'SELECT pg_is_in_recovery()')" = "f" ] || fail "recovery did not finish"

COUNTS=$(psql_restored -c "SELECT string_agg(phase || '=' || n, ' ' ORDER BY phase) FROM (SELECT phase, count(*) n FROM pitr_check GROUP BY phase) c")
RESTORED_SCHEMA=$(psql_restored -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
echo "pitr: restored to $TARGET: $COUNTS; $RESTORED_SCHEMA of $SCHEMA_ROWS tables"
[ "$COUNTS" = "after-base-backup=500 before-base-backup=1000" ] || fail "expected 1000 rows before the base backup and 500 after it, none after the target; got: $COUNTS"
[ "$RESTORED_SCHEMA" = "$SCHEMA_ROWS" ] || fail "tables: $RESTORED_SCHEMA restored of $SCHEMA_ROWS"
if [ -n "$WEB_DLL" ]; then
  MIGRATIONS=$(psql_restored -c 'SELECT count(*) FROM "__EFMigrationsHistory"')
  [ "$MIGRATIONS" -gt 0 ] || fail "the platform's schema was not restored"
  echo "pitr: the platform's schema is there ($MIGRATIONS migrations applied)"
fi
echo "pitr: point-in-time recovery OK"
