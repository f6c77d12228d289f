-- int_demand_inputs: one row: inputs_hash, a fingerprint of every input of the rows
-- compute_scores stores (int_canonical_postings, int_canonical_posting_skills and the
-- default-scope int_skill_demand): the postings (the description through content_hash and its
-- length), near-duplicates, occupations and their labels, the posting mentions, the current
-- vocabulary and the scoring constants. Each part is a row count and an order-independent sum
-- of row hashes. compute_scores stores it in demand_cache_state with the rows;
-- int_demand_cache_state compares the two.
-- Upstream: stg_crawl__postings, stg_dedupe__posting_duplicates,
-- stg_classify__posting_occupations, int_taxonomy_concepts, stg_extract__skill_mentions,
-- stg_taxonomy__versions, stg_taxonomy__skills, table analysis_settings.
create or replace view int_demand_inputs as
with postings as (
    select * from stg_crawl__postings
),

duplicates as (
    select * from stg_dedupe__posting_duplicates
),

occupations as (
    select * from stg_classify__posting_occupations
),

concepts as (
    select * from int_taxonomy_concepts
),

mentions as (
    select * from stg_extract__skill_mentions where doc_kind = 'posting'
),

versions as (
    select * from stg_taxonomy__versions
),

skills as (
    select * from stg_taxonomy__skills
),

constants as (
    select * from analysis_settings
),

parts as (
    select 'postings' as part, count(*) as row_count, sum(hash(
        posting_key, source_name, title, employer, location, country, remote, posted_at,
        first_seen, strlen(description), dedupe_key, content_hash, active
    )::hugeint) as row_hash
    from postings
    union all
    select 'duplicates', count(*), sum(hash(posting_key, canonical_key)::hugeint)
    from duplicates
    union all
    select 'occupations', count(*), sum(hash(
        posting_key, occupation_uri, isco_code, occupation_confidence
    )::hugeint)
    from occupations
    union all
    select 'concepts', count(*), sum(hash(concept_id, label)::hugeint)
    from concepts
    union all
    select 'mentions', count(*), sum(hash(
        doc_key, skill_id, section, taxonomy_version, content_hash
    )::hugeint)
    from mentions
    union all
    select 'versions', count(*), sum(hash(version_id, is_current)::hugeint)
    from versions
    union all
    select 'skills', count(*), sum(hash(skill_id, label)::hugeint)
    from skills
    union all
    select 'constants', count(*), sum(hash(
        min_support, emerging_max_base_share, emerging_min_growth, recency_half_life_days,
        wilson_z
    )::hugeint)
    from constants
),

final as (
    select md5(string_agg(
        part || ':' || row_count || ':' || coalesce(row_hash, 0), ' ' order by part
    )) as inputs_hash
    from parts
)

select * from final;
