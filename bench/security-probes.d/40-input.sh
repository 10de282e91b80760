# Issue 11, items 7, 9, 10, 11 and 12: what bad, hostile or repeated input gets — another region's identity number,
# NUL bytes and huge numbers, the same file twice at once, direction controls in names, an upload over the limit.

# _in_id_number: a valid identity number (GB 11643 check digit) born in Beijing, which the demo's generator never uses
_in_id_number() {
  local body
  body="110101$(( 1950 + RANDOM % 50 ))$(printf '%02d%02d%03d' $(( 1 + RANDOM % 12 )) $(( 1 + RANDOM % 28 )) $(( RANDOM % 1000 )))"
  local weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks="10X98765432" sum=0 i
  for i in $(seq 0 16); do sum=$(( sum + ${body:$i:1} * weights[i] )); done
  printf '%s%s' "$body" "${checks:$(( sum % 11 )):1}"
}

# _in_household USER VILLAGE NAME IDNUMBER: registers a household with one head; prints its id (the answer in body)
_in_household() {
  local code
  code=$(status "$1" POST /api/v1/households -H 'Content-Type: application/json' -d "{
    \"villageCode\": \"$2\", \"category\": \"ORDINARY\", \"address\": \"探针组2号\",
    \"members\": [{\"name\": \"$3\", \"idNumber\": \"$4\", \"relation\": \"HEAD\"}]}")
  [ "$code" = 201 ] || { echo "registering as $1 answered $code: $(body | head -c 300)" >&2; return 1; }
  body | jq -r .id
}

# 7: adding a member whose identity number is registered in another village does not say "already registered" there,
# and the attempt reaches the audit log of the region where the person lives
probe_7_foreign_identity_number_not_confirmed() {
  local theirs mine person code
  person="$(_in_id_number)"
  theirs="$(_in_household cadre2 522324101210 探针他村 "$person")" || return 1
  mine="$(_in_household cadre 522324101209 探针本村 "$(_in_id_number)")" || return 1
  code=$(status cadre POST "/api/v1/households/$mine/members" -H 'Content-Type: application/json' \
    -d "{\"name\": \"探针\", \"idNumber\": \"$person\", \"relation\": \"CHILD\"}")
  status cadre DELETE "/api/v1/households/$mine" > /dev/null
  [ "$code" = 422 ] || { echo "adding the member answered $code: $(body | head -c 300)"; return 1; }
  if body | grep -q already_registered; then echo "the answer confirms the registration: $(body | head -c 300)"; return 1; fi
  code=$(status county GET "/api/v1/audit?entityType=household&entityId=$theirs")
  cp "$WORK/body" "$WORK/audit"
  status cadre2 DELETE "/api/v1/households/$theirs" > /dev/null
  [ "$code" = 200 ] || { echo "county reading the audit answered $code"; return 1; }
  grep -q REFUSED "$WORK/audit" || { echo "no REFUSED entry in the audit of household $theirs: $(head -c 300 "$WORK/audit")"; return 1; }
}

# 9: a NUL byte in a search is 400 naming the parameter, not 500
probe_9_nul_in_search() {
  local code
  code=$(status county GET '/api/v1/households?q=%00abc')
  [ "$code" = 400 ] && body | grep -q '"field":"q"' || { echo "answered $code: $(body | head -c 300)"; return 1; }
}

# 9: page=2147483647 is 400 naming page
probe_9_huge_page() {
  local code
  code=$(status county GET '/api/v1/households?page=2147483647')
  [ "$code" = 400 ] && body | grep -q '"field":"page"' || { echo "answered $code: $(body | head -c 300)"; return 1; }
}

# 9: a NUL byte in a declaration's text is 400 naming the field
probe_9_nul_in_declaration() {
  local code
  code=$(status cadre POST '/api/v1/declarations?channel=HOTLINE' -H 'Content-Type: application/json' \
    -d '{"declarantName": "探针", "phone": "13800001234", "villageCode": "522324101209", "risks": ["ILLNESS"],
         "description": "a\u0000b"}')
  [ "$code" = 400 ] && body | grep -q '"field":"description"' || { echo "answered $code: $(body | head -c 300)"; return 1; }
}

