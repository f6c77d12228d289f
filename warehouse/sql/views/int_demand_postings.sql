-- int_demand_postings: one row per CANONICAL posting matching the scope filters of
-- stg_scoring__analysis (occupation, region, remote, employer, source), with its window flags.
-- No window (window_days = 0, no since): in_window = the canonical posting is active.
-- window_days = w: in_window = posted_date in (as_of - w, as_of], in_previous = the w days
-- before that. since = d: in_window = posted_date in [d, as_of], in_previous = as many days
-- before d. as_of defaults to the newest posted_date (never now(), so results reproduce).
-- recency_weight = 0.5 ^ (days before as_of / recency_half_life_days).
-- occupation matches the occupation URI, its label (any case) or an ISCO code prefix;
-- region matches the country code or part of the location; source a name or its prefix.
-- Upstream: int_canonical_postings, stg_scoring__analysis.
create or replace view int_demand_postings as
with canonical as (
    select * from int_canonical_postings where is_canonical
),

settings as (
    select * from stg_scoring__analysis
),

bounds as (
    select
        s.*,
        coalesce(s.as_of, (select max(posted_date) from canonical)) as as_of_date
    from settings as s
),

windows as (
    select
        *,
        case
            when since is not null then since
            when window_days > 0 then as_of_date - window_days + 1
        end as window_start,
        case
            when since is not null then cast(greatest(as_of_date - since + 1, 1) as integer)
            else window_days
        end as window_length
    from bounds
),

scoped as (
    select c.*, w.*
    from canonical as c
    cross join windows as w
    where
        (w.occupation is null
            or c.occupation_uri = w.occupation
            or lower(c.occupation_label) = lower(w.occupation)
            or starts_with(c.isco_code, w.occupation))
        and (w.region is null
            or upper(c.country) = upper(w.region)
            or c.location ilike '%' || w.region || '%')
        and (w.remote is null or c.remote = w.remote)
        and (w.employer is null or lower(c.employer) = lower(w.employer))
        and (w.source_name is null
            or c.source_name = w.source_name
            or starts_with(c.source_name, w.source_name || ':'))
),

final as (
    select
        canonical_key,
        canonical_id,
        posting_key,
        posted_date,
        as_of_date,
        case
            when window_start is null then active
            else posted_date between window_start and as_of_date
        end as in_window,
        coalesce(
            posted_date between window_start - window_length and window_start - 1, false
        ) as in_previous,
        posted_date <= as_of_date and posted_date >= coalesce(since, posted_date) as in_history,
        power(
            0.5, greatest(as_of_date - posted_date, 0) / recency_half_life_days
        ) as recency_weight
    from scoped
)

select * from final;
