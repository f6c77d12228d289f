-- stg_classify__posting_occupations: one row per posting classified to an ESCO occupation
-- from its title (taxonomy.occupations), with the match confidence (0..1).
-- Upstream: table posting_occupations.
create or replace view stg_classify__posting_occupations as
with source as (
    select * from posting_occupations
),

renamed as (
    select
        posting_key,
        occupation_uri,
        isco_code,
        confidence as occupation_confidence,
        method as occupation_method
    from source
)

select * from renamed;
