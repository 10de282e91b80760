-- Industries and benefit links (issue 16 item 1; docs/industry.md, docs/policy.md §5): the projects and business
-- entities of a county, which households each pays and how, and each village collective's income. The industry
-- module owns these tables; households are the registry's (read through registry_household, no foreign key).

-- A project run by a business entity at a real region (a county's leading enterprise, a village's cooperative).
create table industry_project (
    id               bigserial      primary key,
    kind             varchar(24)    not null
        check (kind in ('LEADING_ENTERPRISE', 'COOPERATIVE', 'FAMILY_FARM', 'ASSISTANCE_WORKSHOP', 'TOURISM_VILLAGE')),
    name             text           not null,
    region_code      varchar(12)    not null references region (code),
    industry         varchar(16)    not null
        check (industry in ('PLANTING', 'LIVESTOCK', 'PROCESSING', 'TOURISM', 'OTHER')),
    funding_source   varchar(24)    not null
        check (funding_source in ('ASSISTANCE_FUNDS', 'PAIRED_ASSISTANCE', 'ENTERPRISE', 'COLLECTIVE', 'CREDIT',
                                  'OTHER')),
    -- of the investment, the assistance funds (衔接资金) put in, so that their use can be counted
    assistance_funds numeric(14, 2) not null default 0 check (assistance_funds >= 0),
    investment       numeric(14, 2) check (investment >= 0),
    annual_output    numeric(14, 2) check (annual_output >= 0),
    state            varchar(8)     not null default 'ACTIVE' check (state in ('ACTIVE', 'FAILED', 'CLOSED')),
    -- the year a project failed or closed: a failure after a year does not count against that year's payments
    state_year       int            check (state_year between 2000 and 2100),
    created_by       varchar(64)    not null,
    created_at       timestamptz    not null default now(),
    updated_by       varchar(64)    not null,
    updated_at       timestamptz    not null default now(),
    version          int            not null default 0,
    constraint industry_project_state_year check (state = 'ACTIVE' or state_year is not null)
);
create index industry_project_region on industry_project (region_code varchar_pattern_ops, state);

-- What one household received from one project in one year, and how. village_code is the household's village when
-- the link was recorded: the scope of the link, so that a township reads the links of its own households.
create table benefit_link (
    id           bigserial      primary key,
    project_id   bigint         not null references industry_project (id),
    household_id bigint         not null,
    village_code varchar(12)    not null references region (code),
    kind         varchar(20)    not null
        check (kind in ('WAGES', 'LAND_RENT', 'DIVIDEND', 'CONTRACT_PURCHASE', 'SERVICES')),
    year         int            not null check (year between 2000 and 2100),
    amount       numeric(12, 2) not null check (amount >= 0),
    created_by   varchar(64)    not null,
    created_at   timestamptz    not null default now(),
    unique (project_id, household_id, kind, year)
);
create index benefit_link_village on benefit_link (village_code varchar_pattern_ops, year);
create index benefit_link_household on benefit_link (household_id);

-- A village collective's income of a year by source (村级集体经济收入), in yuan.
create table collective_income (
    village_code varchar(12)    not null references region (code),
    year         int            not null check (year between 2000 and 2100),
    source       varchar(16)    not null
        check (source in ('OPERATIONS', 'ASSET_RENT', 'INVESTMENT', 'SERVICES', 'SUBSIDY', 'OTHER')),
    amount       numeric(14, 2) not null check (amount >= 0),
    updated_by   varchar(64)    not null,
    updated_at   timestamptz    not null default now(),
    primary key (village_code, year, source)
);
