#!/usr/bin/env bash
# Fifty users at once against a running platform: each requests 20 pages in turn with 1-3 s between requests, as the
# signed-in user of the session cookie given; prints status counts and p50 / p95 / p99 of curl's time to the last byte.
#   BASE=http://localhost:8100 SESSION=<JSESSIONID of a signed-in county user> bench/users50.sh
set -euo pipefail
BASE=${BASE:-http://localhost:8100}
out=$(mktemp)
paths=("/dashboard" "/dashboard?region=522324101000" "/households/2445" "/warnings" "/households" "/")
for u in $(seq 1 50); do
  (
    for r in $(seq 1 20); do
      p=${paths[$(( (u + r) % 6 ))]}
      curl -s -H 'Accept-Encoding: gzip' -H "Cookie: JSESSIONID=$SESSION" -o /dev/null \
        -w "%{http_code} %{time_total} $p\n" "$BASE$p" >> "$out"
      sleep "$(awk -v s=$RANDOM 'BEGIN { srand(s); printf "%.2f", 1 + 2 * rand() }')"
    done
  ) &
done
wait
awk '{ print $1 }' "$out" | sort | uniq -c
awk '{ print $2 * 1000 }' "$out" | sort -n | awk '{ t[NR] = $1 }
  END { printf "all %d: p50 %.0f p95 %.0f p99 %.0f max %.0f ms\n", NR, t[int(NR*.5)], t[int(NR*.95)], t[int(NR*.99)], t[NR] }'
rm -f "$out"
