-- Issue 5: the household file's trail shows the deletions of what belonged to the household (a member, an income
-- record): those objects are gone, so their entries are found by the household id of the deleted object's
-- before-image. Only deletions are indexed: they are few.
create index audit_log_deleted_of_household on audit_log ((before ->> 'householdId')) where action = 'DELETE';
