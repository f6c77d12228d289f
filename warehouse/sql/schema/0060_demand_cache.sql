-- 0060_demand_cache: the demand views' expensive part, stored by warehouse.compute_scores
-- (issue 7, scale). int_canonical_postings, int_canonical_posting_skills and int_skill_demand
-- read these tables only while demand_cache_state matches the fingerprint of their inputs
-- (int_demand_cache_state); otherwise they compute the same rows live. See
-- warehouse/SCORING.md.

-- demand_cache_postings: int_canonical_postings as of the last compute_scores, one row per
-- posting (open and closed) with its canonical posting and that posting's attributes.
create table demand_cache_postings (
    posting_key varchar not null,
    canonical_key uhugeint not null,
    canonical_id integer not null,
    content_hash varchar not null,
    is_canonical boolean not null,
    active boolean not null,
    source_name varchar,
    employer varchar,
    country varchar,
    location varchar,
    remote boolean,
    posted_date date,
    occupation_uri varchar,
    occupation_label varchar,
    isco_code varchar,
    occupation_confidence double
);

-- demand_cache_skills: int_canonical_posting_skills as of the last compute_scores, one row per
-- (canonical posting, skill) that counts as demand.
create table demand_cache_skills (
    canonical_id integer not null,
    skill_no integer not null
);

-- demand_cache_skill_demand: int_skill_demand in the default scope (every active canonical
-- posting, no filter) as of the last compute_scores, one row per skill in demand.
create table demand_cache_skill_demand (
    skill_id varchar not null,
    label varchar not null,
    postings bigint not null,
    share double not null,
    demand_rank bigint not null,
    total_postings bigint not null,
    share_low double,
    share_high double,
    recency_share double,
    previous_postings bigint,
    previous_share double,
    growth double,
    emerging boolean not null
);

-- demand_cache_state: one row per filled cache table; inputs_hash is the int_demand_inputs
-- fingerprint it was built from.
create table demand_cache_state (
    cache_table varchar primary key check (
        cache_table in (
            'demand_cache_postings', 'demand_cache_skills', 'demand_cache_skill_demand'
        )
    ),
    inputs_hash varchar not null,
    built_at timestamp not null
);