# 9: a NUL byte in a warning's dismissal reason is 400, and the warning stays as it was
probe_9_nul_in_dismissal_reason() {
  local code id version
  code=$(status county GET '/api/v1/warnings?limit=1')
  id="$(body | jq -r '.[0].id // empty')"; version="$(body | jq -r '.[0].version // 0')"
  [ -n "$id" ] || { echo "no warning to try (answered $code)"; return 1; }
  code=$(status county POST "/api/v1/warnings/$id/dismiss" -H 'Content-Type: application/json' \
    -d "{\"version\": $version, \"reason\": \"a\\u0000b\"}")
  [ "$code" = 400 ] || { echo "answered $code: $(body | head -c 300)"; return 1; }
}

# 9: negative and 10,000-character values are answered without a server error
probe_9_negative_and_long_values() {
  local code long
  long="$(head -c 10000 /dev/zero | tr '\0' x)"
  for path in "/api/v1/households?size=-1" "/api/v1/audit?limit=-5" "/api/v1/households?q=$long" \
      "/api/v1/persons?idNumber=$long" "/api/v1/regions/$long"; do
    code=$(status county GET "$path")
    [ "$code" -lt 500 ] || { echo "${path:0:60} answered $code"; return 1; }
  done
}

# 10: the same file uploaded twice at the same moment: one batch, and one answer that says duplicate (409 problem)
probe_10_duplicate_upload_at_once() {
  local file="$WORK/same.csv" a b i
  printf '身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）,个人自付费用,政策范围内个人自付\n' > "$file"
  for i in $(seq 1 300); do printf '%s,探针,2025-03-18,inpatient,2000,1000,%d,300\n' "$(_in_id_number)" "$i" >> "$file"; done
  curl -s -o "$WORK/a" -w '%{http_code}' -u "officer:$PASSWORD" -F "file=@$file" \
    "$BASE/api/v1/exchange/medical_settlement/files" > "$WORK/a.code" &
  curl -s -o "$WORK/b" -w '%{http_code}' -u "officer:$PASSWORD" -F "file=@$file" \
    "$BASE/api/v1/exchange/medical_settlement/files" > "$WORK/b.code" &
  wait
  a="$(cat "$WORK/a.code")"; b="$(cat "$WORK/b.code")"
  case "$a $b" in
    "200 409") grep -q duplicate-file "$WORK/b" || { echo "409 without saying duplicate: $(head -c 300 "$WORK/b")"; return 1; } ;;
    "409 200") grep -q duplicate-file "$WORK/a" || { echo "409 without saying duplicate: $(head -c 300 "$WORK/a")"; return 1; } ;;
    *) echo "answers $a and $b: $(head -c 200 "$WORK/a") / $(head -c 200 "$WORK/b")"; return 1 ;;
  esac
}

# 11: a name with a right-to-left override, and one a spreadsheet would run, are refused by the registry API
probe_11_direction_controls_and_formulas_in_names() {
  local code name
  for name in '张\u202e三' '=HYPERLINK(\"http://x\")' '@SUM(A1)'; do
    code=$(status cadre POST /api/v1/households -H 'Content-Type: application/json' -d "{
      \"villageCode\": \"522324101209\", \"category\": \"ORDINARY\",
      \"members\": [{\"name\": \"$name\", \"idNumber\": \"$(_in_id_number)\", \"relation\": \"HEAD\"}]}")
    if [ "$code" = 201 ]; then
      status cadre DELETE "/api/v1/households/$(body | jq -r .id)" > /dev/null
      echo "the name $name was accepted"; return 1
    fi
    body | grep -q 'members\[0\].name' || { echo "$name answered $code: $(body | head -c 300)"; return 1; }
  done
}

# 12: a page upload over the size limit gets the Chinese error page (413), not Tomcat's bare page
probe_12_page_upload_over_the_limit() {
  local jar="$WORK/jar-upload" csrf code big="$WORK/big.csv"
  csrf="$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=officer" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  csrf="$(curl -s -c "$jar" -b "$jar" "$BASE/exchange" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')"
  [ -n "$csrf" ] || { echo "could not open /exchange as officer"; return 1; }
  head -c $(( 66 * 1024 * 1024 )) /dev/zero | tr '\0' a > "$big"
  code=$(curl -s -o "$WORK/page" -w '%{http_code}' -b "$jar" -H 'Accept-Language: zh-CN' -F "_csrf=$csrf" \
    -F category=medical_settlement -F "file=@$big" "$BASE/exchange")
  rm -f "$big"
  [ "$code" = 413 ] || { echo "answered $code: $(head -c 200 "$WORK/page")"; return 1; }
  grep -q '文件过大' "$WORK/page" || { echo "not the Chinese page: $(head -c 300 "$WORK/page")"; return 1; }
  if grep -q Tomcat "$WORK/page"; then echo "Tomcat's page"; return 1; fi
}
