#!/usr/bin/env bash
# Server time of the page that lists one labourer's matches (issue 15: p95 <= 100 ms): signs in as the demo's county
# employment office (`employment`, 晴隆县), takes LABOURERS different labourers of its region from the API, requests
# each one's page /employment/labourers/{id} (the labourer, the history and the best 20 postings with their reasons,
# matched live) REPEAT times, the labourers interleaved, after WARMUP requests; with API=1 also the API
# /api/v1/employment/labourers/{id}/matches (HTTP Basic: each request pays the password's check, which the page's
# session does not). Prints p50 / p95 / max of curl's time to the last byte on localhost.
# Uses the server at BASE when it answers, else starts ./bulwark demo on PORT with DATA (seeded on its first start, a
# few minutes) and stops it at the end. With POSTINGS=n and fewer than n postings in the user's region, first creates
# the rest through the API as the user (an employer, then postings at the labourers' villages and the county seat,
# kinds, skills and wages drawn at random, seed 1): a demo without postings matches nothing.
#   PORT=8104 DATA=/tmp/h4-data/pg LABOURERS=200 REPEAT=5 bench/labourer-matches.sh
#   BASE=http://localhost:8080 USER_NAME=employment bench/labourer-matches.sh      # a server already running
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8104}
BASE=${BASE:-http://localhost:$PORT}
DATA=${DATA:-$(mktemp -d)/pg}
USER_NAME=${USER_NAME:-employment}
PASSWORD=${PASSWORD:-Bulwark@2026}
LABOURERS=${LABOURERS:-200}
REPEAT=${REPEAT:-5}
WARMUP=${WARMUP:-30}
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login")" != 200 ]; then
  BULWARK_DATA_DIR=$DATA ./bulwark demo --port "$PORT" --data-dir "$DATA" >/tmp/bulwark-labourer-matches.log 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login")" = 200 ]; do sleep 1; done
fi
jar=$(mktemp)
token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$USER_NAME&password=$PASSWORD&_csrf=$token" "$BASE/login"
# the labourers, 50 a page, taken from pages spread over the whole list
total=$(curl -s -u "$USER_NAME:$PASSWORD" "$BASE/api/v1/employment/labourers?page=0" | grep -o '"total":[0-9]*' | cut -d: -f2)
pages=$(( (total + 49) / 50 ))
wanted_pages=$(( (LABOURERS + 49) / 50 ))
step=$(( pages > wanted_pages ? pages / wanted_pages : 1 ))
ids=()
villages=()
for ((p = 0; p < pages && ${#ids[@]} < LABOURERS; p += step)); do
  listing=$(curl -s -u "$USER_NAME:$PASSWORD" "$BASE/api/v1/employment/labourers?page=$p")
  while read -r id; do ids+=("$id"); done < <(grep -o '"personId":[0-9]*' <<<"$listing" | cut -d: -f2)
  while read -r v; do villages+=("$v"); done < <(grep -o '"villageCode":"[0-9]*"' <<<"$listing" | cut -d'"' -f4 | sort -u)
done
ids=("${ids[@]:0:$LABOURERS}")
have=$(curl -s -u "$USER_NAME:$PASSWORD" "$BASE/api/v1/employment/postings" | { grep -o '"id":[0-9]*,"employerId"' || true; } | wc -l)
if [ "${POSTINGS:-0}" -gt "$have" ]; then
  mapfile -t villages < <(printf '%s\n' "${villages[@]}" | sort -u)
  county=${villages[0]:0:6}000000
  employer=$(curl -s -u "$USER_NAME:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/employment/employers" \
    -d "{\"kind\":\"ENTERPRISE\",\"name\":\"基准测试企业\",\"regionCode\":\"$county\",\"active\":true}" \
    | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  kinds=(MANUFACTURING CONSTRUCTION CATERING_AND_SERVICES DOMESTIC_AND_CARE LOGISTICS AGRICULTURE HANDICRAFT OTHER)
  skills=('' '' '' '"DRIVER"' '"SEWING"' '"COOK"' '"ELECTRICIAN","WELDER"')
  RANDOM=1
  for ((i = have; i < POSTINGS; i++)); do
    place=$([ $((RANDOM % 3)) = 0 ] && echo "$county" || echo "${villages[RANDOM % ${#villages[@]}]}")
    curl -s -o /dev/null -u "$USER_NAME:$PASSWORD" -H 'Content-Type: application/json' \
      "$BASE/api/v1/employment/postings" -d "{\"employerId\":$employer,\"title\":\"基准测试岗位$i\",\
\"regionCode\":\"$place\",\"workKind\":\"${kinds[RANDOM % ${#kinds[@]}]}\",\"skills\":[${skills[RANDOM % ${#skills[@]}]}],\
\"monthlyWage\":$((1800 + 100 * (RANDOM % 40))),\"hoursPerWeek\":44,\"openings\":$((1 + RANDOM % 20)),\
\"openFrom\":\"$(date -d '-10 days' +%F)\"}"
  done
  echo "created $((POSTINGS - have)) postings (employer $employer) at ${#villages[@]} villages and $county" >&2
fi
echo "$USER_NAME: ${#ids[@]} labourers of $total, $REPEAT requests each after $WARMUP warm-up; load: $(uptime)" >&2
measure() { # $1: label, $2: URL prefix, $3: URL suffix, then curl's authentication
  local label=$1 prefix=$2 suffix=$3 times=() i r
  shift 3
  for ((i = 0; i < WARMUP; i++)); do curl -s "$@" -o /dev/null "$BASE$prefix${ids[i % ${#ids[@]}]}$suffix"; done
  for ((r = 0; r < REPEAT; r++)); do
    for id in "${ids[@]}"; do
      times+=("$(curl -s "$@" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{http_code} %{time_total}' \
        "$BASE$prefix$id$suffix")")
    done
  done
  printf '%s\n' "${times[@]}" | sort -k2 -n | awk -v label="$label" -v n="${#ids[@]}" '
    $1 != 200 { bad++ } { t[NR] = $2 * 1000 }
    END { printf "| %s | %d labourers, %d requests | %.1f ms | %.1f ms | %.1f ms | %d not 200 |\n", label, n, NR,
          t[int(NR * 0.50 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR], bad }'
}
echo "| what | requests | p50 | p95 | max | errors |"
echo "|---|---|---|---|---|---|"
measure "page /employment/labourers/{id}" /employment/labourers/ "" -b "$jar"
if [ "${API:-0}" = 1 ]; then
  measure "API /api/v1/employment/labourers/{id}/matches" /api/v1/employment/labourers/ /matches -u "$USER_NAME:$PASSWORD"
fi
echo "load after: $(uptime)" >&2
rm -f "$jar"
