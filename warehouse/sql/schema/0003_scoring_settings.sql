-- 0003_scoring_settings: one-row table of scoring parameters read by the views.
-- top_n = size of the demanded skill set D (see warehouse/SCORING.md); set by compute_scores().
create table scoring_settings (
    id integer primary key check (id = 1),
    top_n integer not null check (top_n > 0),
    updated_at timestamp
);

insert into scoring_settings (id, top_n, updated_at) values (1, 50, null);
