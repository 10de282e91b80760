-- Helpers of typed-rules.sql for DuckDB, as macros in the bench's schema bench_typed: the same definitions as
-- typed-functions-postgres.sql (see there). One statement a line group, separated by semicolons.
-- whole_years: y2 - y1 - ((m2, d2) < (m1, d1) ? 1 : 0), -1 when unknown or negative
create macro bench_typed.whole_years(born, on_day) as
    case when born is null then -1 else greatest(-1,
        (year(on_day) - year(born))
        - case when month(on_day) < month(born) or (month(on_day) = month(born) and day(on_day) < day(born))
               then 1 else 0 end) end;
-- months_before: (yT*12 + mT) - (y*12 + m) - (dT < d ? 1 : 0)
create macro bench_typed.months_before(d, as_of) as
    (year(as_of) * 12 + month(as_of)) - (year(d) * 12 + month(d)) - case when day(as_of) < day(d) then 1 else 0 end;
-- valid_id: check character (GB 11643), a mainland province, a real birth date from 1900
create macro bench_typed.valid_id(n) as
    n is not null and regexp_full_match(n, '[0-9]{17}[0-9X]')
    and substr('10X98765432', cast(list_sum([try_cast(substr(n, i, 1) as int)
            * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i] for i in range(1, 18)]) % 11 + 1 as bigint), 1)
        = substr(n, 18, 1)
    and try_cast(substr(n, 1, 2) as int) between 11 and 91
    and try_cast(substr(n, 7, 4) as int) >= 1900
    and try_strptime(substr(n, 7, 8), '%Y%m%d') is not null;
-- born_on: the birth date an identity number states (digits 7-14); only for numbers valid_id accepts
create macro bench_typed.born_on(n) as cast(try_strptime(substr(n, 7, 8), '%Y%m%d') as date);
