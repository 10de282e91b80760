-- Department data exchange: batches as uploaded, the records they brought, the rows they could not bring.


create table exchange_batch (
    id             bigserial primary key,
    category       varchar(64)  not null,
    department     varchar(64)  not null,
    file_name      text,
    file_format    varchar(8)   not null check (file_format in ('CSV', 'XLSX', 'JSON')),
    file_sha256    varchar(64)  not null,
    file_bytes     bigint       not null,
    uploaded_by    varchar(64)  not null,
    uploaded_at    timestamptz  not null default now(),
    region_code    varchar(12)  not null,
    status         varchar(16)  not null check (status in ('ACCEPTED', 'REJECTED', 'DUPLICATE')),
    status_reason  text,
    header         jsonb,
    rows_total     int          not null default 0,
    rows_accepted  int          not null default 0,
    rows_rejected  int          not null default 0,
    rows_repeated  int          not null default 0,
    rows_unmatched int          not null default 0,
    duration_ms    int
);
create index exchange_batch_region on exchange_batch (region_code varchar_pattern_ops, id desc);
-- the same file (same bytes) for the same category is imported once
create unique index exchange_batch_once on exchange_batch (category, file_sha256) where status = 'ACCEPTED';

create table exchange_rejected_row (
    batch_id   bigint not null references exchange_batch (id),
    row_number int    not null,
    reasons    text   not null,
    raw        jsonb  not null,
    primary key (batch_id, row_number)
);

create table department_record (
    id           bigserial primary key,
    batch_id     bigint       not null references exchange_batch (id),
    source_row   int          not null,
    category     varchar(64)  not null,
    id_number    varchar(18),
    household_number varchar(20),
    village_code varchar(12),
    person_id    bigint,
    household_id bigint,
    region_code  varchar(12)  not null,
    record_date  date         not null,
    amount       numeric(16, 2),
    fields       jsonb        not null,
    row_hash     varchar(64)  not null,
    stored_at    timestamptz  not null default now(),
    -- a record sent again (in this file or a later one) is stored once
    constraint department_record_once unique (category, row_hash)
);
create index department_record_household on department_record (household_id) where household_id is not null;
create index department_record_person on department_record (id_number) where id_number is not null;
create index department_record_category_date on department_record (category, record_date);
create index department_record_batch on department_record (batch_id);
create index department_record_region on department_record (region_code varchar_pattern_ops);
