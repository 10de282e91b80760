-- Whether what a household received in a year goes on into the next (a spell without an end date, or one ending
-- later): recipients are written when civil-affairs records arrive, so a spell that simply runs on would otherwise
-- be missing from every year after the last batch. A daily task recomputes such households for the new year from
-- their records (safetynet.RecipientYears). Rows of the current year are marked so the first new year recomputes
-- them all.
alter table safety_net_recipient add column continues boolean not null default false;
update safety_net_recipient set continues = true where year = extract(year from current_date)::int;
