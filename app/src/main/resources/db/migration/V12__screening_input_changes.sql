-- Change counters of the screening inputs, kept by statement-level triggers, so the platform's columnar store of
-- screening inputs knows whether it still reflects the database: 'registry' counts statements that changed
-- households, persons or incomes; 'records_inserted' counts department records inserted; 'records_changed' counts
-- statements that updated, deleted or truncated department records. The store reads them in the same snapshot as
-- the data it copies.
create table screening_input_change (
    source  varchar(16) primary key,
    changes bigint      not null default 0
);
insert into screening_input_change (source) values ('registry'), ('records_inserted'), ('records_changed');

create function screening_registry_changed() returns trigger language plpgsql as $$
begin
    update screening_input_change set changes = changes + 1 where source = 'registry';
    return null;
end
$$;

create function screening_records_inserted() returns trigger language plpgsql as $$
begin
    update screening_input_change set changes = changes + (select count(*) from inserted_rows)
    where source = 'records_inserted';
    return null;
end
$$;

create function screening_records_changed() returns trigger language plpgsql as $$
begin
    update screening_input_change set changes = changes + 1 where source = 'records_changed';
    return null;
end
$$;

create trigger household_screening_input after insert or update or delete or truncate on household
    for each statement execute function screening_registry_changed();
create trigger person_screening_input after insert or update or delete or truncate on person
    for each statement execute function screening_registry_changed();
create trigger household_income_screening_input after insert or update or delete or truncate on household_income
    for each statement execute function screening_registry_changed();
create trigger department_record_inserted after insert on department_record
    referencing new table as inserted_rows for each statement execute function screening_records_inserted();
create trigger department_record_changed after update or delete or truncate on department_record
    for each statement execute function screening_records_changed();

-- Names this database for the store: a store copied from one database is never read for another, even one
-- re-created under the same name.
create table screening_store_identity (
    id uuid primary key default gen_random_uuid()
);
insert into screening_store_identity default values;
