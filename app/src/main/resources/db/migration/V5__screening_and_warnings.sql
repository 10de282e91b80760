-- Screening runs and the warnings they raise.

create table screening_run (
    id              bigserial primary key,
    region_code     varchar(12)  not null,
    as_of           date         not null,
    mode            varchar(12)  not null check (mode in ('FULL', 'INCREMENTAL', 'SHADOW')),
    rules_version   varchar(64)  not null,
    started_at      timestamptz  not null default now(),
    finished_at     timestamptz,
    started_by      varchar(64)  not null,
    households      int          not null default 0,
    records         int          not null default 0,
    hits            int          not null default 0,
    warnings_raised int          not null default 0,
    load_ms         int,
    screen_ms       int,
    store_ms        int,
    counts          jsonb
);

create table warning (
    id               bigserial primary key,
    run_id           bigint       not null references screening_run (id),
    household_id     bigint,
    id_number        varchar(18),
    village_code     varchar(12)  not null,
    rule_id          varchar(32)  not null,
    rule_version     varchar(64)  not null,
    direction        varchar(4)   not null check (direction in ('DOWN', 'UP')),
    risk_type        varchar(64),
    level            varchar(8)   not null check (level in ('RED', 'ORANGE', 'YELLOW')),
    status           varchar(12)  not null default 'OPEN' check (status in ('OPEN', 'CONFIRMED', 'DISMISSED')),
    registered       boolean      not null,
    as_of            date         not null,
    raised_at        timestamptz  not null default now(),
    deadline         date         not null,
    evidence         jsonb        not null,
    verified_by      varchar(64),
    verified_at      timestamptz,
    verification_note text,
    version          int          not null default 0,
    -- who a warning is about: a registered household, or a resident the registry does not have
    constraint warning_subject check (household_id is not null or id_number is not null)
);
-- a warning already open for the same household (or unregistered person) and rule is not raised again
create unique index warning_open_once_household on warning (household_id, rule_id)
    where status = 'OPEN' and household_id is not null;
create unique index warning_open_once_person on warning (id_number, rule_id)
    where status = 'OPEN' and household_id is null;
create index warning_village on warning (village_code varchar_pattern_ops, status, deadline);
create index warning_run on warning (run_id);
