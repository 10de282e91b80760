-- Referrals (issue 15 item 3): a match between a labourer and a posting taken up by the helper, the village or the
-- employment office, followed to a hire or a refusal. The employment module owns both tables.

create table referral (
    id             bigserial    primary key,
    person_id      bigint       not null,
    household_id   bigint       not null,
    -- the labourer's village when referred: what a user's region scope is checked against
    village_code   varchar(12)  not null references region (code),
    posting_id     bigint       not null references posting (id),
    state          varchar(12)  not null
        check (state in ('PROPOSED', 'CONTACTED', 'INTERVIEWED', 'HIRED', 'REFUSED')),
    -- why the labourer or the employer said no; required for REFUSED only
    refusal_reason text,
    constraint referral_refusal_has_reason check ((state = 'REFUSED') = (refusal_reason is not null)),
    created_by     varchar(64)  not null,
    created_at     timestamptz  not null default now(),
    updated_by     varchar(64)  not null,
    updated_at     timestamptz  not null default now(),
    version        int          not null default 0
);
-- one live referral of a labourer to a posting; after a refusal the same posting may be proposed again
create unique index referral_live on referral (person_id, posting_id) where state <> 'REFUSED';
create index referral_village on referral (village_code varchar_pattern_ops, state);
create index referral_household on referral (household_id);
create index referral_posting on referral (posting_id);

-- Every state a referral took: who, when, and the refusal's reason.
create table referral_history (
    id             bigserial    primary key,
    referral_id    bigint       not null references referral (id) on delete cascade,
    state          varchar(12)  not null,
    refusal_reason text,
    changed_by     varchar(64)  not null,
    changed_at     timestamptz  not null default now()
);
create index referral_history_referral on referral_history (referral_id, id);

-- A hire takes an opening off its posting and closes it at the last, so a closed posting may have none left.
alter table posting drop constraint posting_openings_check;
alter table posting add constraint posting_openings_check check (openings >= 0 and (openings > 0 or state = 'CLOSED'));
