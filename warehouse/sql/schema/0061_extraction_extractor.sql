-- 0061_extraction_extractor: which extraction pipeline each document's mentions come from.
-- A document is extracted again when its recorded extractor differs from the current one (a new
-- release's model or code, another overlay or threshold), not only on a new content_hash or
-- vocabulary. Rows from before this migration have none, so they are extracted once more.
alter table extractions add column extractor varchar;
