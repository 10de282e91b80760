-- Registry imports (issue 13): each committed file once, with its hash, counts and who imported it, and the
-- households it created or changed — the import is the source of those changes in the households' trail.
create table registry_import (
    id          bigserial primary key,
    kind        varchar(16)  not null check (kind in ('MEMBERS', 'INCOMES')),
    file_name   text         not null,
    sha256      char(64)     not null,
    region_code varchar(12)  not null,
    username    varchar(100) not null,
    counts      jsonb        not null,
    at          timestamptz  not null default now()
);
create index registry_import_region on registry_import (region_code varchar_pattern_ops, at desc);

create table registry_import_household (
    import_id    bigint      not null references registry_import (id),
    household_id bigint      not null,
    change       varchar(8)  not null check (change in ('NEW', 'CHANGED')),
    primary key (import_id, household_id)
);
create index registry_import_household_household on registry_import_household (household_id);
