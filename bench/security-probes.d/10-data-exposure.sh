# Issue 11, items 1, 2, 3 and 8: personal and health data leaking through the audit log, rejected rows, a household
# reveal and casework. Each probe sets up what it needs through the API as the demo's users (a household, a batch, an
# attachment), so it runs against a freshly seeded demo as well as a used one.

# _dx_id_number: a valid identity number (GB 11643 check digit) born in Beijing, which the demo's generator never uses
_dx_id_number() {
  local body
  body="110101$(( 1950 + RANDOM % 50 ))$(printf '%02d%02d%03d' $(( 1 + RANDOM % 12 )) $(( 1 + RANDOM % 28 )) $(( RANDOM % 1000 )))"
  local weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks="10X98765432" sum=0 i
  for i in $(seq 0 16); do sum=$(( sum + ${body:$i:1} * weights[i] )); done
  printf '%s%s' "$body" "${checks:$(( sum % 11 )):1}"
}

# _dx_household: registers a household of two in 保家村 as cadre (the spouse seriously ill); prints "id idHead idSpouse"
_dx_household() {
  local head spouse code
  head="$(_dx_id_number)"; spouse="$(_dx_id_number)"
  code=$(status cadre POST /api/v1/households -H 'Content-Type: application/json' -d "{
    \"villageCode\": \"522324101209\", \"category\": \"ORDINARY\", \"address\": \"探针组1号\", \"phone\": \"13912345678\",
    \"members\": [
      {\"name\": \"探针户主\", \"idNumber\": \"$head\", \"relation\": \"HEAD\", \"education\": \"PRIMARY\",
       \"health\": \"HEALTHY\", \"disability\": \"NONE\", \"labourCapacity\": \"ABLE\", \"employment\": \"FARMING\",
       \"employmentMonths\": 0, \"schooling\": \"NOT_SCHOOL_AGE\", \"medicalInsured\": true, \"pensionInsured\": true},
      {\"name\": \"探针配偶\", \"idNumber\": \"$spouse\", \"relation\": \"SPOUSE\", \"education\": \"PRIMARY\",
       \"health\": \"SERIOUS_ILLNESS\", \"disability\": \"GRADE_2\", \"labourCapacity\": \"ABLE\",
       \"employment\": \"FARMING\", \"employmentMonths\": 0, \"schooling\": \"NOT_SCHOOL_AGE\",
       \"medicalInsured\": true, \"pensionInsured\": true}]}")
  [ "$code" = 201 ] || { echo "could not register a household: $code $(body | head -c 300)" >&2; return 1; }
  printf '%s %s %s' "$(body | jq -r .id)" "$head" "$spouse"
}

# _dx_page USER PATH: GET a page signed in through the form (pages take no HTTP Basic); the page is in $WORK/page
_dx_page() {
  local user="$1" path="$2" jar="$WORK/jar-$1" csrf
  csrf="$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  curl -s -o "$WORK/page" -w '%{http_code}' -b "$jar" "$BASE$path"
}

# 1: province and prefecture read the audit's before/after with identity numbers and phones masked, health withheld
probe_1_audit_masked_for_administrators() {
  local household head spouse user code
  read -r household head spouse <<< "$(_dx_household)" || return 1
  [ -n "$household" ] || return 1
  for user in province prefecture; do
    code=$(status "$user" GET "/api/v1/audit?entityType=household&entityId=$household")
    [ "$code" = 200 ] || { echo "$user: /api/v1/audit answered $code"; return 1; }
    if body | grep -qE "$head|$spouse|13912345678|SERIOUS_ILLNESS|GRADE_2"; then
      echo "$user reads full values in /api/v1/audit: $(body | grep -oE "$head|$spouse|13912345678|SERIOUS_ILLNESS|GRADE_2" | sort -u | tr '\n' ' ')"
      return 1
    fi
    code=$(_dx_page "$user" "/audit?entityType=household&entityId=$household")
    [ "$code" = 200 ] || { echo "$user: /audit answered $code"; return 1; }
    if grep -qE "$head|$spouse|13912345678|SERIOUS_ILLNESS|GRADE_2" "$WORK/page"; then
      echo "$user reads full values on the /audit page"; return 1
    fi
  done
  status cadre DELETE "/api/v1/households/$household" > /dev/null
}

# 1: no 18-digit identity number and no mobile number anywhere in what province reads of the audit log
probe_1_audit_province_sees_no_full_identity_number() {
  local code
  code=$(status province GET '/api/v1/audit?limit=1000')
  [ "$code" = 200 ] || { echo "/api/v1/audit answered $code"; return 1; }
  if body | grep -qE '(^|[^0-9])[0-9]{17}[0-9Xx]([^0-9]|$)|(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)'; then
    echo "full numbers in province's audit: $(body | grep -oE '[0-9]{17}[0-9Xx]|1[3-9][0-9]{9}' | head -3 | tr '\n' ' ')"
    return 1
  fi
}

# 1: a masked value is revealed one at a time, only by a role that may reveal, and the reveal is audited
probe_1_audit_reveal_per_value_audited() {
  local household head spouse entry pointer code
  read -r household head spouse <<< "$(_dx_household)" || return 1
  [ -n "$household" ] || return 1
  status county GET "/api/v1/audit?entityType=household&entityId=$household" > /dev/null
  entry="$(body | jq -r '.[0].id')"
  pointer="$(body | jq -r '.[0].masked[]?.pointer' | grep idNumber | head -1)"
  [ -n "$pointer" ] || { echo "county's audit lists no masked identity number to reveal"; return 1; }
  code=$(status province GET "/api/v1/audit/$entry/reveal?pointer=$pointer")
  [ "$code" = 403 ] || { echo "province revealing an audit value answered $code"; return 1; }
  code=$(status county GET "/api/v1/audit/$entry/reveal?pointer=$pointer")
  [ "$code" = 200 ] && body | grep -qE "$head|$spouse" || { echo "county's reveal answered $code"; return 1; }
  status county GET "/api/v1/audit?entityType=audit_entry&entityId=$entry" > /dev/null
  body | jq -e --arg p "revealed $pointer" '[.[] | select(.action == "REVEAL" and .summary == $p)] | length == 1' \
    > /dev/null || { echo "the reveal of $pointer is not in the audit log"; return 1; }
  status cadre DELETE "/api/v1/households/$household" > /dev/null
}

# 2: another department's sensitive batch: rejected rows refused to the medical officer, prefecture and province;
#    the county reads them and the read is audited
probe_2_rejected_rows_of_sensitive_batch() {
  local id code user batch
  id="$(_dx_id_number)"
  code=$(status county POST /api/v1/exchange/serious_illness/rows -H 'Content-Type: application/json' -d "{\"rows\": [
    {\"id_number\": \"$id\", \"name\": \"探针病人\", \"diagnosis_date\": \"2025-02-26\", \"disease_code\": \"C22.0\",
     \"disease_name\": \"肝细胞癌\", \"category\": \"no_such_category\"}]}")
  [ "$code" = 200 ] || { echo "county's upload answered $code"; return 1; }
  batch="$(body | jq -r .id)"
  for user in officer prefecture province; do
    code=$(status "$user" GET "/api/v1/exchange/batches/$batch/rejected")
    if [ "$code" != 403 ] || body | grep -q "$id"; then
      echo "$user reads the rejected rows of health batch $batch: $code"; return 1
    fi
  done
  code=$(status county GET "/api/v1/exchange/batches/$batch/rejected")
  [ "$code" = 200 ] && body | grep -q "$id" || { echo "county could not read its own rejected rows: $code"; return 1; }
  status county GET "/api/v1/audit?entityType=batch&entityId=$batch" > /dev/null
  body | jq -e '[.[] | select(.action == "EXPORT" and .username == "county")] | length >= 1' > /dev/null \
    || { echo "reading the rejected rows of batch $batch was not audited"; return 1; }
}

# 3: a household read with reveal=true audits each member's identity number and the phone
probe_3_household_reveal_audits_each_value() {
  local household head spouse member code
  read -r household head spouse <<< "$(_dx_household)" || return 1
  [ -n "$household" ] || return 1
  code=$(status cadre GET "/api/v1/households/$household?reveal=true")
  [ "$code" = 200 ] || { echo "reveal answered $code"; return 1; }
  local members; members="$(body | jq -r '.members[].id')"
  for member in $members; do
    status county GET "/api/v1/audit?entityType=person&entityId=$member" > /dev/null
    body | jq -e '[.[] | select(.action == "REVEAL" and .summary == "revealed idNumber")] | length == 1' > /dev/null \
      || { echo "the reveal of person $member's identity number is not audited"; return 1; }
  done
  local revealed_phone=0
  for member in $members; do
    status county GET "/api/v1/audit?entityType=person&entityId=$member" > /dev/null
    body | jq -e '[.[] | select(.summary == "revealed phone")] | length == 1' > /dev/null && revealed_phone=1
  done
  [ "$revealed_phone" = 1 ] || { echo "the reveal of the phone is not audited"; return 1; }
  status cadre DELETE "/api/v1/households/$household" > /dev/null
}

# 8: a case's verification scan is refused to the department officer, the leader and the province
probe_8_case_attachment_refused_without_sensitive_data() {
  local case code attachment user
  status cadre GET '/api/v1/cases?limit=1' > /dev/null
  case="$(body | jq -r '.[0].id')"
  printf '%%PDF-1.4 probe' > "$WORK/scan.pdf"
  code=$(status cadre POST "/api/v1/cases/$case/attachments" -F "file=@$WORK/scan.pdf;type=application/pdf")
  [ "$code" = 200 ] || { echo "cadre's upload answered $code"; return 1; }
  attachment="$(body | jq -r .id)"
  for user in officer leader province prefecture; do
    code=$(status "$user" GET "/api/v1/case-attachments/$attachment")
    [ "$code" = 403 ] || { echo "$user downloads attachment $attachment: $code"; return 1; }
  done
  code=$(status county GET "/api/v1/case-attachments/$attachment")
  [ "$code" = 200 ] || { echo "county could not open attachment $attachment: $code"; return 1; }
}

# 8: a case's medical out-of-pocket figure is withheld from the department officer, the leader and the province
probe_8_case_medical_cost_withheld() {
  local case user
  status county GET '/api/v1/cases?limit=5000' > /dev/null
  case="$(body | jq -r '[.[] | select(.medicalOutOfPocket != null)][0].id')"
  [ "$case" != null ] || { echo "no case with a medical cost to probe"; return 1; }
  for user in officer leader province prefecture; do
    status "$user" GET "/api/v1/cases/$case" > /dev/null
    body | jq -e '.supportCase.medicalOutOfPocket == null' > /dev/null \
      || { echo "$user reads case $case's medical cost: $(body | jq -c .supportCase.medicalOutOfPocket)"; return 1; }
    status "$user" GET "/api/v1/cases?limit=5000" > /dev/null
    body | jq -e '[.[] | select(.medicalOutOfPocket != null)] | length == 0' > /dev/null \
      || { echo "$user reads medical costs in the case list"; return 1; }
  done
}
