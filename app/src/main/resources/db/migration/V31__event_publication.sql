-- Spring Modulith's event publication registry (JDBC, schema v2 of Spring Modulith 2.0): an event whose listeners
-- must run after a commit (a stored batch -> re-screening, a confirmed warning -> a case) is written here in the
-- publishing transaction, one row per listener, and deleted once that listener completed
-- (spring.modulith.events.completion-mode=delete). A row left over after a crash is run again on the next start
-- (platform.OutstandingEventsOnStart). Created here, not by the library's schema initialisation: Flyway migrations
-- are the only schema source.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
-- the registry finds a publication by its serialised event and listener when it marks it completed
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
