-- The 26 default screening rules (screening/rules.yaml, version 2026.1) over typed columns: the same semantics as
-- default-rules.sql, which reads each record's JSON text, but over the bench's typed copy of the inputs (schema
-- bench_typed, TypedInputs): one table per category the rules read, with only the fields they read as typed columns,
-- and the registry's columns they read. Each feature reads its own category's table and groups by household; the
-- households take them by left joins. One text for both peers, PostgreSQL and DuckDB: only the helper functions differ
-- (typed-functions-postgres.sql, typed-functions-duckdb.sql, created in bench_typed by the bench).
-- Windows end at :t, a missing value is 0 / '' / false, x / 0 = 0. Parameters (:line, …) and window starts are bound by
-- the caller from the rule file, so no figure lives here. Yields (household_id, id_number, rule_id, level): id_number
-- for residents the registry does not have.
with
scoped as (
    select h.id, h.village_code, h.category
    from bench_typed.household h
    where h.village_code like :scope
),
members as (
    select p.household_id, count(*) as members, count(*) filter (where p.labour_capacity = 'ABLE') as able_bodied
    from bench_typed.person p join scoped s on s.id = p.household_id
    group by p.household_id
),
ranked_income as (
    select i.household_id, i.net_income, row_number() over (partition by i.household_id order by i.year desc) as n
    from bench_typed.household_income i join scoped s on s.id = i.household_id
    where i.year <= :year
),
income as (
    select household_id, max(net_income) filter (where n = 1) as net, max(net_income) filter (where n = 2) as previous
    from ranked_income where n <= 2 group by household_id
),
hh as (
    select s.id, s.village_code, s.category, s.category <> 'ORDINARY' as assisted,
           coalesce(m.members, 0) as members, coalesce(m.able_bodied, 0) as able_bodied,
           coalesce(i.net, 0) as net, coalesce(i.previous, 0) as previous
    from scoped s left join members m on m.household_id = s.id left join income i on i.household_id = s.id
),
-- MED-01, MED-02
medical as (
    select household_id, sum(coalesce(out_of_pocket, 0)) as out_of_pocket,
           sum(coalesce(in_scope_out_of_pocket, 0)) as in_scope
    from bench_typed.medical_settlement
    where household_id is not null and record_date >= :m12 and record_date <= :t
    group by household_id
),
-- MED-03
illness as (
    select household_id, count(*) as new_diagnoses
    from bench_typed.serious_illness
    where household_id is not null and record_date >= :m12 and record_date <= :t
    group by household_id
),
-- DIS-01
disability as (
    select household_id, count(*) as severe_certificates
    from bench_typed.disability_certificate
    where household_id is not null and record_date >= :m12 and record_date <= :t
      and coalesce(grade, 0) >= 1 and coalesce(grade, 0) <= :disability_grade_max
    group by household_id
),
-- EDU-02
aid as (
    select household_id, sum(coalesce(non_compulsory_cost, 0) - coalesce(amount, 0)) as cost_after_aid
    from bench_typed.student_aid
    where household_id is not null and record_date >= :school_year and record_date <= :t
    group by household_id
),
-- DSR-01
disaster as (
    select household_id, sum(coalesce(loss_amount, 0)) as disaster_loss
    from bench_typed.disaster_loss
    where household_id is not null and record_date >= :m12 and record_date <= :t
    group by household_id
),
-- ACC-01, VER-06
deaths as (
    select r.household_id,
        count(*) filter (where r.record_date >= :m12 and p.labour_capacity = 'ABLE'
            and bench_typed.whole_years(p.birth_date, :t) between 16 and 64) as main_labourer_deaths,
        count(*) filter (where r.person_id is not null) as deceased_members
    from bench_typed.death_record r left join bench_typed.person p on p.id = r.person_id
    where r.household_id is not null and r.record_date <= :t
    group by r.household_id
),
-- IND-01
agricultural as (
    select household_id, sum(coalesce(loss_amount, 0)) as agricultural_loss
    from bench_typed.agricultural_loss
    where household_id is not null and record_date >= :m12 and record_date <= :t
    group by household_id
),
-- CRD-01
credit as (
    select household_id, max(coalesce(overdue_days, 0)) as overdue_days
    from bench_typed.microcredit
    where household_id is not null and record_date <= :t
    group by household_id
),
-- AST-01
temp_assistance as (
    select household_id, true as assisted_now
    from bench_typed.temporary_assistance
    where household_id is not null and record_date >= :m12 and record_date <= :t
    group by household_id
),
-- VER-01
vehicles as (
    select household_id, count(*) as costly_vehicles
    from bench_typed.vehicle_registration
    where household_id is not null and record_date <= :t
      and coalesce(value, 0) > :vehicle_value and coalesce(vehicle_type, '') not in ('farm_vehicle', 'work_vehicle')
    group by household_id
),
-- VER-02
businesses as (
    select household_id, count(*) as businesses
    from bench_typed.business_registration
    where household_id is not null and record_date <= :t
      and (entity_type = 'company'
           or (entity_type = 'individual_business' and coalesce(registered_capital, 0) > :business_capital))
    group by household_id
),
-- VER-03
estate as (
    select household_id, count(*) as commercial_housing
    from bench_typed.real_estate
    where household_id is not null and record_date <= :t and kind = 'commercial'
    group by household_id
),
-- VER-04
payroll as (
    select household_id, true as on_public_payroll
    from bench_typed.public_payroll
    where household_id is not null and record_date <= :t
    group by household_id
),
-- VER-05
taxable as (
    select household_id, sum(coalesce(amount, 0)) as taxable_income
    from bench_typed.taxable_income
    where household_id is not null and record_date >= :last_year_start and record_date <= :last_year_end
      and record_date <= :t
    group by household_id
),
-- MED-04: this year's latest enrolment record of each member
enrolment as (
    select x.household_id, count(*) filter (where not coalesce(x.enrolled, false)) as not_enrolled
    from (select r.household_id, r.person_id, r.enrolled,
                 row_number() over (partition by r.household_id, r.person_id
                                    order by r.record_date desc, r.id desc) as n
          from bench_typed.medical_enrolment r
          where r.household_id is not null and r.person_id is not null
            and r.record_date >= :this_year and r.record_date <= :t) x
    join bench_typed.person p on p.id = x.person_id
    where x.n = 1
    group by x.household_id
),
-- EDU-01: this school year's latest status of each member
schooling as (
    select x.household_id, count(*) filter (where x.status = 'dropped_out'
            and bench_typed.whole_years(p.birth_date, x.record_date) between :school_age_min and :school_age_max)
            as dropped_out
    from (select r.household_id, r.person_id, r.status, r.record_date,
                 row_number() over (partition by r.household_id, r.person_id
                                    order by r.record_date desc, r.id desc) as n
          from bench_typed.school_status r
          where r.household_id is not null and r.person_id is not null
            and r.record_date >= :school_year and r.record_date <= :t) x
    join bench_typed.person p on p.id = x.person_id
    where x.n = 1
    group by x.household_id
),
-- EMP-01: the latest employment status of each member
employment as (
    select x.household_id, count(*) filter (where p.labour_capacity = 'ABLE' and x.status = 'unemployed'
            and bench_typed.months_before(x.record_date, :t) >= :unemployed_months) as long_unemployed
    from (select r.household_id, r.person_id, r.status, r.record_date,
                 row_number() over (partition by r.household_id, r.person_id
                                    order by r.record_date desc, r.id desc) as n
          from bench_typed.employment_status r
          where r.household_id is not null and r.person_id is not null and r.record_date <= :t) x
    join bench_typed.person p on p.id = x.person_id
    where x.n = 1
    group by x.household_id
),
-- HOU-01: the household's latest appraisal decides; renovated is a flag kept as a date
housing as (
    select household_id,
           bool_or(grade in ('C', 'D') and not coalesce(renovated, renovated_date <= :t, false)) as unsafe
    from (select r.household_id, r.grade, r.renovated, r.renovated_date,
                 row_number() over (partition by r.household_id order by r.record_date desc, r.id desc) as n
          from bench_typed.housing_safety r
          where r.household_id is not null and r.record_date <= :t) x
    where n = 1
    group by household_id
),
-- WAT-01: a record of a household, or of a whole village (then of each of its households)
-- (two parts, so that no engine joins a household's record to its whole village before it filters)
water_entries as (
    select r.household_id, r.id, r.record_date, r.status, r.days_interrupted
    from bench_typed.drinking_water r
    where r.household_id is not null and r.record_date >= :m12 and r.record_date <= :t
    union all
    select v.id, r.id, r.record_date, r.status, r.days_interrupted
    from bench_typed.drinking_water r join scoped v on v.village_code = r.village_code
    where r.household_id is null and r.record_date >= :m12 and r.record_date <= :t
),
water as (
    select household_id,
        bool_or(n = 1 and status = 'unsafe') as unsafe,
        sum(coalesce(days_interrupted, 0)) as days_interrupted
    from (select w.*, row_number() over (partition by w.household_id order by w.record_date desc, w.id desc) as n
          from water_entries w) x
    group by household_id
),
-- ALC-01/02: the latest spell of each person, or identity number, decides; ended is a flag kept as a date
allowance as (
    select household_id, count(*) filter (where not coalesce(ended, end_date <= :t, false)) as allowance_recipients
    from (select r.household_id, r.ended, r.end_date,
                 row_number() over (partition by r.household_id, coalesce(cast(r.person_id as varchar), r.id_number)
                                    order by r.record_date desc, r.id desc) as n
          from bench_typed.minimum_living_allowance r
          where r.household_id is not null and r.record_date <= :t) x
    where n = 1
    group by household_id
),
support as (
    select household_id, count(*) filter (where not coalesce(ended, end_date <= :t, false)) as support_recipients
    from (select r.household_id, r.ended, r.end_date,
                 row_number() over (partition by r.household_id, coalesce(cast(r.person_id as varchar), r.id_number)
                                    order by r.record_date desc, r.id desc) as n
          from bench_typed.extreme_poverty_support r
          where r.household_id is not null and r.record_date <= :t) x
    where n = 1
    group by household_id
),
-- IND-02: this year's latest snapshot of the household decides
industry as (
    select household_id, coalesce(failed_projects, 0) as failed_projects,
           coalesce(projects, 0) > coalesce(failed_projects, 0)
               and coalesce(least_received, 0) <= :industry_least_payment
               and bench_typed.months_before(record_date, :t) >= :industry_unpaid_months as unpaid
    from (select r.household_id, r.projects, r.failed_projects, r.least_received, r.record_date,
                 row_number() over (partition by r.household_id order by r.record_date desc, r.id desc) as n
          from bench_typed.industry_benefit r
          where r.household_id is not null and r.record_date >= :this_year and r.record_date <= :t) x
    where n = 1
),
f as (
    select h.*,
        coalesce(me.out_of_pocket, 0) as out_of_pocket, coalesce(me.in_scope, 0) as in_scope,
        coalesce(il.new_diagnoses, 0) as new_diagnoses, coalesce(di.severe_certificates, 0) as severe_certificates,
        coalesce(ai.cost_after_aid, 0) as cost_after_aid, coalesce(ds.disaster_loss, 0) as disaster_loss,
        coalesce(de.main_labourer_deaths, 0) as main_labourer_deaths,
        coalesce(ag.agricultural_loss, 0) as agricultural_loss, coalesce(cr.overdue_days, 0) as overdue_days,
        coalesce(tm.assisted_now, false) as assisted_now, coalesce(ve.costly_vehicles, 0) as costly_vehicles,
        coalesce(bu.businesses, 0) as businesses, coalesce(es.commercial_housing, 0) as commercial_housing,
        coalesce(pa.on_public_payroll, false) as on_public_payroll,
        coalesce(tx.taxable_income, 0) as taxable_income, coalesce(de.deceased_members, 0) as deceased_members,
        coalesce(en.not_enrolled, 0) as not_enrolled, coalesce(sc.dropped_out, 0) as dropped_out,
        coalesce(em.long_unemployed, 0) as long_unemployed, coalesce(ho.unsafe, false) as unsafe_housing,
        coalesce(w.unsafe, false) as water_unsafe, coalesce(w.days_interrupted, 0) as days_interrupted,
        coalesce(al.allowance_recipients, 0) as allowance_recipients,
        coalesce(su.support_recipients, 0) as support_recipients,
        coalesce(ind.failed_projects, 0) as failed_projects, coalesce(ind.unpaid, false) as unpaid_project,
        case when h.members = 0 then 0 else h.net / h.members end as per_capita,
        case when h.members = 0 then 0 else coalesce(tx.taxable_income, 0) / h.members end as taxable_per_capita
    from hh h
    left join medical me on me.household_id = h.id
    left join illness il on il.household_id = h.id
    left join disability di on di.household_id = h.id
    left join aid ai on ai.household_id = h.id
    left join disaster ds on ds.household_id = h.id
    left join deaths de on de.household_id = h.id
    left join agricultural ag on ag.household_id = h.id
    left join credit cr on cr.household_id = h.id
    left join temp_assistance tm on tm.household_id = h.id
    left join vehicles ve on ve.household_id = h.id
    left join businesses bu on bu.household_id = h.id
    left join estate es on es.household_id = h.id
    left join payroll pa on pa.household_id = h.id
    left join taxable tx on tx.household_id = h.id
    left join enrolment en on en.household_id = h.id
    left join schooling sc on sc.household_id = h.id
    left join employment em on em.household_id = h.id
    left join housing ho on ho.household_id = h.id
    left join water w on w.household_id = h.id
    left join allowance al on al.household_id = h.id
    left join support su on su.household_id = h.id
    left join industry ind on ind.household_id = h.id
),
registered_hits as (
    select f.id as household_id, cast(null as varchar) as id_number, hit.rule_id, hit.level
    from f cross join lateral (values
        ('INC-01', f.per_capita < :line, case when f.per_capita < :red_share_of_line * :line then 'RED' else 'ORANGE' end),
        ('INC-02', f.previous > 0 and f.previous - f.net >= :income_drop * f.previous
                   and f.per_capita < :income_ceiling_factor * :line, 'YELLOW'),
        ('MED-01', f.out_of_pocket >= case when f.assisted then :med_threshold_low else :med_threshold_high end, 'ORANGE'),
        ('MED-02', f.in_scope > 0 and f.in_scope > :med_income_share * f.net, 'RED'),
        ('MED-03', f.new_diagnoses > 0, 'YELLOW'),
        ('MED-04', f.not_enrolled > 0, 'ORANGE'),
        ('DIS-01', f.severe_certificates > 0, 'ORANGE'),
        ('EDU-01', f.dropped_out > 0, 'RED'),
        ('EDU-02', f.cost_after_aid > :schooling_cost, 'YELLOW'),
        ('DSR-01', f.disaster_loss > 0 and (f.disaster_loss >= :disaster_loss
                   or f.disaster_loss >= :disaster_income_share * f.net), 'RED'),
        ('ACC-01', f.main_labourer_deaths > 0, 'RED'),
        ('EMP-01', f.able_bodied > 0 and f.long_unemployed >= f.able_bodied, 'ORANGE'),
        ('HOU-01', f.unsafe_housing, 'RED'),
        ('WAT-01', f.water_unsafe or f.days_interrupted > :water_interrupted_days, 'ORANGE'),
        ('IND-01', f.agricultural_loss > 0 and f.agricultural_loss >= :agricultural_income_share * f.net, 'YELLOW'),
        ('IND-02', f.failed_projects > 0 or f.unpaid_project, 'YELLOW'),
        ('CRD-01', f.overdue_days > :overdue_days, 'YELLOW'),
        ('AST-01', f.assisted_now and f.category <> 'MONITORED', 'YELLOW'),
        ('ALC-01', f.assisted and f.net <> 0 and f.per_capita < :allowance_standard
                   and f.allowance_recipients = 0 and f.support_recipients = 0, 'ORANGE'),
        ('VER-01', f.assisted and f.costly_vehicles > 0, 'ORANGE'),
        ('VER-02', f.assisted and f.businesses > 0, 'ORANGE'),
        ('VER-03', f.assisted and f.commercial_housing > 0, 'ORANGE'),
        ('VER-04', f.assisted and f.on_public_payroll, 'RED'),
        ('VER-05', f.assisted and f.taxable_per_capita > :taxable_income_factor * :line, 'ORANGE'),
        ('ALC-02', f.allowance_recipients > 0
                   and f.per_capita >= :allowance_excess_factor * :allowance_standard, 'ORANGE'),
        ('VER-06', f.deceased_members > 0, 'YELLOW')
    ) as hit(rule_id, holds, level)
    where hit.holds
),
-- residents the registry does not have: their own person-keyed records, as a household of one that is not assisted;
-- the six categories' rows narrowed to n1, n2 (numbers), t1 (text), b1 (flag)
unmatched as (
    select id, id_number, 'medical_settlement' as category, record_date, out_of_pocket as n1,
           cast(null as numeric) as n2, cast(null as varchar) as t1, cast(null as boolean) as b1
    from bench_typed.medical_settlement where household_id is null and person_id is null and id_number is not null
    union all
    select id, id_number, 'serious_illness', record_date, null, null, null, null
    from bench_typed.serious_illness where household_id is null and person_id is null and id_number is not null
    union all
    select id, id_number, 'medical_enrolment', record_date, null, null, null, enrolled
    from bench_typed.medical_enrolment where household_id is null and person_id is null and id_number is not null
    union all
    select id, id_number, 'disability_certificate', record_date, grade, null, null, null
    from bench_typed.disability_certificate where household_id is null and person_id is null and id_number is not null
    union all
    select id, id_number, 'school_status', record_date, null, null, status, null
    from bench_typed.school_status where household_id is null and person_id is null and id_number is not null
    union all
    select id, id_number, 'student_aid', record_date, non_compulsory_cost, amount, null, null
    from bench_typed.student_aid where household_id is null and person_id is null and id_number is not null
),
unregistered as (
    select u.id, u.id_number, u.category, u.record_date, u.n1, u.n2, u.t1, u.b1,
           -- "latest" looks only inside the feature's window: this year's enrolment, this school year's status
           row_number() over (partition by u.id_number, u.category,
                                  case u.category when 'medical_enrolment' then u.record_date >= :this_year
                                                  when 'school_status' then u.record_date >= :school_year end
                              order by u.record_date desc, u.id desc) as n
    from unmatched u
    where u.record_date <= :t and bench_typed.valid_id(u.id_number)
),
person_features as (
    select u.id_number,
        coalesce(sum(coalesce(u.n1, 0))
            filter (where u.category = 'medical_settlement' and u.record_date >= :m12), 0) as out_of_pocket,
        count(*) filter (where u.category = 'serious_illness' and u.record_date >= :m12) as new_diagnoses,
        count(*) filter (where u.category = 'medical_enrolment' and u.record_date >= :this_year and u.n = 1
            and not coalesce(u.b1, false)) as not_enrolled,
        count(*) filter (where u.category = 'disability_certificate' and u.record_date >= :m12
            and coalesce(u.n1, 0) >= 1
            and coalesce(u.n1, 0) <= :disability_grade_max) as severe_certificates,
        count(*) filter (where u.category = 'school_status' and u.record_date >= :school_year and u.n = 1
            and u.t1 = 'dropped_out'
            and bench_typed.whole_years(bench_typed.born_on(u.id_number), u.record_date)
                between :school_age_min and :school_age_max) as dropped_out,
        coalesce(sum(coalesce(u.n1, 0) - coalesce(u.n2, 0))
            filter (where u.category = 'student_aid' and u.record_date >= :school_year), 0) as cost_after_aid
    from unregistered u
    group by u.id_number
),
unregistered_hits as (
    select cast(null as bigint) as household_id, pf.id_number, hit.rule_id, hit.level
    from person_features pf cross join lateral (values
        ('MED-01', pf.out_of_pocket >= :med_threshold_high, 'ORANGE'),
        ('MED-03', pf.new_diagnoses > 0, 'YELLOW'),
        ('MED-04', pf.not_enrolled > 0, 'ORANGE'),
        ('DIS-01', pf.severe_certificates > 0, 'ORANGE'),
        ('EDU-01', pf.dropped_out > 0, 'RED'),
        ('EDU-02', pf.cost_after_aid > :schooling_cost, 'YELLOW')
    ) as hit(rule_id, holds, level)
    where hit.holds
)
select household_id, id_number, rule_id, level from registered_hits
union all
select household_id, id_number, rule_id, level from unregistered_hits
