# Issue 11, items 15 and 16: separation of duties (三权分立), two-factor sign-in, personal access tokens.
# Demo users: sysadmin (系统管理员), secadmin (安全管理员), auditor (审计管理员), all of 贵州省.

# _pa_expect STATUS WHAT: fails with WHAT and the body unless the last status ($s) is STATUS
_pa_expect() { [ "$s" = "$1" ] || { echo "$2: HTTP $s $(body | head -c 200)"; return 1; }; }

probe_15_auditor_cannot_list_households() {
  s=$(status auditor GET /api/v1/households); _pa_expect 403 "the audit administrator listed households"
}

probe_15_sysadmin_and_secadmin_read_no_households_and_no_audit() {
  local u
  for u in sysadmin secadmin; do
    s=$(status $u GET /api/v1/households); _pa_expect 403 "$u listed households" || return 1
    s=$(status $u GET /api/v1/audit); _pa_expect 403 "$u read the audit log" || return 1
  done
}

probe_15_auditor_reads_the_audit_and_nothing_else() {
  s=$(status auditor GET /api/v1/audit); _pa_expect 200 "the audit administrator could not read the audit" || return 1
  s=$(status auditor GET /api/v1/users); _pa_expect 403 "the audit administrator listed accounts"
}

probe_15_sysadmin_cannot_give_a_role() {
  s=$(status sysadmin POST /api/v1/users -H 'Content-Type: application/json' -d '{"username":"probe-role-'$RANDOM'",
      "displayName":"探针","role":"COUNTY_APPROVER","regionCode":"522324","password":"Probe#2026zz",
      "passwordConfirmation":"Probe#2026zz"}')
  _pa_expect 422 "the system administrator gave a role" || return 1
  body | grep -q separation_of_duties || { echo "refused, but not for the separation of duties: $(body)"; return 1; }
}

probe_15_secadmin_cannot_create_accounts_or_reset_passwords() {
  s=$(status secadmin POST /api/v1/users -H 'Content-Type: application/json' -d '{"username":"probe-sec-'$RANDOM'",
      "displayName":"探针","regionCode":"522324","password":"Probe#2026zz","passwordConfirmation":"Probe#2026zz"}')
  _pa_expect 403 "the security administrator created an account" || return 1
  local id; s=$(status secadmin GET '/api/v1/users?region=522324101209&role=VILLAGE_CADRE')
  id=$(body | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  s=$(status secadmin POST "/api/v1/users/$id/password" -H 'Content-Type: application/json' \
      -d '{"password":"Probe#2026zz","passwordConfirmation":"Probe#2026zz"}')
  _pa_expect 403 "the security administrator reset a password"
}

probe_15_province_and_prefecture_no_longer_administer_accounts() {
  s=$(status province GET /api/v1/users); _pa_expect 403 "province listed accounts" || return 1
  s=$(status prefecture GET /api/v1/users); _pa_expect 403 "prefecture listed accounts"
}

# token USER JSON: creates a token as USER (password) and prints it; id in $WORK/token-id
_pa_token() {
  s=$(status "$1" POST /api/v1/account/tokens -H 'Content-Type: application/json' -d "$2")
  [ "$s" = 201 ] || { echo "no token: HTTP $s $(body)" >&2; return 1; }
  body | grep -o '"id":[0-9]*' | cut -d: -f2 > "$WORK/token-id"
  body | grep -o 'bwk_[A-Za-z0-9_-]*'
}

probe_16_token_scoped_expiring_and_revocable() {
  local t code id
  t=$(_pa_token cadre '{"name":"探针","regionCode":"522324101209","permissions":["READ_HOUSEHOLDS"],"days":1}') || return 1
  id=$(cat "$WORK/token-id")
  code=$(curl -s -o "$WORK/body" -w '%{http_code}' -u "cadre:$t" "$BASE/api/v1/households?size=1")
  [ "$code" = 200 ] || { echo "the token did not sign in: $code"; return 1; }
  local hh; hh=$(body | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  code=$(curl -s -o "$WORK/body" -w '%{http_code}' -u "cadre:$t" "$BASE/api/v1/households/$hh?reveal=true")
  [ "$code" = 403 ] || { echo "a token without REVEAL_PERSONAL_DATA revealed: $code"; return 1; }
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "cadre:$t" -X POST -H 'Content-Type: application/json' \
      -d '{"name":"再发","permissions":["READ_HOUSEHOLDS"],"days":1}' "$BASE/api/v1/account/tokens")
  [ "$code" = 403 ] || { echo "a token created a token: $code"; return 1; }
  s=$(status cadre POST "/api/v1/account/tokens/$id/revoke"); _pa_expect 204 "revoke" || return 1
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "cadre:$t" "$BASE/api/v1/households?size=1")
  [ "$code" = 401 ] || { echo "a revoked token still signs in: $code"; return 1; }
  s=$(status auditor GET "/api/v1/audit?entityType=access_token&entityId=$id")
  body | grep -q 'used' && body | grep -q 'revoked' || { echo "token use and revocation not audited: $(body)"; return 1; }
}

