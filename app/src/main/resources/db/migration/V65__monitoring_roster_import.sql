-- The county's monitoring roster brought in (issue 13, item 2): households monitored before the county used Bulwark
-- get their history as monitoring events, helper assignments and plan measures marked as recorded from the roster,
-- with the file and row they came from. No case or case step is made up for them: the procedure did not run here.

-- One committed roster file: who brought it in, its hash and what it did.
create table roster_import (
    id                    bigserial    primary key,
    file_name             text         not null,
    sha256                varchar(64)  not null,
    region_code           varchar(12)  not null,
    rows_total            int          not null,
    households_new        int          not null,
    households_changed    int          not null,
    households_unchanged  int          not null,
    rows_refused          int          not null,
    imported_by           varchar(64)  not null,
    imported_at           timestamptz  not null default now()
);

-- The roster's word on each household it brought in: a fingerprint of its rows, so that the same file again changes
-- nothing and a corrected file changes only what differs.
create table roster_household (
    household_id      bigint  primary key references household (id),
    roster_import_id  bigint  not null references roster_import (id),
    first_row         int     not null,
    fingerprint       text    not null
);

-- A helper the roster names who has no account: a name and a phone, within one county.
create table helper_person (
    id                bigserial    primary key,
    county_code       varchar(6)   not null,
    name              text         not null,
    phone             varchar(20)  not null,
    roster_import_id  bigint       references roster_import (id),
    created_at        timestamptz  not null default now(),
    unique (county_code, name, phone)
);

-- A household's helper is an account or a helper person, never both.
alter table helper_assignment
    alter column helper_id drop not null,
    add column helper_person_id bigint references helper_person (id),
    add column roster_import_id bigint references roster_import (id),
    add column roster_row int,
    add constraint helper_assignment_one_helper check ((helper_id is null) <> (helper_person_id is null));

alter table monitoring_event
    add column roster_import_id bigint references roster_import (id),
    add column roster_row int;

alter table plan_measure
    add column roster_import_id bigint references roster_import (id),
    add column roster_row int;
