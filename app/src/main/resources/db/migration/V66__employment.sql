-- Employment services (issue 15; docs/employment.md): the labour registry of formerly-poor and monitored
-- households, the employers a county's employment office keeps, and their postings. The employment module owns
-- these tables; the labour registry is derived from the registry's published views, never its tables.

-- Who offers work, each at a real region (a workshop's village, a factory's township or county).
create table employer (
    id            bigserial primary key,
    kind          varchar(24)  not null
        check (kind in ('ENTERPRISE', 'WORKSHOP', 'COOPERATIVE', 'GIG_PLATFORM', 'PUBLIC_WELFARE_SCHEME')),
    name          text         not null,
    -- 统一社会信用代码: optional (a gig platform's local team or a village scheme may have none), unique when given
    credit_code   varchar(18),
    region_code   varchar(12)  not null references region (code),
    contact_name  text,
    contact_phone varchar(20),
    active        boolean      not null default true,
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null default now(),
    updated_by    varchar(64)  not null,
    updated_at    timestamptz  not null default now(),
    version       int          not null default 0
);
create unique index employer_credit_code on employer (credit_code) where credit_code is not null;
create index employer_region on employer (region_code varchar_pattern_ops, active);

-- Work an employer offers: where, what kind, which skills, for what wage and hours, how many places, when.
create table posting (
    id             bigserial primary key,
    employer_id    bigint        not null references employer (id),
    title          text          not null,
    region_code    varchar(12)   not null references region (code),
    work_kind      varchar(24)   not null
        check (work_kind in ('MANUFACTURING', 'CONSTRUCTION', 'CATERING_AND_SERVICES', 'DOMESTIC_AND_CARE',
                             'LOGISTICS', 'AGRICULTURE', 'HANDICRAFT', 'PUBLIC_SERVICE', 'OTHER')),
    skills         text[]        not null default '{}',
    monthly_wage   numeric(10, 2) not null check (monthly_wage >= 0),
    hours_per_week int           check (hours_per_week between 1 and 84),
    openings       int           not null check (openings > 0),
    open_from      date          not null,
    open_to        date,
    state          varchar(8)    not null default 'OPEN' check (state in ('OPEN', 'CLOSED')),
    created_by     varchar(64)   not null,
    created_at     timestamptz   not null default now(),
    updated_by     varchar(64)   not null,
    updated_at     timestamptz   not null default now(),
    version        int           not null default 0,
    constraint posting_dates check (open_to is null or open_to >= open_from)
);
create index posting_region on posting (region_code varchar_pattern_ops, state);
create index posting_employer on posting (employer_id);

-- One row per labourer: a registry person aged 16 to 64, able or weak labour, of a formerly-poor or monitored
-- household. Keyed by the registry's person id (no foreign key: the registry owns person); the derivation adds,
-- changes and removes rows as the registry changes. The work fields come from the registry at first, then from
-- department records (employment_status), visits and the employment office, as source says.
create table labourer (
    person_id          bigint        primary key,
    household_id       bigint        not null,
    village_code       varchar(12)   not null references region (code),
    labour_capacity    varchar(8)    not null check (labour_capacity in ('ABLE', 'WEAK')),
    in_work            boolean       not null default false,
    place              varchar(20)   check (place in ('IN_COUNTY', 'IN_PROVINCE', 'OUT_OF_PROVINCE')),
    work_mode          varchar(16)
        check (work_mode in ('EMPLOYER', 'WORKSHOP', 'COOPERATIVE', 'SELF_EMPLOYED', 'GIG', 'PUBLIC_WELFARE')),
    employer_id        bigint        references employer (id),
    -- since when the labourer is in work (or out of it)
    since_date         date,
    months_worked      int           check (months_worked between 0 and 12),
    -- the year months_worked counts
    months_year        int,
    monthly_wage       numeric(10, 2) check (monthly_wage >= 0),
    skills             text[]        not null default '{}',
    training           text,
    wish_reach         varchar(12)
        check (wish_reach in ('VILLAGE', 'TOWNSHIP', 'COUNTY', 'PREFECTURE', 'PROVINCE', 'ANYWHERE')),
    wish_kinds         text[]        not null default '{}',
    wish_min_wage      numeric(10, 2) check (wish_min_wage >= 0),
    source             varchar(20)   not null
        check (source in ('REGISTRY', 'DEPARTMENT_RECORD', 'VISIT', 'OFFICER')),
    -- the department record behind the latest change, when source is DEPARTMENT_RECORD
    source_record_id   bigint,
    updated_by         varchar(64)   not null,
    updated_at         timestamptz   not null default now(),
    version            int           not null default 0
);
create index labourer_village on labourer (village_code varchar_pattern_ops, in_work);
create index labourer_household on labourer (household_id);
create index labourer_employer on labourer (employer_id) where employer_id is not null;

-- Every change of a labourer, with the state after it (for REMOVED: the last state). Kept when the labourer row
-- goes (no longer qualifies), so the history of a labourer outlives the row; only the household's removal from the
-- registry deletes it.
create table labourer_history (
    id                 bigserial     primary key,
    person_id          bigint        not null,
    household_id       bigint        not null,
    village_code       varchar(12)   not null,
    change             varchar(8)    not null check (change in ('ADDED', 'CHANGED', 'REMOVED')),
    labour_capacity    varchar(8)    not null,
    in_work            boolean       not null,
    place              varchar(20),
    work_mode          varchar(16),
    employer_id        bigint,
    since_date         date,
    months_worked      int,
    months_year        int,
    monthly_wage       numeric(10, 2),
    skills             text[]        not null,
    training           text,
    wish_reach         varchar(12),
    wish_kinds         text[]        not null,
    wish_min_wage      numeric(10, 2),
    source             varchar(20)   not null,
    source_record_id   bigint,
    changed_by         varchar(64)   not null,
    changed_at         timestamptz   not null default now()
);
create index labourer_history_person on labourer_history (person_id, id);
create index labourer_history_household on labourer_history (household_id);

-- What the employment module publishes for others' SQL (figures, matching, referrals): each labourer's current
-- state, without skills, training or wishes.
create view employment_labourer as
    select person_id, household_id, village_code, labour_capacity, in_work, place, work_mode, employer_id,
           since_date, months_worked, months_year, monthly_wage
    from labourer;

-- The registry publishes, for the labour registry's first state of a new labourer, what it holds of a person's
-- work: whether and where they work and for how many months (no health, disability or phone).
create view registry_person_work as
    select id, employment, employment_place, employment_months from person;
