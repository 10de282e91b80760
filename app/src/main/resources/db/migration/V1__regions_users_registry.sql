-- Regions: the 5-level statistical hierarchy, codes padded to 12 digits.
create table region (
    code        varchar(12) primary key check (code ~ '^[0-9]{12}$'),
    name        text        not null,
    level       varchar(10) not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code varchar(12) references region (code),
    key_county  boolean     not null default false
);
create index region_parent on region (parent_code);
create index region_code_prefix on region (code varchar_pattern_ops);

-- Users: each has one role and one region whose subtree is their scope.
create table app_user (
    id              bigserial primary key,
    username        varchar(64)  not null unique,
    password_hash   text         not null,
    display_name    text         not null,
    role            varchar(32)  not null,
    region_code     varchar(12)  not null references region (code),
    department      varchar(64),
    enabled         boolean      not null default true,
    failed_logins   int          not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null default now()
);

-- Households and persons.
create table household (
    id               bigserial primary key,
    household_number varchar(20) not null unique,
    village_code     varchar(12) not null references region (code),
    category         varchar(20) not null check (category in ('FORMERLY_POOR', 'MONITORED', 'ORDINARY')),
    address          text,
    phone            varchar(20),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          int         not null default 0
);
create index household_village on household (village_code varchar_pattern_ops);

create table person (
    id                bigserial primary key,
    household_id      bigint      not null references household (id),
    id_number         varchar(18) not null,
    name              text        not null,
    sex               varchar(6)  not null check (sex in ('MALE', 'FEMALE')),
    birth_date        date        not null,
    relation          varchar(20) not null,
    education         varchar(20),
    health            varchar(20),
    disability        varchar(10) not null default 'NONE',
    labour_capacity   varchar(20),
    employment        varchar(24),
    employment_place  varchar(20),
    employment_months int         check (employment_months between 0 and 12),
    schooling         varchar(32),
    medical_insured   boolean     not null default false,
    pension_insured   boolean     not null default false,
    version           int         not null default 0,
    -- one person belongs to at most one household
    constraint person_id_number_unique unique (id_number)
);
create index person_household on person (household_id);
create index person_name on person (name varchar_pattern_ops);
-- partial identity-number search by its last digits
create index person_id_number_reversed on person (reverse(id_number) varchar_pattern_ops);

-- Income per household and year; net and per capita are computed by the core and kept for statistics.
create table household_income (
    id              bigserial primary key,
    household_id    bigint         not null references household (id),
    year            int            not null check (year between 2000 and 2100),
    wage            numeric(14, 2) not null check (wage >= 0),
    operating       numeric(14, 2) not null check (operating >= 0),
    property        numeric(14, 2) not null check (property >= 0),
    transfer        numeric(14, 2) not null check (transfer >= 0),
    production_cost numeric(14, 2) not null check (production_cost >= 0),
    net_income      numeric(14, 2) not null,
    members         int            not null check (members > 0),
    per_capita      numeric(14, 2) not null,
    updated_at      timestamptz    not null default now(),
    constraint household_income_unique unique (household_id, year)
);

-- Seeds that ran once (the demo data), so a second start does not repeat them.
create table seed_marker (
    name    varchar(64) primary key,
    done_at timestamptz not null default now()
);
