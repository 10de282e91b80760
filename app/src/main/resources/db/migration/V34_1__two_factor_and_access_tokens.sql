-- Two-factor sign-in and personal access tokens (issue 11 item 16, MLPS 2.0 level 3 for privileged accounts).

-- An account's TOTP secret (RFC 6238). confirmed_at is null while enrolment waits for the first code; last_step is
-- the last 30-second time step a code was accepted for, so that no code is accepted twice (RFC 6238 section 5.2).
create table user_second_factor (
    user_id      bigint      primary key references app_user (id) on delete cascade,
    secret       text        not null,
    created_at   timestamptz not null default now(),
    confirmed_at timestamptz,
    last_step    bigint      not null default 0
);

-- One-time recovery codes, shown once at enrolment and kept hashed (bcrypt); each can be used once.
create table user_recovery_code (
    id        bigserial   primary key,
    user_id   bigint      not null references app_user (id) on delete cascade,
    code_hash text        not null,
    used_at   timestamptz
);
create index user_recovery_code_user on user_recovery_code (user_id) where used_at is null;

-- Personal access tokens for scripts: shown once, kept as their SHA-256 (a token is 256 random bits, so a fast hash
-- suffices and lets the sign-in find it), scoped to a region and permissions no wider than the owner's, expiring,
-- revocable.
create table personal_access_token (
    id           bigserial    primary key,
    user_id      bigint       not null references app_user (id) on delete cascade,
    name         varchar(64)  not null,
    token_hash   char(64)     not null unique,
    region_code  varchar(12)  not null references region (code),
    permissions  text[]       not null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index personal_access_token_user on personal_access_token (user_id, created_at desc);
