-- Delete the stored classification of the postings in _occupations (they are re-classified).
-- Upstream: _occupations (registered Arrow table, warehouse.occupations.OCCUPATIONS_SCHEMA).
delete from posting_occupations
where posting_key in (select posting_key from _occupations);
