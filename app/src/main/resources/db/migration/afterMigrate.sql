-- Runs after every migration (Flyway's afterMigrate callback): every table of the schema, including those added by
-- later migrations, marks the transactions that change it for the dashboards' figures (V87) — except the tables
-- that signing in, auditing, event bookkeeping and the counters themselves (V87, V89) write, which no figure counts.
do $$
declare
    t record;
begin
    for t in
        select c.oid::regclass as name
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema()
          and c.relkind in ('r', 'p')
          and c.relname not in ('flyway_schema_history', 'figure_data_version', 'figure_data_pending', 'audit_log',
                                'app_user', 'user_second_factor', 'user_recovery_code', 'personal_access_token',
                                'event_publication', 'event_publication_archive', 'warning_change')
          and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'figure_data_changed')
    loop
        execute format('create trigger figure_data_changed after insert or update or delete or truncate on %s '
                       'for each statement execute function figure_data_changed()', t.name);
    end loop;
end
$$;
