-- What a module publishes of its tables for other modules' SQL. Each module owns its tables (TableOwnershipTest has
-- the map); another module that needs the owner's rows inside its own statement (a join, a scope filter, a bulk copy)
-- reads these views instead, so the owner may change its tables as long as it keeps its views. They are simple
-- views: PostgreSQL plans a statement over one exactly as over the table, with the same indexes.

-- The registry's households and, of its persons, what others read: never health, disability, employment or phone.
create view registry_household as
    select id, household_number, village_code, category from household;
create view registry_person as
    select id, household_id, id_number, name, relation, birth_date, labour_capacity from person;

-- Income: each household's net income of each year.
create view income_net_income as
    select household_id, year, net_income from household_income;

-- Regions are public facts: their names and the hierarchy.
create view region_name as
    select code, name, parent_code from region;
