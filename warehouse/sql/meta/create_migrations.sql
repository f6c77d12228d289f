-- _migrations: one row per applied schema migration (sql/schema/NNNN_name.sql).
-- Grain: migration name. Upstream: none. Written by warehouse.migrate.apply_migrations.
create table if not exists _migrations (
    name varchar primary key,
    applied_at timestamp not null
);
