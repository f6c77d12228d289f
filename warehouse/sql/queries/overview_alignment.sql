-- Scored active credentials for the run summary, best first (credentials without a coverage,
-- i.e. when nothing is demanded, are left out). Grain: one row per active credential.
-- Columns: title, coverage. Upstream: mart_credential_alignment.
select title, coverage
from mart_credential_alignment
where coverage is not null
order by coverage desc, title, credential_key;
