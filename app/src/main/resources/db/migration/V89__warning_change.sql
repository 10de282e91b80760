-- A change counter of the warning table, so that the platform can keep the open warnings' keys in memory beside the
-- screening store and reconcile a run's hits there, sending PostgreSQL only the new warnings (issue 18 item 1).
-- Kept by a statement-level trigger as the screening inputs' counters are (V12): every statement that inserts,
-- updates, deletes or truncates warnings — a run, a verification, a test's clean-up — raises it in its own
-- transaction. A run reads it with FOR UPDATE before it compares, so that no other change to the warnings commits
-- between its comparison and its commit, and after its inserts, so that it knows the value its own change leaves.
-- The generation names this database: keys held for one database are never taken for another re-created with the
-- same counter.
create table warning_change (
    id         boolean primary key default true check (id),
    generation uuid    not null default gen_random_uuid(),
    changes    bigint  not null default 0
);
insert into warning_change default values;

create function warning_changed() returns trigger language plpgsql as $$
begin
    update warning_change set changes = changes + 1;
    return null;
end
$$;

create trigger warning_changed after insert or update or delete or truncate on warning
    for each statement execute function warning_changed();
