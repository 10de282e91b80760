-- Village conditions (issue 16, item 2): the value of each indicator of the catalogue (village/indicators.yaml) per
-- village and year, with who entered it and when. The history of each value is the audit log (values before and
-- after); this table holds the current value only.
create table village_condition (
    id           bigserial      primary key,
    village_code varchar(12)    not null,
    year         int            not null,
    indicator    varchar(40)    not null,
    -- yes/no as 1/0, shares 0-100, numbers in the indicator's unit
    value        numeric(12, 2) not null,
    entered_by   varchar(64)    not null,
    entered_at   timestamptz    not null,
    constraint village_condition_once unique (village_code, year, indicator)
);

-- the figures and lists read one year of a region: a prefix of the village code within the year
create index village_condition_year_village on village_condition (year, village_code varchar_pattern_ops);
