#!/usr/bin/env bash
# Start-up time of ./bulwark demo (after the first build): seconds from launch until /login answers 200.
# Runs a first start on an empty data folder (initdb, migrations, regions, demo seed) and then N restarts.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
RUNS=${RUNS:-3}
DATA=$(mktemp -d)/pg
./mvnw -q -B -DskipTests package >/dev/null
wait_up() {
  local start=$1
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login")" = 200 ]; do sleep 0.1; done
  echo "$(( ($(date +%s%N) - start) / 1000000 )) ms"
}
run() {
  local label=$1 start
  start=$(date +%s%N)
  BULWARK_DATA_DIR=$DATA ./bulwark demo --port "$PORT" >/tmp/bulwark-startup.log 2>&1 &
  local pid=$!
  printf '%-34s %s\n' "$label" "$(wait_up "$start")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
run "first start (empty data, seeding)"
for i in $(seq 1 "$RUNS"); do run "restart $i (data kept)"; done
# a start after kill -9: the orphaned PostgreSQL must be stopped and the data kept
start=$(date +%s%N)
BULWARK_DATA_DIR=$DATA ./bulwark demo --port "$PORT" >/tmp/bulwark-startup.log 2>&1 &
pid=$!
wait_up "$start" >/dev/null
kill -9 "$pid"; sleep 1
start=$(date +%s%N)
BULWARK_DATA_DIR=$DATA ./bulwark demo --port "$PORT" >/tmp/bulwark-startup.log 2>&1 &
pid=$!
printf '%-34s %s\n' "start after kill -9" "$(wait_up "$start")"
grep -q "Demo data already present" /tmp/bulwark-startup.log && echo "  demo data kept, not seeded again"
curl -s -u county:Bulwark@2026 "http://localhost:$PORT/api/v1/households?size=1" | grep -q '"householdNumber"' \
  && echo "  households readable through the API after the restart"
kill "$pid"; wait "$pid" 2>/dev/null || true
rm -rf "$(dirname "$DATA")"
