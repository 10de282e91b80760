#!/usr/bin/env bash
# Replays the outside security test's probes (issue 11, items 1-14) against a running demo and prints each as
# PASS or FAIL; exits non-zero when any fails. Each file in security-probes.d/ holds the probes of one area as
# functions named probe_<item>_<what>, run in the order of their names.
#
#   ./bulwark demo &                         # or any running demo
#   BASE=http://localhost:8080 bench/security-probes.sh [name-filter]
#
# The demo's users and password (README) are assumed; PASSWORD overrides the password.
set -uo pipefail
BASE="${BASE:-http://localhost:8080}"
PASSWORD="${PASSWORD:-Bulwark@2026}"
FILTER="${1:-}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# status USER METHOD PATH [curl args...]: prints the HTTP status of an API call as USER (- for none); body in $WORK/body
status() {
  local user="$1" method="$2" path="$3"; shift 3
  local auth=()
  [ "$user" != "-" ] && auth=(-u "$user:$PASSWORD")
  curl -s -o "$WORK/body" -w '%{http_code}' -X "$method" "${auth[@]}" "$@" "$BASE$path"
}
# body: the body of the last call
body() { cat "$WORK/body"; }

PASSED=0; FAILED=0
for file in "$HERE"/security-probes.d/*.sh; do
  [ -f "$file" ] && source "$file"
done
for probe in $(declare -F | awk '{print $3}' | grep '^probe_' | sort -V); do
  [ -n "$FILTER" ] && [[ "$probe" != *"$FILTER"* ]] && continue
  if output="$("$probe" 2>&1)"; then
    PASSED=$((PASSED + 1)); printf 'PASS  %s\n' "$probe"
  else
    FAILED=$((FAILED + 1)); printf 'FAIL  %s\n' "$probe"; printf '      %s\n' "$output" | head -5
  fi
done
printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
[ "$FAILED" -eq 0 ]
