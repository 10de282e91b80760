-- The 26 default screening rules (screening/rules.yaml, version 2026.1) as one PostgreSQL statement, written the way
-- a DBA would: one scan of the region's department records with FILTERed aggregates per household, window functions
-- where a rule keeps only the latest record per person or household, the facts from one aggregation each of persons
-- and incomes. Same semantics as the engine (org.bulwark.core.screening's package documentation): windows end at :t,
-- a missing value is 0 / '' / false, x / 0 = 0. Parameters (:line, …) and window starts are bound by the caller from
-- the rule file, so no figure lives here. Yields (household_id, id_number, rule_id, level): id_number for residents
-- the registry does not have.
--
-- The helper functions live in the session's pg_temp schema (the caller creates them), so the bench adds nothing to
-- the platform's schema: pg_temp.whole_years(from, to) (-1 when negative), pg_temp.valid_id(text) (GB 11643).
with
scoped as (
    select h.id, h.village_code, h.category
    from household h
    where h.village_code like :scope
),
members as (
    select p.household_id, count(*) as members, count(*) filter (where p.labour_capacity = 'ABLE') as able_bodied
    from person p join scoped s on s.id = p.household_id
    group by p.household_id
),
ranked_income as (
    select i.household_id, i.net_income, row_number() over (partition by i.household_id order by i.year desc) as n
    from household_income i join scoped s on s.id = i.household_id
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
-- one scan of the region's records of the categories the rules read, each field extracted once into a narrow typed
-- row (the documents stay behind): n1, n2 are the numbers, t1 the text, b1 the flag a category's rules read —
--   medical_settlement n1 out_of_pocket, n2 in_scope_out_of_pocket | disability_certificate n1 grade
--   student_aid n1 non_compulsory_cost, n2 amount | disaster_loss, agricultural_loss n1 loss_amount
--   microcredit n1 overdue_days | vehicle_registration n1 value, t1 vehicle_type
--   business_registration n1 registered_capital, t1 entity_type | real_estate t1 kind | taxable_income n1 amount
--   medical_enrolment b1 enrolled | school_status, employment_status t1 status
--   housing_safety t1 grade, b1 renovated (a flag kept as renovated_date: renovated once that date has come)
--   drinking_water t1 status, n1 days_interrupted
--   minimum_living_allowance, extreme_poverty_support b1 ended (a flag kept as end_date: ended once it has come)
--   industry_benefit n1 failed_projects, b1 a project that did not fail paid the least payment or less
rec as materialized (
    select r.id, r.category, r.household_id, r.person_id, r.id_number, r.village_code, r.record_date,
        case r.category
            when 'medical_settlement' then (r.doc->>'out_of_pocket')::numeric
            when 'disability_certificate' then (r.doc->>'grade')::numeric
            when 'student_aid' then (r.doc->>'non_compulsory_cost')::numeric
            when 'disaster_loss' then (r.doc->>'loss_amount')::numeric
            when 'agricultural_loss' then (r.doc->>'loss_amount')::numeric
            when 'microcredit' then (r.doc->>'overdue_days')::numeric
            when 'vehicle_registration' then (r.doc->>'value')::numeric
            when 'business_registration' then (r.doc->>'registered_capital')::numeric
            when 'taxable_income' then (r.doc->>'amount')::numeric
            when 'drinking_water' then (r.doc->>'days_interrupted')::numeric
            when 'industry_benefit' then (r.doc->>'failed_projects')::numeric
        end as n1,
        case r.category
            when 'medical_settlement' then (r.doc->>'in_scope_out_of_pocket')::numeric
            when 'student_aid' then (r.doc->>'amount')::numeric
        end as n2,
        case r.category
            when 'vehicle_registration' then r.doc->>'vehicle_type'
            when 'business_registration' then r.doc->>'entity_type'
            when 'real_estate' then r.doc->>'kind'
            when 'school_status' then r.doc->>'status'
            when 'employment_status' then r.doc->>'status'
            when 'housing_safety' then r.doc->>'grade'
            when 'drinking_water' then r.doc->>'status'
        end as t1,
        case r.category
            when 'medical_enrolment' then (r.doc->>'enrolled')::boolean
            when 'housing_safety' then coalesce((r.doc->>'renovated')::boolean,
                                                (r.doc->>'renovated_date')::date <= :t)
            when 'minimum_living_allowance' then coalesce((r.doc->>'ended')::boolean,
                                                          nullif(r.doc->>'end_date', '')::date <= :t)
            when 'extreme_poverty_support' then coalesce((r.doc->>'ended')::boolean,
                                                         nullif(r.doc->>'end_date', '')::date <= :t)
            when 'industry_benefit' then coalesce((r.doc->>'projects')::numeric, 0)
                                             > coalesce((r.doc->>'failed_projects')::numeric, 0)
                                         and coalesce((r.doc->>'least_received')::numeric, 0)
                                             <= :industry_least_payment
        end as b1
    -- the values are stored as text (V22): cast once a row, each ->> then reads the json as it read the column before
    from (select d.*, d.fields::json as doc from department_record d) r
    where r.region_code like :scope and r.record_date <= :t
      and r.category in ('medical_settlement', 'medical_enrolment', 'serious_illness', 'disability_certificate',
                         'school_status', 'student_aid', 'employment_status', 'housing_safety', 'drinking_water',
                         'disaster_loss', 'death_record', 'vehicle_registration', 'business_registration',
                         'real_estate', 'public_payroll', 'agricultural_loss', 'microcredit', 'temporary_assistance',
                         'taxable_income', 'minimum_living_allowance', 'extreme_poverty_support',
                         'industry_benefit')
),
-- features that need no "latest": one pass, grouped by household
plain as (
    select r.household_id,
        sum(coalesce(r.n1, 0))
            filter (where r.category = 'medical_settlement' and r.record_date >= :m12) as out_of_pocket,
        sum(coalesce(r.n2, 0))
            filter (where r.category = 'medical_settlement' and r.record_date >= :m12) as in_scope,
        count(*) filter (where r.category = 'serious_illness' and r.record_date >= :m12) as new_diagnoses,
        count(*) filter (where r.category = 'disability_certificate' and r.record_date >= :m12
            and coalesce(r.n1, 0) >= 1
            and coalesce(r.n1, 0) <= :disability_grade_max) as severe_certificates,
        sum(coalesce(r.n1, 0) - coalesce(r.n2, 0))
            filter (where r.category = 'student_aid' and r.record_date >= :school_year) as cost_after_aid,
        sum(coalesce(r.n1, 0))
            filter (where r.category = 'disaster_loss' and r.record_date >= :m12) as disaster_loss,
        count(*) filter (where r.category = 'death_record' and r.record_date >= :m12 and p.labour_capacity = 'ABLE'
            and pg_temp.whole_years(p.birth_date, :t) between 16 and 64) as main_labourer_deaths,
        sum(coalesce(r.n1, 0))
            filter (where r.category = 'agricultural_loss' and r.record_date >= :m12) as agricultural_loss,
        coalesce(max(coalesce(r.n1, 0))
            filter (where r.category = 'microcredit'), 0) as overdue_days,
        bool_or(true) filter (where r.category = 'temporary_assistance' and r.record_date >= :m12) as assisted_now,
        count(*) filter (where r.category = 'vehicle_registration'
            and coalesce(r.n1, 0) > :vehicle_value
            and coalesce(r.t1, '') not in ('farm_vehicle', 'work_vehicle')) as costly_vehicles,
        count(*) filter (where r.category = 'business_registration'
            and (r.t1 = 'company' or (r.t1 = 'individual_business'
                 and coalesce(r.n1, 0) > :business_capital))) as businesses,
        count(*) filter (where r.category = 'real_estate' and r.t1 = 'commercial') as commercial_housing,
        bool_or(true) filter (where r.category = 'public_payroll') as on_public_payroll,
        sum(coalesce(r.n1, 0))
            filter (where r.category = 'taxable_income' and r.record_date between :last_year_start and :last_year_end)
            as taxable_income,
        count(*) filter (where r.category = 'death_record' and r.person_id is not null) as deceased_members
    from rec r left join person p on p.id = r.person_id and r.category = 'death_record'
    where r.household_id is not null
      and r.category in ('medical_settlement', 'serious_illness', 'disability_certificate', 'student_aid',
                         'disaster_loss', 'death_record', 'agricultural_loss', 'microcredit', 'temporary_assistance',
                         'vehicle_registration', 'business_registration', 'real_estate', 'public_payroll',
                         'taxable_income')
    group by r.household_id
),
-- the person-keyed "latest" features: window first, then the latest record per person, then the condition
latest_person as (
    select r.household_id, r.category, r.t1, r.b1, r.record_date, r.person_id,
           row_number() over (partition by r.household_id, r.category, r.person_id
                              order by r.record_date desc, r.id desc) as n
    from rec r
    where r.household_id is not null and r.person_id is not null
      and ((r.category = 'medical_enrolment' and r.record_date >= :this_year)
        or (r.category = 'school_status' and r.record_date >= :school_year)
        or r.category = 'employment_status')
),
latest as (
    select l.household_id,
        count(*) filter (where l.category = 'medical_enrolment'
            and not coalesce(l.b1, false)) as not_enrolled,
        count(*) filter (where l.category = 'school_status' and l.t1 = 'dropped_out'
            and pg_temp.whole_years(p.birth_date, l.record_date) between :school_age_min and :school_age_max)
            as dropped_out,
        count(*) filter (where l.category = 'employment_status' and p.labour_capacity = 'ABLE'
            and l.t1 = 'unemployed'
            and pg_temp.months_before(l.record_date, :t) >= :unemployed_months) as long_unemployed
    from latest_person l join person p on p.id = l.person_id
    where l.n = 1
    group by l.household_id
),
-- housing appraisals: the household's latest appraisal decides
housing as (
    select household_id, bool_or(t1 in ('C', 'D') and not coalesce(b1, false)) as unsafe
    from (select r.household_id, r.t1, r.b1,
                 row_number() over (partition by r.household_id order by r.record_date desc, r.id desc) as n
          from rec r where r.category = 'housing_safety' and r.household_id is not null) x
    where n = 1
    group by household_id
),
-- drinking water: a record of a household, or of a whole village (then of each of its households)
water_entries as (
    select coalesce(r.household_id, v.id) as household_id, r.id, r.record_date, r.t1, r.n1
    from rec r left join scoped v on r.household_id is null and v.village_code = r.village_code
    where r.category = 'drinking_water' and r.record_date >= :m12
),
water as (
    select household_id,
        bool_or(n = 1 and t1 = 'unsafe') as unsafe,
        sum(coalesce(n1, 0)) as days_interrupted
    from (select w.*, row_number() over (partition by w.household_id order by w.record_date desc, w.id desc) as n
          from water_entries w where w.household_id is not null) x
    group by household_id
),
-- allowance and support spells (ALC-01/02): the latest spell of each person, or identity number, decides
spells as (
    select household_id,
        count(*) filter (where category = 'minimum_living_allowance' and not coalesce(b1, false))
            as allowance_recipients,
        count(*) filter (where category = 'extreme_poverty_support' and not coalesce(b1, false))
            as support_recipients
    from (select r.household_id, r.category, r.b1,
                 row_number() over (partition by r.household_id, r.category, coalesce(r.person_id::text, r.id_number)
                                    order by r.record_date desc, r.id desc) as n
          from rec r
          where r.household_id is not null
            and r.category in ('minimum_living_allowance', 'extreme_poverty_support')) x
    where n = 1
    group by household_id
),
-- industry benefit links (IND-02): this year's latest snapshot of the household decides
industry as (
    select household_id, coalesce(n1, 0) as failed_projects,
           coalesce(b1, false) and pg_temp.months_before(record_date, :t) >= :industry_unpaid_months as unpaid
    from (select r.household_id, r.n1, r.b1, r.record_date,
                 row_number() over (partition by r.household_id order by r.record_date desc, r.id desc) as n
          from rec r
          where r.category = 'industry_benefit' and r.household_id is not null and r.record_date >= :this_year) x
    where n = 1
),
f as (
    select h.*,
        coalesce(a.out_of_pocket, 0) as out_of_pocket, coalesce(a.in_scope, 0) as in_scope,
        coalesce(a.new_diagnoses, 0) as new_diagnoses, coalesce(a.severe_certificates, 0) as severe_certificates,
        coalesce(a.cost_after_aid, 0) as cost_after_aid, coalesce(a.disaster_loss, 0) as disaster_loss,
        coalesce(a.main_labourer_deaths, 0) as main_labourer_deaths,
        coalesce(a.agricultural_loss, 0) as agricultural_loss, coalesce(a.overdue_days, 0) as overdue_days,
        coalesce(a.assisted_now, false) as assisted_now, coalesce(a.costly_vehicles, 0) as costly_vehicles,
        coalesce(a.businesses, 0) as businesses, coalesce(a.commercial_housing, 0) as commercial_housing,
        coalesce(a.on_public_payroll, false) as on_public_payroll,
        coalesce(a.taxable_income, 0) as taxable_income, coalesce(a.deceased_members, 0) as deceased_members,
        coalesce(l.not_enrolled, 0) as not_enrolled, coalesce(l.dropped_out, 0) as dropped_out,
        coalesce(l.long_unemployed, 0) as long_unemployed, coalesce(ho.unsafe, false) as unsafe_housing,
        coalesce(w.unsafe, false) as water_unsafe, coalesce(w.days_interrupted, 0) as days_interrupted,
        coalesce(sp.allowance_recipients, 0) as allowance_recipients,
        coalesce(sp.support_recipients, 0) as support_recipients,
        coalesce(ind.failed_projects, 0) as failed_projects, coalesce(ind.unpaid, false) as unpaid_project,
        case when h.members = 0 then 0 else h.net / h.members end as per_capita,
        case when h.members = 0 then 0 else coalesce(a.taxable_income, 0) / h.members end as taxable_per_capita
    from hh h
    left join plain a on a.household_id = h.id
    left join latest l on l.household_id = h.id
    left join housing ho on ho.household_id = h.id
    left join water w on w.household_id = h.id
    left join spells sp on sp.household_id = h.id
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
-- residents the registry does not have: their own person-keyed records, as a household of one that is not assisted
unregistered as (
    select r.id, r.id_number, r.category, r.record_date, r.n1, r.n2, r.t1, r.b1,
           -- "latest" looks only inside the feature's window: this year's enrolment, this school year's status
           row_number() over (partition by r.id_number, r.category,
                                  case r.category when 'medical_enrolment' then r.record_date >= :this_year
                                                  when 'school_status' then r.record_date >= :school_year end
                              order by r.record_date desc, r.id desc) as n
    from rec r
    where r.household_id is null and r.person_id is null and r.id_number is not null
      and r.category in ('medical_settlement', 'serious_illness', 'medical_enrolment', 'disability_certificate',
                         'school_status', 'student_aid')
      and pg_temp.valid_id(r.id_number)
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
            and pg_temp.whole_years(to_date(substr(u.id_number, 7, 8), 'YYYYMMDD'), u.record_date)
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
