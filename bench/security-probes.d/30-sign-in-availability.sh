# Issue 11, items 5, 6, 14 and 17: refused sign-ins reach the region's auditors, the login redirect ignores the
# Host header, guessing is slowed per source address, idle sessions end with a warning first.
#
# Probes that must fail sign-ins send them from another loopback address (127.0.0.x, curl --interface), so the
# per-address throttle they trip never slows the other probes, which come from 127.0.0.1; they guess names without
# an account where they can, so no demo account gets locked. They need the demo to listen on all loopback
# addresses (it does: Tomcat binds every interface).
#
# Item 6 (database down: 503 within seconds, no "sign in" blame, recovery) is not probed here: it needs the
# demo's database stopped under it. DatabaseOutageTest stops and starts a real PostgreSQL under the running
# platform instead.

# a loopback source address of its own for each run (127.0.0.2 … 127.0.0.250)
sign_in_source() { echo "127.0.0.$(( (RANDOM % 249) + 2 ))"; }

# wrong_basic SOURCE USER PATH: an API call with a wrong password from SOURCE; prints the status
wrong_basic() {
  curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --interface "$1" -u "$2:wrong-$RANDOM" "$BASE$3"
}

# sign_in_form USER: signs in through the login form with a cookie jar in $WORK/jar; prints the redirect target
sign_in_form() {
  rm -f "$WORK/jar"
  local token
  token="$(curl -s -c "$WORK/jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')"
  curl -s -o /dev/null -b "$WORK/jar" -c "$WORK/jar" -w '%{redirect_url}' \
    --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" \
    "$BASE/login"
}

probe_5_refused_sign_in_reaches_the_auditors_of_the_accounts_region() {
  local code
  code="$(wrong_basic "$(sign_in_source)" helper /api/v1/households)"
  [ "$code" = 401 ] || { echo "wrong password answered $code, expected 401"; return 1; }
  # one refused sign-in of helper (保家村); the demo's helper signs in again so no count is left behind
  sign_in_form helper > /dev/null
  code="$(status county GET '/api/v1/audit?entityType=user&entityId=helper&limit=20')"
  [ "$code" = 200 ] || { echo "county's audit answered $code"; return 1; }
  body | grep -q '"action":"LOGIN_FAILED"[^}]*"regionCode":"522324101209"' \
    || { echo "the county's auditors do not see helper's refused sign-in with its region"; body | head -c 300; return 1; }
}

probe_5_unknown_name_reaches_the_auditors_over_every_account() {
  local name="nobody-$RANDOM$RANDOM" code
  code="$(wrong_basic "$(sign_in_source)" "$name" /api/v1/households)"
  [ "$code" = 401 ] || { echo "unknown name answered $code, expected 401 as for a wrong password"; return 1; }
  grep -q 'sign in with HTTP Basic' "$WORK/body" || { echo "unknown name answered differently"; return 1; }
  code="$(status province GET "/api/v1/audit?entityType=user&entityId=$name&limit=5")"
  [ "$code" = 200 ] || { echo "province's audit answered $code"; return 1; }
  body | grep -q '"action":"LOGIN_FAILED"[^}]*"regionCode":"52' \
    || { echo "the province's auditors do not see the refused unknown name"; body | head -c 300; return 1; }
}

probe_14_login_redirect_ignores_the_host_header() {
  local location
  location="$(curl -s -o /dev/null -w '%{redirect_url}' -H 'Host: evil.example' "$BASE/households")"
  [ -n "$location" ] || { echo "no redirect to the login page"; return 1; }
  case "$location" in
    *evil.example*) echo "redirect reflects the Host header: $location"; return 1 ;;
  esac
}

probe_14_guessing_from_one_address_is_slowed_before_the_lockout() {
  local source name="guess-$RANDOM$RANDOM" code i
  source="$(sign_in_source)"
  for i in 1 2 3; do
    code="$(wrong_basic "$source" "$name" /api/v1/households)"
    [ "$code" = 401 ] || { echo "refused sign-in $i answered $code, expected 401"; return 1; }
  done
  code="$(wrong_basic "$source" "$name" /api/v1/households)"
  [ "$code" = 429 ] || { echo "the 4th guess from one address answered $code, expected 429"; return 1; }
  grep -qi '^retry-after: [0-9]' "$WORK/headers" || { echo "429 without Retry-After"; return 1; }
  code="$(status county GET /api/v1/households)"
  [ "$code" = 200 ] || { echo "another address was slowed too: $code"; return 1; }
}

probe_17_pages_warn_before_the_idle_time_out() {
  local target page
  target="$(sign_in_form cadre)"
  case "$target" in */login*) echo "cadre could not sign in: $target"; return 1 ;; esac
  page="$(curl -s -b "$WORK/jar" "$BASE/households")"
  echo "$page" | grep -q 'id="session-warning"' || { echo "no idle warning on the page"; return 1; }
  echo "$page" | grep -q 'data-timeout="1800"' || { echo "idle time-out is not 30 minutes"; return 1; }
  echo "$page" | grep -q '继续使用' || { echo "no button to stay signed in"; return 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" "$BASE/session/keep-alive")" = 204 ] \
    || { echo "keep-alive does not answer 204 for a signed-in session"; return 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/session/keep-alive")" = 302 ] \
    || { echo "keep-alive without a session does not send to sign in"; return 1; }
}
