-- Append-only audit log: every change and login, with before/after values and a hash chain.
create table audit_log (
    id          bigserial primary key,
    at          timestamptz  not null default now(),
    username    varchar(64)  not null,
    role        varchar(32),
    action      varchar(32)  not null,
    entity_type varchar(32),
    entity_id   varchar(64),
    region_code varchar(12),
    channel     varchar(8)   not null,
    summary     text,
    before      jsonb,
    after       jsonb,
    prev_hash   varchar(64)  not null,
    hash        varchar(64)  not null
);
create index audit_log_region on audit_log (region_code varchar_pattern_ops, id);
create index audit_log_entity on audit_log (entity_type, entity_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- The hash of one entry, chained to the previous entry's hash; used when writing and when verifying.
create function audit_row_hash(prev_hash text, at timestamptz, username text, role text, action text,
                               entity_type text, entity_id text, region_code text, channel text, summary text,
                               before jsonb, after jsonb) returns varchar(64) language sql immutable as $$
    select encode(sha256(convert_to(
        prev_hash || '|' || to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' || username || '|' ||
        coalesce(role, '') || '|' || action || '|' || coalesce(entity_type, '') || '|' || coalesce(entity_id, '') ||
        '|' || coalesce(region_code, '') || '|' || channel || '|' || coalesce(summary, '') || '|' ||
        coalesce(before::text, '') || '|' || coalesce(after::text, ''), 'UTF8')), 'hex')
$$;
