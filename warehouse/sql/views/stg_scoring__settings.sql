-- stg_scoring__settings: one row of scoring parameters. top_n = size of the demanded set D;
-- the session variable skillsignal_top_n (SET VARIABLE; reports' top_n parameter) overrides
-- the stored value for one connection.
-- Upstream: table scoring_settings.
create or replace view stg_scoring__settings as
with source as (
    select * from scoring_settings
),

renamed as (
    select
        coalesce(try_cast(getvariable('skillsignal_top_n') as integer), top_n) as top_n,
        updated_at
    from source
)

select * from renamed;
