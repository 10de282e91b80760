-- Records about a whole village (drinking water checks without a household), so that re-screening a few households
-- finds their villages' records by index: without it PostgreSQL walks every record of those villages.
create index department_record_village_wide on department_record (village_code)
    where household_id is null and id_number is null;
