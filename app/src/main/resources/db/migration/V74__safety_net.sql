-- The safety net (issue 16, item 3). Standards start from the configuration (safetynet/standards.yaml); a province
-- administrator's edit of a region and year is kept here and wins over the file.
create table safety_net_standard (
    region_code varchar(6)    not null,
    year        int           not null,
    allowance   numeric(12,2) not null check (allowance >= 0),
    support     numeric(12,2) check (support >= 0),
    source      varchar(500)  not null,
    edited_by   varchar(100)  not null,
    edited_at   timestamptz   not null default now(),
    primary key (region_code, year)
);

-- Who receives what, per household and year, as the civil-affairs records say (minimum_living_allowance,
-- extreme_poverty_support): derived from the exchange's records after each batch, so that figures are one query.
create table safety_net_recipient (
    household_id   bigint        not null,
    year           int           not null,
    kind           varchar(20)   not null check (kind in ('ALLOWANCE', 'SUPPORT')),
    persons        int           not null check (persons > 0),
    monthly_amount numeric(12,2),
    primary key (household_id, year, kind)
);
create index safety_net_recipient_year on safety_net_recipient (year, kind);
