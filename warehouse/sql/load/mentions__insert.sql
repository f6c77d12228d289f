-- Insert extracted mentions. Params: $extracted_at.
-- Upstream: _mentions (registered Arrow table, schema warehouse.mentions.MENTIONS_SCHEMA).
insert into skill_mentions (
    doc_kind, doc_key, skill_id, start_char, end_char, surface, method, confidence,
    taxonomy_version, content_hash, extracted_at, section
)
select
    doc_kind, doc_key, skill_id, start_char, end_char, surface, method, confidence,
    taxonomy_version, content_hash, $extracted_at, section
from _mentions;
