-- Active documents to run skill extraction on: text = title || '\n' || description.
-- Grain: one row per (doc_kind, doc_key). Params: $version_id (current vocabulary),
-- $extractor (the extraction pipeline's id, or null), $all_documents (true = every active
-- document, false = only those not yet extracted with their current content_hash, this
-- vocabulary and this extractor). Upstream: postings, credentials, extractions.
with documents as (
    select
        'posting' as doc_kind,
        posting_key as doc_key,
        content_hash,
        title || chr(10) || description as text
    from postings
    where active
    union all
    select
        'credential' as doc_kind,
        credential_key as doc_key,
        content_hash,
        title || chr(10) || description as text
    from credentials
    where active
),

final as (
    select d.doc_kind, d.doc_key, d.content_hash, d.text
    from documents as d
    where
        $all_documents
        or not exists (
            select 1
            from extractions as e
            where
                e.doc_kind = d.doc_kind
                and e.doc_key = d.doc_key
                and e.content_hash = d.content_hash
                and e.taxonomy_version = $version_id
                and e.extractor is not distinct from $extractor
        )
)

select * from final
order by doc_kind, doc_key;
