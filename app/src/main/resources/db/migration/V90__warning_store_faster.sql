-- Storing a first run's warnings faster (issue 18 item 2). Copying a region's new warnings spent about half of
-- PostgreSQL's time in the foreign key's check of each row's run, and a further part in the index on run_id, which
-- no query of the platform reads (runs are never deleted; only the benchmark's clean-up deletes warnings by run).
-- Every warning is written by the screening module's WarningStore, with the id of the run it inserted in the same
-- transaction just before, so the reference holds by construction; what the key also guarded — deleting a run that
-- warnings name — is refused by the trigger below. The figures are in BENCHMARKS.md.
drop index warning_run;
alter table warning drop constraint warning_run_id_fkey;

create function screening_run_kept() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        if exists (select 1 from warning) then
            raise exception 'screening runs named by warnings are kept' using errcode = '23503';
        end if;
    elsif exists (select 1 from warning w join removed_runs r on r.id = w.run_id) then
        raise exception 'screening runs named by warnings are kept' using errcode = '23503';
    end if;
    return null;
end
$$;

create trigger screening_run_deleted after delete on screening_run
    referencing old table as removed_runs for each statement execute function screening_run_kept();
create trigger screening_run_truncated before truncate on screening_run
    for each statement execute function screening_run_kept();
