# Issue 11 item 4 / issue 12 item 2: the re-screening after a batch is durable (event publication registry) and
# follows the batch's commit on another thread. Against a running demo: a batch uploaded through the API raises its
# warnings without anyone starting a run. (The kill -9 between commit and re-screening is RescreeningSurvivesKillTest.)

# id_number_for BIRTHDATE SEQUENCE: a valid GB 11643 identity number of Qinglong County (522324)
id_number_for() {
  local body="522324$1$2" weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks="10X98765432" sum=0 i
  for i in $(seq 0 16); do sum=$((sum + ${body:$i:1} * ${weights[$i]})); done
  printf '%s%s' "$body" "${checks:$((sum % 11)):1}"
}

probe_04_batch_rescreened_after_upload() {
  local village=522324101209 name="罗探针" id household="" attempt code started
  # a household of its own, so that the warning can only come from this batch: registered by the village cadre
  for attempt in 1 2 3 4 5; do
    id="$(id_number_for "$(date -u -d "1960-01-01 + $((RANDOM % 10000)) days" +%Y%m%d)" "$(printf '%03d' $((RANDOM % 999)))")"
    code=$(status cadre POST /api/v1/households -H 'Content-Type: application/json' -d "{\"villageCode\":\"$village\",
      \"category\":\"ORDINARY\",\"address\":\"第9组探针\",\"phone\":\"13800001234\",\"members\":[{\"name\":\"$name\",
      \"idNumber\":\"$id\",\"relation\":\"HEAD\",\"education\":\"PRIMARY\",\"health\":\"HEALTHY\",\"disability\":\"NONE\",
      \"labourCapacity\":\"ABLE\",\"employment\":\"FARMING\",\"employmentMonths\":0,\"schooling\":\"NOT_SCHOOL_AGE\",
      \"medicalInsured\":true,\"pensionInsured\":true}]}")
    if [ "$code" = 201 ]; then
      household="$(body | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
      break
    fi
  done
  [ -n "$household" ] || { echo "could not register a household as cadre: $code $(body | head -c 300)"; return 1; }

  # the officer uploads a medical settlement far above MED-01's threshold for that person
  code=$(status officer POST /api/v1/exchange/medical_settlement/rows -H 'Content-Type: application/json' \
    -d "{\"rows\":[{\"id_number\":\"$id\",\"name\":\"$name\",\"settle_date\":\"$(date -u -d '-10 days' +%F)\",
      \"kind\":\"inpatient\",\"total_cost\":300000,\"fund_paid\":50000,\"out_of_pocket\":250000,
      \"in_scope_out_of_pocket\":100000}]}")
  [ "$code" = 200 ] || { echo "upload as officer: $code $(body | head -c 300)"; return 1; }
  body | grep -q '"rowsAccepted":1' || { echo "the row was not stored: $(body | head -c 300)"; return 1; }

  # its warning appears by itself (bounded wait: the re-screening of one household takes well under a second)
  started=$(date +%s)
  while [ $(($(date +%s) - started)) -lt 60 ]; do
    code=$(status cadre GET "/api/v1/warnings?status=OPEN&region=$village&limit=5000")
    if [ "$code" = 200 ] && body | python3 -c "import json,sys; sys.exit(0 if any(w.get('householdId') == $household
        and w.get('ruleId') == 'MED-01' for w in json.load(sys.stdin)) else 1)"; then
      return 0
    fi
    sleep 0.5
  done
  echo "no MED-01 warning for household $household 60 s after its batch (last answer $code)"
  return 1
}
