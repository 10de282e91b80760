-- Dashboards: the years with income records are read with a loose index scan (one probe per year, whatever the
-- number of records), and a year's incomes are found without reading the others.
create index household_income_year on household_income (year);
