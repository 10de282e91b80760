-- Which categories' department records a change touched, for the screening store: V12's 'records_changed' only says
-- that some record was updated or deleted, so the store copied every category again after one record was corrected.
-- Each statement that updates or deletes department records now also counts 'records_changed_named' once and
-- 'records_changed:<category>' once for every category among its rows (before and after an update, so a record
-- moved to another category names both). When 'records_changed_named' moved as far as 'records_changed' since the
-- store's copy, every change is accounted for and the store copies only the categories whose counter moved; a
-- truncate moves 'records_changed' alone, and the store copies everything. Both are read in the copy's snapshot.
alter table screening_input_change alter column source type varchar(80);
insert into screening_input_change (source) values ('records_changed_named');

create function screening_records_changed_named() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        insert into screening_input_change (source, changes)
        select 'records_changed:' || category, 1
        from (select category from old_rows union select category from new_rows) as c
        on conflict (source) do update set changes = screening_input_change.changes + 1;
    else
        insert into screening_input_change (source, changes)
        select 'records_changed:' || category, 1 from (select distinct category from old_rows) as c
        on conflict (source) do update set changes = screening_input_change.changes + 1;
    end if;
    update screening_input_change set changes = changes + 1 where source = 'records_changed_named';
    return null;
end
$$;

create trigger department_record_changed_update after update on department_record
    referencing old table as old_rows new table as new_rows for each statement
    execute function screening_records_changed_named();
create trigger department_record_changed_delete after delete on department_record
    referencing old table as old_rows for each statement execute function screening_records_changed_named();
