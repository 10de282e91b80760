-- Casework: declarations from residents, cases through the identification and risk-elimination procedure, the
-- monitoring status of households, helpers, plans and visits (policy.md §1, §3–§6).

-- A resident's self-declaration: from the public form (no account) or recorded by a window or hotline operator.
create table declaration (
    id              bigserial primary key,
    receipt_number  varchar(16)  not null unique,
    channel         varchar(16)  not null check (channel in ('PUBLIC_FORM', 'SERVICE_WINDOW', 'HOTLINE')),
    village_code    varchar(12)  not null references region (code),
    declarant_name  text         not null,
    phone           varchar(20)  not null,
    id_number       varchar(18),
    risk_types      text         not null,
    description     text,
    status          varchar(12)  not null default 'RECEIVED' check (status in ('RECEIVED', 'ACCEPTED', 'DECLINED')),
    status_note     text,
    case_id         bigint,
    received_on     date         not null,
    received_at     timestamptz  not null default now(),
    recorded_by     varchar(64),
    handled_by      varchar(64),
    handled_on      date,
    version         int          not null default 0
);
create index declaration_village on declaration (village_code varchar_pattern_ops, status, received_on);

-- One case decides one thing about one household: identification (into monitoring) or risk elimination.
create table support_case (
    id                    bigserial primary key,
    household_id          bigint       not null references household (id),
    village_code          varchar(12)  not null,
    kind                  varchar(16)  not null check (kind in ('IDENTIFICATION', 'ELIMINATION')),
    channel               varchar(20)  not null
        check (channel in ('SELF_DECLARATION', 'GRASSROOTS_VISIT', 'DEPARTMENT_WARNING', 'MONITORING')),
    source_id             bigint,
    discovered_on         date         not null,
    status                varchar(12)  not null default 'OPEN'
        check (status in ('OPEN', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    step                  varchar(20),
    step_entered_on       date,
    monitoring_type       varchar(24),
    risk_types            text,
    medical_out_of_pocket numeric(14, 2),
    commitment_signed_on  date,
    green_channel         boolean      not null default false,
    decided_on            date,
    opened_by             varchar(64)  not null,
    opened_at             timestamptz  not null default now(),
    version               int          not null default 0,
    constraint support_case_open_has_step check (status <> 'OPEN' or step is not null)
);
-- a household has at most one case under way
create unique index support_case_open_once on support_case (household_id) where status = 'OPEN';
create index support_case_village on support_case (village_code varchar_pattern_ops, status, kind);
create index support_case_household on support_case (household_id);

-- What was decided at each step: who, when, the decision and the comment.
create table case_step (
    id          bigserial primary key,
    case_id     bigint       not null references support_case (id),
    step        varchar(20)  not null,
    decision    varchar(8)   not null check (decision in ('PASS', 'REJECT')),
    decided_by  varchar(64)  not null,
    decided_on  date         not null,
    decided_at  timestamptz  not null default now(),
    comment     text,
    objections  int
);
create index case_step_case on case_step (case_id, id);

-- Photos and scanned forms of a case step or a visit.
create table case_attachment (
    id            bigserial primary key,
    household_id  bigint       not null references household (id),
    case_id       bigint       references support_case (id),
    visit_id      uuid,
    step          varchar(20),
    file_name     text         not null,
    content_type  varchar(100) not null,
    size_bytes    int          not null,
    content       bytea        not null,
    uploaded_by   varchar(64)  not null,
    uploaded_at   timestamptz  not null default now()
);
create index case_attachment_case on case_attachment (case_id);
create index case_attachment_household on case_attachment (household_id);

-- Where each household that was ever identified stands now; the cases keep the history.
create table monitoring (
    household_id          bigint       primary key references household (id),
    village_code          varchar(12)  not null,
    status                varchar(12)  not null check (status in ('MONITORED', 'ELIMINATED')),
    monitoring_type       varchar(24)  not null,
    risk_types            text         not null,
    identified_on         date         not null,
    first_identified_on   date         not null,
    eliminated_on         date,
    times_identified      int          not null default 1,
    version               int          not null default 0
);
create index monitoring_village on monitoring (village_code varchar_pattern_ops, status);

-- Everything that changed a household's monitoring status, in order: identified, eliminated, reversed, re-entered.
create table monitoring_event (
    id           bigserial primary key,
    household_id bigint       not null references household (id),
    event        varchar(12)  not null check (event in ('IDENTIFIED', 'ELIMINATED', 'REVERSED', 'REENTERED')),
    happened_on  date         not null,
    case_id      bigint       references support_case (id),
    done_by      varchar(64)  not null,
    note         text
);
create index monitoring_event_household on monitoring_event (household_id, id);

-- The one designated helper of a household; an assignment ends when another begins.
create table helper_assignment (
    id           bigserial primary key,
    household_id bigint       not null references household (id),
    helper_id    bigint       not null references app_user (id),
    starts_on    date         not null,
    ends_on      date,
    assigned_by  varchar(64)  not null,
    reason       text
);
create unique index helper_assignment_current on helper_assignment (household_id) where ends_on is null;
create index helper_assignment_helper on helper_assignment (helper_id) where ends_on is null;

-- One household, one plan: its measures, each answering a risk type.
create table plan_measure (
    id            bigserial primary key,
    household_id  bigint         not null references household (id),
    category      varchar(32)    not null,
    risk_type     varchar(24)    not null,
    department    varchar(64)    not null,
    description   text,
    amount        numeric(14, 2) check (amount >= 0),
    starts_on     date           not null,
    ends_on       date,
    status        varchar(12)    not null default 'PLANNED' check (status in ('PLANNED', 'DELIVERED', 'CANCELLED')),
    delivered_on  date,
    recorded_by   varchar(64)    not null,
    version       int            not null default 0,
    constraint plan_measure_period check (ends_on is null or ends_on >= starts_on)
);
create index plan_measure_household on plan_measure (household_id);

-- A helper's or cadre's visit; the id comes from the client so a visit sent twice (a lost signal) is stored once.
create table visit (
    id                 uuid           primary key,
    household_id       bigint         not null references household (id),
    village_code       varchar(12)    not null,
    visited_on         date           not null,
    visitor            varchar(64)    not null,
    findings           text           not null,
    per_capita_income  numeric(14, 2) check (per_capita_income >= 0),
    circumstances      varchar(16)    not null check (circumstances in ('STABLE', 'IMPROVED', 'WORSE')),
    recorded_at        timestamptz    not null default now()
);
create index visit_household on visit (household_id, visited_on desc);
