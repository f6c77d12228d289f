-- 0040_demand_analysis: what the demand, alignment and stack views need (issue 7).
-- postings.dedupe_key: the crawl record's cross-board duplicate key (docs/architecture.md
-- section 1); canonical postings collapse on it. skill_mentions.section: the posting section a
-- mention sits in (requirements, responsibilities, nice_to_have, benefits, about,
-- equal_opportunity, how_to_apply, other; NULL = unknown); benefits, about, equal_opportunity
-- and how_to_apply mentions are not demand. posting_occupations: the ESCO occupation a
-- posting's title was classified to. analysis_settings: the named scoring constants
-- (warehouse/SCORING.md), one row.

alter table postings add column dedupe_key varchar;

alter table skill_mentions add column section varchar;

-- posting_occupations: one row per classified posting (warehouse.load_posting_occupations).
create table posting_occupations (
    posting_key varchar primary key,
    occupation_uri varchar not null,
    isco_code varchar,
    confidence double not null check (confidence between 0 and 1),
    method varchar not null
);

create table analysis_settings (
    id integer primary key check (id = 1),
    declared_weight double not null,
    extracted_weight double not null,
    narrower_credit double not null,
    max_hierarchy_depth integer not null,
    min_support integer not null,
    emerging_max_base_share double not null,
    emerging_min_growth double not null,
    recency_half_life_days double not null,
    wilson_z double not null
);

insert into analysis_settings values (1, 1.0, 0.7, 0.5, 2, 5, 0.05, 1.0, 30.0, 1.96);
