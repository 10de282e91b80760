-- User administration (the users page): when each account last signed in, when its password was last set, and
-- whether the holder must choose a new one before anything else (after an administrator set or reset it, or when
-- it is older than the configured maximum age).
alter table app_user add column last_sign_in_at      timestamptz;
alter table app_user add column password_changed_at  timestamptz not null default now();
alter table app_user add column must_change_password boolean     not null default false;

-- the users page lists an administrator's subtree by region and role
create index app_user_region on app_user (region_code varchar_pattern_ops, username);
