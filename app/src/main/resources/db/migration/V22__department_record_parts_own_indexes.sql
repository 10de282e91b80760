-- Issue 3: storing a large batch of department records cost PostgreSQL about 2.25 s of COPY and 3.5 s of index
-- builds per million rows. Two of those costs bought nothing:
--
-- 1. The values are kept as text. They are the JSON the import writes itself (RecordRows.fieldsJson); the json type
--    parsed every value again on COPY (0.75 s of the 2.25 s). Readers that use JSON operators cast (fields::json).
--    json and text are binary-compatible, so the column changes without rewriting the table.
alter table department_record alter column fields type text;

-- 2. Indexes belong to each part, not to the table, so that a part of its own gets only what is asked of it
--    (RecordStore.attach): no primary key (it holds one batch, whose source rows are unique by construction: the
--    rows of one file; the key cost 0.9 s a million rows) and no index by content (0.75 s): its hashes are kept
--    whole in department_record_hashes (V21), which is where every later batch, large or small, reads them; and by
--    region only the records of residents the registry does not have (the figures find registered ones through their
--    household; a whole index by region cost 0.64 s). The shared part, which every small batch adds to row by row,
--    keeps (batch_id, source_row) unique and its content and region indexes.
alter table department_record drop constraint department_record_pkey;
drop index department_record_content;
drop index department_record_household;
drop index department_record_id;
drop index department_record_region_code;
drop index department_record_unregistered;
drop index department_record_village_wide;

-- the shared part: provenance, content (the import's "stored once"), ids (the screening store's reads of new records,
-- evidence), households and unregistered residents (incremental screening, household file), region (full screening,
-- figures), village-wide records
create unique index department_record_shared_row on department_record_shared (batch_id, source_row);
create index department_record_shared_content on department_record_shared (row_hash, category);
create index department_record_shared_id on department_record_shared (id);
create index department_record_shared_household on department_record_shared (household_id)
    where household_id is not null;
create index department_record_shared_unregistered on department_record_shared (id_number)
    where household_id is null and id_number is not null;
create index department_record_shared_region on department_record_shared (region_code varchar_pattern_ops);
create index department_record_shared_village_wide on department_record_shared (village_code)
    where household_id is null and id_number is null;

-- a part of its own is read by id only for what came after a given id (the screening store's new records): its ids
-- rise with its rows (taken in order as it is loaded), so a block range index (BRIN, no sort: 0.3 s less than a
-- btree a million rows) finds them; the highest id of each is kept with its hashes for the store's "up to which id"
alter table department_record_hashes add column last_id bigint;

-- the parts of their own attached so far: what RecordStore.attach builds for a new one
do $$
declare
    p record;
begin
    for p in select c.relname, substring(c.relname from 'department_record_p(\d+)')::bigint as part
             from pg_inherits i join pg_class c on c.oid = i.inhrelid
             where i.inhparent = 'department_record'::regclass and c.relname <> 'department_record_shared'
    loop
        execute format('update department_record_hashes set last_id = (select max(id) from %I) where part = %s',
                       p.relname, p.part);
        execute format('create index on %I using brin (id)', p.relname);
        execute format('create index on %I (household_id) where household_id is not null', p.relname);
        execute format('create index on %I (id_number) where household_id is null and id_number is not null',
                       p.relname);
        execute format('create index on %I (region_code varchar_pattern_ops) where household_id is null',
                       p.relname);
        execute format('create index on %I (village_code) where household_id is null and id_number is null',
                       p.relname);
    end loop;
end
$$;

-- 3. The foreign key to the batch belongs to the shared part only. Attaching a part cloned the table's key onto it,
--    which took a SHARE ROW EXCLUSIVE lock on exchange_batch: it waited for every open transaction that had inserted
--    a batch, so two large imports at the same time (each had inserted its batch first) deadlocked; and it scanned
--    the part to check its rows. A part of its own holds the records of its own batch only (a CHECK that its batch
--    is the part's, set when the import creates it, before its rows), inserted in the same transaction; batches are
--    never deleted.
do $$
declare
    k record;
begin
    for k in select conname from pg_constraint
             where conrelid = 'department_record'::regclass and contype = 'f'
               and confrelid = 'exchange_batch'::regclass
    loop
        execute format('alter table department_record drop constraint %I', k.conname);
    end loop;
end
$$;
alter table department_record_shared add constraint department_record_shared_batch
    foreign key (batch_id) references exchange_batch (id);
