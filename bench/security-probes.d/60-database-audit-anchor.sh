# Item 13: the embedded database asks for its password; the audit chain is anchored outside the database.
# The demo's embedded server: DATA_DIR (the demo's --data-dir, default ./data/pg as ./bulwark uses) holds
# postmaster.pid, whose fourth line is the port; DB_PORT overrides it.

db_port() {
  if [ -n "${DB_PORT:-}" ]; then echo "$DB_PORT"; return; fi
  local pid="${DATA_DIR:-./data/pg}/postmaster.pid"
  [ -r "$pid" ] && sed -n 4p "$pid"
}

probe_13_embedded_database_refuses_a_connection_without_password() {
  local port; port="$(db_port)"
  [ -n "$port" ] || { echo "no embedded database found: set DATA_DIR to the demo's --data-dir or DB_PORT"; return 1; }
  local out hosts=(127.0.0.1 localhost)
  # and the Unix socket, where the server has one
  [ -S "/tmp/.s.PGSQL.$port" ] && hosts+=(/tmp)
  for host in "${hosts[@]}"; do
    if out="$(PGPASSWORD= PGCONNECT_TIMEOUT=5 psql -w -h "$host" -p "$port" -U postgres -d postgres -Atc 'select 1' 2>&1)"; then
      echo "psql without a password got in as superuser on $host:$port"; return 1
    fi
    grep -qi 'password' <<<"$out" || { echo "refused, but not for want of a password: $out"; return 1; }
  done
}

probe_13_embedded_database_password_is_readable_by_its_owner_only() {
  local file="${DATA_DIR:-./data/pg}/bulwark-password"
  [ -f "$file" ] || { echo "no password file $file"; return 1; }
  local mode; mode="$(stat -c '%a' "$file")"
  [ "$mode" = "600" ] || { echo "$file has mode $mode, not 600"; return 1; }
}

probe_13_audit_chain_is_anchored_outside_the_database() {
  local file="${ANCHOR_FILE:-${DATA_DIR:-./data/pg}/audit-anchor.log}"
  [ -s "$file" ] || { echo "no audit anchor $file"; return 1; }
  tail -n 1 "$file" | grep -Eq '^at=[^ ]+ count=[0-9]+ last=[0-9]+ hash=[0-9a-f]{64}$' \
    || { echo "the anchor's last line is not a chain head: $(tail -n 1 "$file")"; return 1; }
}
