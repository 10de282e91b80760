#!/usr/bin/env bash
# First load of every main page of every demo role after a restart (issue 14, item 28), in headless Chromium with
# an empty HTTP cache: Navigation Timing (response start and end, DOMContentLoaded, load event) and the moment the
# ECharts charts are drawn, min / median over RUNS runs. For each run and role the platform is restarted on the
# same seeded demo (8,000 households of Qinglong); seeds DATA first if it is empty (a few minutes). The browser side
# is demo/src/test/java/org/bulwark/browser/FirstLoadBenchmark.java (a benchmark: it asserts nothing about time).
# RESTART=run restarts once per run and then measures the roles one after another (each still with an empty cache):
# quicker where a restart takes minutes, but only the first role finds the server cold.
#   PORT=8095 RUNS=3 DATA=/tmp/first-load/pg [JAR=bench/target/bulwark-tools.jar] [ROLES="county cadre"] \
#     [RESTART=role|run] bench/first-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8095}
RUNS=${RUNS:-3}
DATA=$(realpath -m "${DATA:-$(mktemp -d)/pg}")
JAR=$(realpath -m "${JAR:-bench/target/bulwark-tools.jar}")
ROLES=${ROLES:-"resident county cadre township helper officer prefecture province leader sysadmin secadmin auditor"}
OUT=$(realpath -m "${OUT:-demo/target/first-load.md}")
RESTART=${RESTART:-role}
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package >/dev/null
if [ ! -f "$DATA/PG_VERSION" ]; then
  echo "seeding the demo into $DATA (once) ..." >&2
  BULWARK_DATA_DIR=$DATA java -jar "$JAR" demo --port "$PORT" --data-dir "$DATA" >/tmp/bulwark-first-load-seed.log 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login")" = 200 ]; do sleep 1; done
  kill "$pid"; wait "$pid" 2>/dev/null || true
fi
echo "load before: $(uptime)" >&2
./mvnw -q -B -ntp -o test -pl demo -am -Dtest=FirstLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbulwark.bench.jar="$JAR" -Dbulwark.bench.data="$DATA" -Dbulwark.bench.port="$PORT" \
  -Dbulwark.bench.runs="$RUNS" -Dbulwark.bench.roles="$ROLES" -Dbulwark.bench.out="$OUT" -Dbulwark.bench.restart="$RESTART" >&2
echo "load after: $(uptime)" >&2
cat "$OUT"
