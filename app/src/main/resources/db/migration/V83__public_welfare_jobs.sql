-- Public-welfare jobs (公益性岗位, issue 15 item 4; docs/employment.md "Public-welfare jobs"): the posts a village
-- has, with their duty, allowance, places, term and funding, and who holds them for which term. The employment
-- module owns the three tables.

create table welfare_post (
    id                bigserial     primary key,
    village_code      varchar(12)   not null references region (code),
    title             text          not null,
    duty              varchar(16)   not null
        check (duty in ('SANITATION', 'ROAD_WARDEN', 'FOREST_WARDEN', 'WATER_KEEPER', 'CARE', 'PATROL', 'OTHER')),
    -- the monthly allowance of one place, in yuan
    monthly_allowance numeric(10, 2) not null check (monthly_allowance >= 0),
    places            int           not null check (places between 1 and 1000),
    term_start        date          not null,
    term_end          date          not null,
    funding           varchar(20)   not null
        check (funding in ('ASSISTANCE_FUNDS', 'EMPLOYMENT_SUBSIDY', 'LOCAL_BUDGET', 'VILLAGE_COLLECTIVE', 'OTHER')),
    created_by        varchar(64)   not null,
    created_at        timestamptz   not null default now(),
    updated_by        varchar(64)   not null,
    updated_at        timestamptz   not null default now(),
    version           int           not null default 0,
    constraint welfare_post_term check (term_end >= term_start)
);
create index welfare_post_village on welfare_post (village_code varchar_pattern_ops);

-- A person holding (or having held) a place of a post for a term. HOLDING and RENEWED (a term extended) hold the
-- place; ENDED frees it. Keyed by the registry's person and household ids (no foreign key: the registry owns them).
create table welfare_post_holder (
    id            bigserial    primary key,
    post_id       bigint       not null references welfare_post (id),
    person_id     bigint       not null,
    household_id  bigint       not null,
    -- the post's village: what a user's region scope is checked against
    village_code  varchar(12)  not null references region (code),
    term_from     date         not null,
    term_to       date         not null,
    state         varchar(8)   not null check (state in ('HOLDING', 'RENEWED', 'ENDED')),
    -- why the allocation order chose the holder: reason kinds (WelfareReason), worded by the page
    reasons       text[]       not null default '{}',
    end_reason    text,
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null default now(),
    updated_by    varchar(64)  not null,
    updated_at    timestamptz  not null default now(),
    version       int          not null default 0,
    constraint welfare_holder_term check (term_to >= term_from),
    constraint welfare_holder_end_reason check ((state = 'ENDED') = (end_reason is not null))
);
-- one post at a time per person
create unique index welfare_holder_one_post on welfare_post_holder (person_id) where state <> 'ENDED';
create index welfare_holder_post on welfare_post_holder (post_id, state);
create index welfare_holder_village on welfare_post_holder (village_code varchar_pattern_ops, state, term_to);
create index welfare_holder_household on welfare_post_holder (household_id);

-- Every state and term a holder had: who, when.
create table welfare_post_holder_history (
    id          bigserial    primary key,
    holder_id   bigint       not null references welfare_post_holder (id) on delete cascade,
    state       varchar(8)   not null,
    term_from   date         not null,
    term_to     date         not null,
    end_reason  text,
    changed_by  varchar(64)  not null,
    changed_at  timestamptz  not null default now()
);
create index welfare_holder_history_holder on welfare_post_holder_history (holder_id, id);
