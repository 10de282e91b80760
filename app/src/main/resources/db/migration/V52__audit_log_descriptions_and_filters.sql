-- Issue 14, item 20: an entry's description is stored as a message key and its arguments, rendered in the reader's
-- language, instead of an English sentence. Entries written before keep their text in `summary` (rendered through a
-- catalogue of the sentences the platform wrote) and both new columns null.
alter table audit_log add column summary_key varchar(64), add column summary_args jsonb;

-- The hash covers the description too. For an entry without one (every entry written before this migration) the
-- text hashed is exactly that of the twelve-argument function, so the existing chain still verifies.
create function audit_row_hash(prev_hash text, at timestamptz, username text, role text, action text,
                               entity_type text, entity_id text, region_code text, channel text, summary text,
                               before jsonb, after jsonb, summary_key text, summary_args jsonb)
    returns varchar(64) language sql immutable as $$
    select case when summary_key is null
        then audit_row_hash(prev_hash, at, username, role, action, entity_type, entity_id, region_code, channel,
                            summary, before, after)
        else encode(sha256(convert_to(
            prev_hash || '|' || to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' || username ||
            '|' || coalesce(role, '') || '|' || action || '|' || coalesce(entity_type, '') || '|' ||
            coalesce(entity_id, '') || '|' || coalesce(region_code, '') || '|' || channel || '|' ||
            coalesce(summary, '') || '|' || coalesce(before::text, '') || '|' || coalesce(after::text, '') || '|' ||
            summary_key || '|' || coalesce(summary_args::text, ''), 'UTF8')), 'hex')
    end
$$;

-- The audit page filters by who and by time, newest first; both stay an index scan on a log of millions of entries.
create index audit_log_username on audit_log (username, id);
create index audit_log_at on audit_log (at);
