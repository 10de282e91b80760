-- Department records by id: the screening store reads the records added since the last id it holds, and counts them;
-- the parts of V10 had no index on id, so each of those reads scanned every part.
create index department_record_id on department_record (id);
