-- Issue 3: department records are stored in parts, so that a large batch is loaded at the speed of COPY.
-- Maintaining seven indexes row by row cost 25-50 µs per record once department_record held a few million rows
-- (every insert lands on a random page of each index); a large batch now gets a part of its own, loaded without
-- indexes, whose indexes are then built in one sorted pass each and which is then attached. Small batches share
-- part 0. The part of a batch of its own is its batch id.
--
-- Also: the content hash is 16 bytes (the first half of the SHA-256 digest; the old 64-character hex value starts
-- with the same bytes, so old and new records compare), and the values are kept as json text (parsing into jsonb
-- cost about 3 µs per record; the screening reads them as text anyway). A record is stored once per category: the
-- import checks the earlier records of the category by (category, row_hash) and imports of one category take turns,
-- since a unique index across parts would have to include the part.

alter table department_record rename to department_record_v4;
alter table department_record_v4 rename constraint department_record_once to department_record_v4_once;
alter index department_record_pkey rename to department_record_v4_pkey;
alter index department_record_household rename to department_record_v4_household;
alter index department_record_person rename to department_record_v4_person;
alter index department_record_category_date rename to department_record_v4_category_date;
alter index department_record_batch rename to department_record_v4_batch;
alter index department_record_region rename to department_record_v4_region;
alter sequence department_record_id_seq owned by none;

create table department_record (
    -- the record's id, as screening evidence cites it
    id               bigint       not null default nextval('department_record_id_seq'),
    part             bigint       not null default 0,
    batch_id         bigint       not null references exchange_batch (id),
    source_row       int          not null,
    category         varchar(64)  not null,
    id_number        varchar(18),
    household_number varchar(20),
    village_code     varchar(12),
    person_id        bigint,
    household_id     bigint,
    region_code      varchar(12)  not null,
    record_date      date         not null,
    amount           numeric(16, 2),
    fields           json         not null,
    row_hash         bytea        not null,
    stored_at        timestamptz  not null default now(),
    -- provenance: the batch and the row of its file
    primary key (batch_id, source_row, part)
) partition by list (part);
alter sequence department_record_id_seq owned by department_record.id;

create table department_record_shared partition of department_record for values in (0);

insert into department_record (id, part, batch_id, source_row, category, id_number, household_number, village_code,
                               person_id, household_id, region_code, record_date, amount, fields, row_hash, stored_at)
select id, 0, batch_id, source_row, category, id_number, household_number, village_code, person_id, household_id,
       region_code, record_date, amount, fields::json, decode(left(row_hash, 32), 'hex'), stored_at
from department_record_v4;
drop table department_record_v4;

-- the earlier records of a category, by content (the import's "stored once")
create index department_record_hash on department_record (category, row_hash);
-- a household's records (incremental screening)
create index department_record_household on department_record (household_id) where household_id is not null;
-- records of residents the registry does not have, by identity number (incremental screening)
create index department_record_unregistered on department_record (id_number)
    where household_id is null and id_number is not null;
-- a category's records within a region (full screening runs)
create index department_record_region on department_record (category, region_code varchar_pattern_ops);
