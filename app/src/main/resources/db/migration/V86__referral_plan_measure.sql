-- An employment measure of a household's support plan is carried out by a referral (issue 15 item 5): the referral
-- keeps the measure it carries out. No foreign key: casework owns plan_measure, and links it through employment's
-- API (Referrals.linkToMeasure), so the employment module never reads casework's tables. A measure has at most one
-- referral.
alter table referral add column plan_measure_id bigint;
create unique index referral_plan_measure on referral (plan_measure_id) where plan_measure_id is not null;
