-- Warnings that joined a case already under way (issue 14 item 7). The warning that opened a case is its source_id;
-- a downward warning confirmed while the household's case was open is attached to that case here, so that the
-- warning links to the case and the case lists the warnings behind it. No foreign key to warning: screening owns it.
create table case_warning (
    warning_id  bigint      primary key,
    case_id     bigint      not null references support_case (id),
    attached_on date        not null,
    attached_by varchar(64) not null,
    attached_at timestamptz not null default now()
);
create index case_warning_case on case_warning (case_id);
