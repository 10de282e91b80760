-- The village's democratic review meeting (村级民主评议) behind a case's village review step (issue 14, item 15): when
-- it met, how many attended and how they voted; abstentions are the attendees who voted neither way.
create table village_review_meeting (
    id             bigserial primary key,
    case_id        bigint       not null unique references support_case (id),
    meeting_on     date         not null,
    attendees      int          not null check (attendees > 0),
    votes_for      int          not null check (votes_for >= 0),
    votes_against  int          not null check (votes_against >= 0),
    note           text,
    recorded_by    varchar(64)  not null,
    recorded_at    timestamptz  not null default now(),
    constraint village_review_meeting_votes check (votes_for + votes_against <= attendees)
);
