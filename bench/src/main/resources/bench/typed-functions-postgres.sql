-- Helpers of typed-rules.sql for PostgreSQL, created in the bench's own schema bench_typed (dropped with it); the same
-- as functions.sql, which default-rules.sql reads from pg_temp, and born_on.
-- whole_years: the engine's age, y2 - y1 - ((m2, d2) < (m1, d1) ? 1 : 0), -1 when unknown or negative.
create or replace function bench_typed.whole_years(born date, on_day date) returns int
language sql immutable parallel safe as $$
    select case when born is null then -1 else greatest(-1,
        (date_part('year', on_day) - date_part('year', born))::int
        - case when (date_part('month', on_day), date_part('day', on_day))
                    < (date_part('month', born), date_part('day', born)) then 1 else 0 end) end
$$;
-- months_before: (yT*12 + mT) - (y*12 + m) - (dT < d ? 1 : 0)
create or replace function bench_typed.months_before(day date, as_of date) returns int
language sql immutable parallel safe as $$
    select ((date_part('year', as_of) * 12 + date_part('month', as_of))
            - (date_part('year', day) * 12 + date_part('month', day)))::int
           - case when date_part('day', as_of) < date_part('day', day) then 1 else 0 end
$$;
-- valid_id: an 18-character identity number as GB 11643 and the platform accept it (check character, a mainland
-- province, a real birth date from 1900)
create or replace function bench_typed.valid_id(n text) returns boolean
language plpgsql immutable parallel safe as $$
declare
    weights int[] := array[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    total int := 0;
    y int;
    m int;
    d int;
begin
    if n is null or n !~ '^[0-9]{17}[0-9X]$' then
        return false;
    end if;
    for i in 1..17 loop
        total := total + substr(n, i, 1)::int * weights[i];
    end loop;
    if substr('10X98765432', total % 11 + 1, 1) <> substr(n, 18, 1)
       or substr(n, 1, 2)::int not between 11 and 91 then
        return false;
    end if;
    y := substr(n, 7, 4)::int;
    m := substr(n, 11, 2)::int;
    d := substr(n, 13, 2)::int;
    return y >= 1900 and m between 1 and 12 and d >= 1
        and d <= date_part('day', make_date(y, m, 1) + interval '1 month' - interval '1 day');
end
$$;
-- born_on: the birth date an identity number states (digits 7-14); only for numbers valid_id accepts
create or replace function bench_typed.born_on(n text) returns date
language sql immutable parallel safe as $$
    select to_date(substr(n, 7, 8), 'YYYYMMDD')
$$;
