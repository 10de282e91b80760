#!/bin/bash
# Drives 户籍导入 (/registry-imports) or 导入县级监测对象名单 (/casework/roster) with curl as a browser would: a session
# cookie, the CSRF token, htmx polling of the import's progress; prints how long upload, preview and store took.
#   [PW=password] [OUT=dir] bench/onboard-page.sh BASE USER FILE COUNTY [registry|roster]
set -euo pipefail
B=$1; U=$2; F=$3; C=$4; KIND=${5:-registry}; J=$(mktemp); PW=${PW:-Bulwark@2026}
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
now() { date +%s.%N; }
T=$(curl -s -c $J -b $J $B/login | csrf)
curl -s -c $J -b $J -o /dev/null -d "username=$U&password=$PW&_csrf=$T" $B/login
if [ "$KIND" = roster ]; then
  T=$(curl -s -c $J -b $J $B/casework/roster | csrf)
  t0=$(now)
  curl -s -c $J -b $J -o ${OUT:-/tmp}/roster-preview.html -F "file=@$F" -F "county=$C" -F "_csrf=$T" $B/casework/roster
  t1=$(now); echo "roster upload+preview $(echo "$t1 - $t0" | bc) s"
  T=$(csrf < ${OUT:-/tmp}/roster-preview.html)
  SHA=$(grep -o 'name="sha256" value="[^"]*"' ${OUT:-/tmp}/roster-preview.html | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c $J -b $J -o ${OUT:-/tmp}/roster-done.html -w "confirm %{http_code}\n" -d "_csrf=$T&sha256=$SHA" $B/casework/roster/confirm
  t2=$(now); echo "roster confirm $(echo "$t2 - $t1" | bc) s"
  exit 0
fi
wait_job() {
  while :; do
    h=$(curl -s -c $J -b $J -D - -o /dev/null -H "HX-Request: true" $B/registry-imports/jobs/$1/progress)
    echo "$h" | grep -qi '^hx-redirect' && break
    sleep 0.5
  done
}
T=$(curl -s -c $J -b $J $B/registry-imports | csrf)
t0=$(now)
loc=$(curl -s -c $J -b $J -o /dev/null -w "%{redirect_url}" -F "file=@$F" -F "county=$C" -F "_csrf=$T" $B/registry-imports)
id=${loc##*/}
t1=$(now); echo "upload $(echo "$t1 - $t0" | bc) s (job $id)"
wait_job $id
t2=$(now); echo "preview ready $(echo "$t2 - $t0" | bc) s from the upload's start"
curl -s -c $J -b $J $B/registry-imports/jobs/$id > ${OUT:-/tmp}/preview-$id.html
grep -o '新增[^<]\{0,40\}\|未变[^<]\{0,40\}\|拒绝[^<]\{0,40\}' ${OUT:-/tmp}/preview-$id.html | head -8 || true
T=$(csrf < ${OUT:-/tmp}/preview-$id.html)
t3=$(now)
curl -s -c $J -b $J -o /dev/null -d "_csrf=$T" $B/registry-imports/jobs/$id/commit
wait_job $id
t4=$(now); echo "confirm to stored $(echo "$t4 - $t3" | bc) s; in all $(echo "$t4 - $t0" | bc) s"
curl -s -c $J -b $J $B/registry-imports/jobs/$id > ${OUT:-/tmp}/done-$id.html
