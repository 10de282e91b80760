-- Which households each registry statement changed, for the screening store held in memory: V12's 'registry'
-- counter only says that something changed, so after any edit the store had to read the households of every
-- incremental run from PostgreSQL until its registry was copied again. With this log it re-reads only the households
-- changed since its copy and takes everything else from memory.
--
-- Only changes to what screening reads are logged (RegistryColumns: a household's village and category, a person's
-- household, birth date and labour capacity, an income's household, year and net income — keep these lists in step
-- with it), together with rows inserted or deleted. A person or income moved to another household logs both.
--
-- Each logging statement takes the next value of the 'registry_logged' counter as its position. The counter is a
-- row updated under its lock until commit (V12's triggers, which fire first by name, hold the 'registry' row the same
-- way), so positions follow commit order: a snapshot whose counter reads L sees exactly the log rows up to L. A
-- household_id of null means "every household" (a truncate, or a statement touching more than 1,000 households, such
-- as a bulk load, which a full run follows anyway): the store then reads households from PostgreSQL until its next
-- copy. (Logged household by household, a bulk load of 300,000 households wrote 868,788 log rows.) Rows up to what
-- the store's files hold are deleted after each copy, and 'registry_pruned' says up to where.
create table screening_registry_change (
    seq          bigint not null,
    household_id bigint
);
create index screening_registry_change_seq on screening_registry_change (seq);
insert into screening_input_change (source) values ('registry_logged'), ('registry_pruned');

create function screening_registry_log(households bigint[]) returns void language plpgsql as $$
declare
    logged_at bigint;
begin
    if households is null or cardinality(households) = 0 then
        return;
    end if;
    update screening_input_change set changes = changes + 1 where source = 'registry_logged'
    returning changes into logged_at;
    if cardinality(households) > 1000 then
        insert into screening_registry_change (seq, household_id) values (logged_at, null);
    else
        insert into screening_registry_change (seq, household_id) select logged_at, unnest(households);
    end if;
end
$$;

-- transition tables allow one event per trigger, so each table has one trigger per event on one function
create function screening_household_logged() returns trigger language plpgsql as $$
begin
    -- ids are unique: past 1,000 of them the statement logs "every household", so no more are read
    if tg_op = 'INSERT' then
        perform screening_registry_log((select array_agg(id) from (select id from new_rows limit 1001) as s));
    elsif tg_op = 'DELETE' then
        perform screening_registry_log((select array_agg(id) from (select id from old_rows limit 1001) as s));
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

create function screening_person_logged() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform screening_registry_log((select array_agg(distinct household_id) from new_rows));
    elsif tg_op = 'DELETE' then
        perform screening_registry_log((select array_agg(distinct household_id) from old_rows));
    elsif tg_op = 'UPDATE' then
        perform screening_registry_log((
            select array_agg(distinct h)
            from old_rows o full join new_rows n on n.id = o.id
                 cross join lateral (values (o.household_id), (n.household_id)) as moved(h)
            where h is not null
              and (o.id is null or n.id is null or o.household_id is distinct from n.household_id
                   or o.birth_date is distinct from n.birth_date
                   or o.labour_capacity is distinct from n.labour_capacity)));
    else
        perform screening_registry_log(array[null::bigint]);
    end if;
    return null;
end
$$;

create function screening_income_logged() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform screening_registry_log((select array_agg(distinct household_id) from new_rows));
    elsif tg_op = 'DELETE' then
        perform screening_registry_log((select array_agg(distinct household_id) from old_rows));
    elsif tg_op = 'UPDATE' then
        perform screening_registry_log((
            select array_agg(distinct h)
            from old_rows o full join new_rows n on n.id = o.id
                 cross join lateral (values (o.household_id), (n.household_id)) as moved(h)
            where h is not null
              and (o.id is null or n.id is null or o.household_id is distinct from n.household_id
                   or o.year is distinct from n.year or o.net_income is distinct from n.net_income)));
    else
        perform screening_registry_log(array[null::bigint]);
    end if;
    return null;
end
$$;

create trigger household_screening_log_insert after insert on household
    referencing new table as new_rows for each statement execute function screening_household_logged();
create trigger household_screening_log_update after update on household
    referencing old table as old_rows new table as new_rows for each statement
    execute function screening_household_logged();
create trigger household_screening_log_delete after delete on household
    referencing old table as old_rows for each statement execute function screening_household_logged();
create trigger household_screening_log_truncate after truncate on household
    for each statement execute function screening_household_logged();

create trigger person_screening_log_insert after insert on person
    referencing new table as new_rows for each statement execute function screening_person_logged();
create trigger person_screening_log_update after update on person
    referencing old table as old_rows new table as new_rows for each statement
    execute function screening_person_logged();
create trigger person_screening_log_delete after delete on person
    referencing old table as old_rows for each statement execute function screening_person_logged();
create trigger person_screening_log_truncate after truncate on person
    for each statement execute function screening_person_logged();

create trigger household_income_screening_log_insert after insert on household_income
    referencing new table as new_rows for each statement execute function screening_income_logged();
create trigger household_income_screening_log_update after update on household_income
    referencing old table as old_rows new table as new_rows for each statement
    execute function screening_income_logged();
create trigger household_income_screening_log_delete after delete on household_income
    referencing old table as old_rows for each statement execute function screening_income_logged();
create trigger household_income_screening_log_truncate after truncate on household_income
    for each statement execute function screening_income_logged();

-- A bulk load of the registry (the generators' COPY) logs "every household" once and turns the log's insert triggers
-- off for its own transaction, so that PostgreSQL does not capture transition tables of millions of rows for nothing
-- (see BENCHMARKS.md for what that cost). ALTER TABLE is transactional, so the triggers are on again if the load
-- fails, and other sessions, kept out by the load's locks, never see them off.
create function screening_registry_bulk_load(loading boolean) returns void language plpgsql as $$
begin
    if loading then
        perform screening_registry_log(array[null::bigint]);
        alter table household disable trigger household_screening_log_insert;
        alter table person disable trigger person_screening_log_insert;
        alter table household_income disable trigger household_income_screening_log_insert;
    else
        alter table household enable trigger household_screening_log_insert;
        alter table person enable trigger person_screening_log_insert;
        alter table household_income enable trigger household_income_screening_log_insert;
    end if;
end
$$;
