-- Insert posting -> occupation classifications; rows without an occupation are skipped.
-- Upstream: _occupations (registered Arrow table, warehouse.occupations.OCCUPATIONS_SCHEMA).
insert into posting_occupations (posting_key, occupation_uri, isco_code, confidence, method)
select posting_key, occupation_uri, isco_code, confidence, method
from _occupations
where occupation_uri is not null;
