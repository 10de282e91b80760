-- A declaration about a household whose case is already under way is attached to that case (issue 14, item 13):
-- the resident is told it was merged into the case in progress, and the case lists the declarations behind it.
alter table declaration drop constraint declaration_status_check;
alter table declaration add constraint declaration_status_check
    check (status in ('RECEIVED', 'ACCEPTED', 'DECLINED', 'ATTACHED'));
create index declaration_case on declaration (case_id) where case_id is not null;
