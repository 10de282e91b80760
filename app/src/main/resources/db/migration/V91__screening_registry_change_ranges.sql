-- The registry change log (V23) names the households a statement changed, but past 1,000 of them it logged "every
-- household", so a county's onboarding import of 100,000 households made the screening store copy the whole
-- province's registry again. Past 1,000 households a statement now logs runs of consecutive household ids as ranges
-- (household_id up to household_to): an import's new households, numbered from one sequence, are one range, and the
-- store reads only those. Only past RegistryPatch.MAX_HOUSEHOLDS (500,000) households, which a full copy serves
-- better, does a statement log "every household" (household_id null); a bulk load still does so on purpose.
alter table screening_registry_change add column household_to bigint;

create or replace function screening_registry_log(households bigint[]) returns void language plpgsql as $$
declare
    logged_at bigint;
begin
    if households is null or cardinality(households) = 0 then
        return;
    end if;
    update screening_input_change set changes = changes + 1 where source = 'registry_logged'
    returning changes into logged_at;
    if cardinality(households) > 500000 then
        insert into screening_registry_change (seq, household_id) values (logged_at, null);
    elsif cardinality(households) > 1000 then
        insert into screening_registry_change (seq, household_id, household_to)
        select logged_at, min(h), max(h)
        from (select h, h - row_number() over (order by h) as run
              from (select distinct h from unnest(households) as u(h) where h is not null) as d) as r
        group by run;
    else
        insert into screening_registry_change (seq, household_id) select logged_at, unnest(households);
    end if;
end
$$;

create or replace function screening_household_logged() returns trigger language plpgsql as $$
begin
    -- ids are unique: past 500,000 of them the statement logs "every household", so no more are read
    if tg_op = 'INSERT' then
        perform screening_registry_log((select array_agg(id) from (select id from new_rows limit 500001) as s));
    elsif tg_op = 'DELETE' then
        perform screening_registry_log((select array_agg(id) from (select id from old_rows limit 500001) as s));
    elsif tg_op = 'UPDATE' then
        perform screening_registry_log((
            select array_agg(distinct coalesce(o.id, n.id))
            from old_rows o full join new_rows n on n.id = o.id
            where o.id is null or n.id is null or o.village_code is distinct from n.village_code
               or o.category is distinct from n.category));
    else
        perform screening_registry_log(array[null::bigint]);
    end if;
    return null;
end
$$;
