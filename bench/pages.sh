#!/usr/bin/env bash
# Server time of the pages on the demo data: starts ./bulwark demo (8,000 households of Qinglong), signs in as each
# user given, requests every page REPEAT times one after another (after 20 warm-up requests) and prints p50 / p95 / max of
# curl's time to the last byte, and the page's size as sent (gzip). Dashboards keep their figures until the database
# changes, so they are measured twice: as repeated ("kept"), and each time after a change ("after a change": a sign-in,
# whose audit entry is a change, before every request).
#   PORT=8093 USERS="county province cadre" REPEAT=50 DATA=/tmp/bench-pages/pg bench/pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8096}
REPEAT=${REPEAT:-50}
USERS=${USERS:-"county province"}
DATA=${DATA:-$(mktemp -d)/pg}
ls bench/target/bulwark-tools.jar >/dev/null 2>&1 || ./mvnw -q -B -DskipTests package >/dev/null
BULWARK_DATA_DIR=$DATA ./bulwark demo --port "$PORT" --data-dir "$DATA" >/tmp/bulwark-bench-pages.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login")" = 200 ]; do sleep 0.2; done
base=http://localhost:$PORT
jar=$(mktemp)
sign_in() {
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=Bulwark@2026&_csrf=$token" "$base/login"
}
measure() {
  local path=$1 label=${2:-} times=() i size
  for i in $(seq 1 20); do curl -s -b "$jar" -o /dev/null "$base$path"; done
  for i in $(seq 1 "$REPEAT"); do
    [ -n "$label" ] && sign_in "$user"
    times+=("$(curl -s -b "$jar" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{time_total}' "$base$path")")
  done
  size=$(curl -s -b "$jar" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$path")
  printf '%s\n' "${times[@]}" | sort -n | awk -v path="$path$label" -v size="$size" -v user="$user" '
    { t[NR] = $1 * 1000 }
    END { p50 = t[int(NR * 0.50 + 0.5)]; p95 = t[int(NR * 0.95 + 0.5)];
          printf "| %-10s | `%s` | %.1f ms | %.1f ms | %.1f ms | %.1f KB |\n", user, path, p50, p95, t[NR], size / 1024 }'
}
household=$(curl -s -u county:Bulwark@2026 "$base/api/v1/households?size=1&region=522324101209" \
  | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
echo "| user | page | p50 | p95 | max | sent (gzip) |"
echo "|---|---|---|---|---|---|"
for user in $USERS; do
  sign_in "$user"
  for path in / /dashboard "/dashboard?region=522324000000" "/dashboard?region=522324101000" \
      "/dashboard?region=522324101209" "/dashboard/households?measure=warnings.raised&region=522324000000" \
      /households "/households/$household" /warnings /dashboard/cockpit; do
    measure "$path"
  done
  for path in /dashboard "/dashboard?region=522324101000" /dashboard/cockpit; do
    measure "$path" " (after a change)"
  done
done
rm -f "$jar"
