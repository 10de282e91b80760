-- A counter of committed transactions that changed data the dashboards count, so that their figures are kept until
-- such a change and not merely until the next write of any kind: the write position of the database (what the
-- figures were keyed by before) moves with every sign-in's audit entry, so the first dashboard after each sign-in
-- computed every figure again.
--
-- A statement that changes a counted table marks its transaction (one row per transaction, no lock shared with other
-- transactions); at commit, a deferred trigger raises the counter once and removes the mark. The counter's row is
-- therefore locked only while a transaction commits, and the raised value becomes visible together with the data:
-- a reader that sees the counter at n sees every change counted up to n.
--
-- Which tables are counted is decided after every migration (afterMigrate.sql): all of them except those written by
-- signing in, auditing and the platform's own bookkeeping.
create table figure_data_version (
    id      boolean primary key default true check (id),
    changes bigint  not null default 0
);
insert into figure_data_version default values;

create table figure_data_pending (
    xid bigint primary key
);

create function figure_data_changed() returns trigger language plpgsql as $$
begin
    insert into figure_data_pending (xid) values (txid_current()) on conflict do nothing;
    return null;
end
$$;

create function figure_data_committing() returns trigger language plpgsql as $$
begin
    update figure_data_version set changes = changes + 1;
    delete from figure_data_pending where xid = new.xid;
    return null;
end
$$;

create constraint trigger figure_data_committing after insert on figure_data_pending
    deferrable initially deferred for each row execute function figure_data_committing();
