-- Delete all mentions of the documents being replaced.
-- Upstream: _documents (registered Arrow table: doc_kind, doc_key, content_hash).
delete from skill_mentions
using _documents as d
where skill_mentions.doc_kind = d.doc_kind and skill_mentions.doc_key = d.doc_key;
