-- stg_scoring__analysis: one row: the named scoring constants (table analysis_settings, see
-- warehouse/SCORING.md) and the analysis scope of this connection, read from DuckDB session
-- variables that warehouse.scope sets for one query (NULL = no filter):
-- skillsignal_as_of (date), skillsignal_window_days (0 = current active postings),
-- skillsignal_since (date), skillsignal_occupation, skillsignal_region, skillsignal_remote,
-- skillsignal_employer, skillsignal_source. default_scope = none of them is set (the scope
-- whose demand compute_scores stores).
-- Upstream: table analysis_settings.
create or replace view stg_scoring__analysis as
with source as (
    select * from analysis_settings
),

renamed as (
    select
        declared_weight,
        extracted_weight,
        narrower_credit,
        max_hierarchy_depth,
        min_support,
        emerging_max_base_share,
        emerging_min_growth,
        recency_half_life_days,
        wilson_z,
        try_cast(getvariable('skillsignal_as_of') as date) as as_of,
        coalesce(try_cast(getvariable('skillsignal_window_days') as integer), 0) as window_days,
        try_cast(getvariable('skillsignal_since') as date) as since,
        nullif(cast(getvariable('skillsignal_occupation') as varchar), '') as occupation,
        nullif(cast(getvariable('skillsignal_region') as varchar), '') as region,
        try_cast(getvariable('skillsignal_remote') as boolean) as remote,
        nullif(cast(getvariable('skillsignal_employer') as varchar), '') as employer,
        nullif(cast(getvariable('skillsignal_source') as varchar), '') as source_name,
        coalesce(
            getvariable('skillsignal_as_of') is null
            and getvariable('skillsignal_window_days') is null
            and getvariable('skillsignal_since') is null
            and getvariable('skillsignal_occupation') is null
            and getvariable('skillsignal_region') is null
            and getvariable('skillsignal_remote') is null
            and getvariable('skillsignal_employer') is null
            and getvariable('skillsignal_source') is null,
            false
        ) as default_scope
    from source
)

select * from renamed;
