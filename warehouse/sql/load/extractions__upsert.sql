-- Record which content, vocabulary and extractor each replaced document was extracted with.
-- Params: $version_id, $extractor, $extracted_at. Upstream: _documents, _mentions.
insert or replace into extractions (
    doc_kind, doc_key, content_hash, taxonomy_version, extracted_at, mentions, extractor
)
select
    d.doc_kind, d.doc_key, d.content_hash, $version_id, $extracted_at,
    count(m.skill_id)::integer as mentions,
    $extractor as extractor
from _documents as d
left join _mentions as m on d.doc_kind = m.doc_kind and d.doc_key = m.doc_key
group by d.doc_kind, d.doc_key, d.content_hash;
