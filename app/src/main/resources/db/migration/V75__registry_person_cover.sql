-- The registry publishes what the safety net's region counts of the three guarantees read of its persons: birth
-- date, schooling and the basic medical insurance flag (issue 16, item 3). Still never health, disability,
-- employment or phone.
create view registry_person_cover as
    select id, household_id, birth_date, schooling, medical_insured from person;
