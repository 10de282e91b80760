-- Monitoring periods (issue 14, item 11). A household whose risk was eliminated and then returned is identified again
-- by a new case; its helper, plan and visits of the first period must not read as those of the second. Each
-- assignment, measure and visit now names the identification case that opened its period, so that pages and checks
-- scope by the period rather than by the household. Null only for rows of a household that never had one.
alter table helper_assignment add column case_id bigint references support_case (id);
alter table plan_measure add column case_id bigint references support_case (id);
alter table visit add column case_id bigint references support_case (id);

-- Rows stored before: the latest identification case discovered on or before the row's date, else the first one.
update helper_assignment a set case_id = coalesce(
    (select max(c.id) from support_case c
     where c.household_id = a.household_id and c.kind = 'IDENTIFICATION' and c.discovered_on <= a.starts_on),
    (select min(c.id) from support_case c where c.household_id = a.household_id and c.kind = 'IDENTIFICATION'));
update plan_measure m set case_id = coalesce(
    (select max(c.id) from support_case c
     where c.household_id = m.household_id and c.kind = 'IDENTIFICATION' and c.discovered_on <= m.starts_on),
    (select min(c.id) from support_case c where c.household_id = m.household_id and c.kind = 'IDENTIFICATION'));
update visit v set case_id = coalesce(
    (select max(c.id) from support_case c
     where c.household_id = v.household_id and c.kind = 'IDENTIFICATION' and c.discovered_on <= v.visited_on),
    (select min(c.id) from support_case c where c.household_id = v.household_id and c.kind = 'IDENTIFICATION'));

create index helper_assignment_case on helper_assignment (case_id);
create index plan_measure_case on plan_measure (case_id);
create index visit_case on visit (case_id);

-- An assignment left open from an earlier period ends where the household's latest identification began, as opening
-- a new identification case now does, so that it does not read as the new period's helper.
update helper_assignment a set ends_on = greatest(a.starts_on, c.discovered_on)
from support_case c
where a.ends_on is null and c.household_id = a.household_id and c.kind = 'IDENTIFICATION'
  and c.id = (select max(p.id) from support_case p where p.household_id = a.household_id and p.kind = 'IDENTIFICATION')
  and a.case_id is distinct from c.id;