probe_16_token_no_wider_than_its_owner() {
  s=$(status cadre POST /api/v1/account/tokens -H 'Content-Type: application/json' \
      -d '{"name":"越权","permissions":["READ_AUDIT"],"days":1}')
  _pa_expect 422 "a cadre's token got READ_AUDIT" || return 1
  s=$(status cadre POST /api/v1/account/tokens -H 'Content-Type: application/json' \
      -d '{"name":"越区","regionCode":"522324101210","permissions":["READ_HOUSEHOLDS"],"days":1}')
  _pa_expect 422 "a cadre's token got another village"
}

# page USER PASS: signs in on the sign-in page into the cookie jar $WORK/jar (fresh); csrf PATH: the page's token
_pa_csrf() { curl -s -b "$WORK/jar" -c "$WORK/jar" "$BASE$1" | grep -o 'name="_csrf" content="[^"]*"\|name="_csrf" value="[^"]*"' \
  | head -1 | sed 's/.*="\([^"]*\)"$/\1/'; }
_pa_sign_in() {
  rm -f "$WORK/jar"
  local c; c=$(_pa_csrf /login)
  curl -s -o /dev/null -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "username=$1" --data-urlencode "password=$2" \
    --data-urlencode "_csrf=$c" "$BASE/login"
}
_pa_totp() {
  python3 -c 'import hmac,hashlib,base64,struct,time,sys
s=sys.argv[1]; k=base64.b32decode(s+"="*((8-len(s)%8)%8)); c=int(time.time())//30
h=hmac.new(k,struct.pack(">Q",c),hashlib.sha1).digest(); o=h[-1]&15
print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$1"
}

probe_16_password_alone_refused_over_basic_once_two_factor_is_on() {
  command -v python3 >/dev/null || { echo "python3 needed to compute the TOTP code"; return 1; }
  local u="probe2fa-$RANDOM$RANDOM" p1="Probe#First2026" p2="Probe#Second2026" id c secret code
  # the system administrator creates the account, the security administrator gives it a role
  s=$(status sysadmin POST /api/v1/users -H 'Content-Type: application/json' -d "{\"username\":\"$u\",
      \"displayName\":\"双重认证探针\",\"regionCode\":\"522324101209\",\"password\":\"$p1\",\"passwordConfirmation\":\"$p1\"}")
  _pa_expect 201 "sysadmin could not create the probe account" || return 1
  id=$(body | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  s=$(status secadmin PUT "/api/v1/users/$id" -H 'Content-Type: application/json' -d '{"role":"VILLAGE_CADRE"}')
  _pa_expect 200 "secadmin could not give the role" || return 1
  # its holder chooses a password, then Basic with it works
  _pa_sign_in "$u" "$p1"; c=$(_pa_csrf /account/password)
  curl -s -o /dev/null -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "currentPassword=$p1" \
    --data-urlencode "password=$p2" --data-urlencode "passwordConfirmation=$p2" --data-urlencode "_csrf=$c" \
    "$BASE/account/password"
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "$u:$p2" "$BASE/api/v1/households?size=1")
  [ "$code" = 200 ] || { echo "the probe account could not use the API before enrolling: $code"; return 1; }
  # enrols: QR page, first code
  _pa_sign_in "$u" "$p2"; c=$(_pa_csrf /account/two-factor)
  curl -s -o /dev/null -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "_csrf=$c" "$BASE/account/two-factor/start"
  curl -s -b "$WORK/jar" -c "$WORK/jar" "$BASE/account/two-factor" > "$WORK/page"
  grep -q 'data:image/png;base64' "$WORK/page" || { echo "no QR code on the enrolment page"; return 1; }
  secret=$(grep -o 'id="two-factor-secret">[A-Z2-7]*' "$WORK/page" | sed 's/.*>//')
  c=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/page" | head -1 | sed 's/.*="\([^"]*\)"$/\1/')
  curl -s -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "code=$(_pa_totp "$secret")" --data-urlencode "_csrf=$c" \
    "$BASE/account/two-factor/confirm" | grep -q 'recovery-codes' || { echo "enrolment not confirmed"; return 1; }
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "$u:$p2" "$BASE/api/v1/households?size=1")
  [ "$code" = 401 ] || { echo "the password alone still works over Basic with two-factor on: $code"; return 1; }
  # and a new sign-in on the pages is held at the code
  _pa_sign_in "$u" "$p2"
  code=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$WORK/jar" "$BASE/households")
  [[ "$code" == */account/two-factor/verify ]] || { echo "signed in without the code: $code"; return 1; }
  s=$(status sysadmin POST "/api/v1/users/$id/disable")
}
