-- 0002_taxonomy: the skill vocabulary and extracted mentions. Upstream: taxonomy package tables
-- (docs/architecture.md section 2) via warehouse.skills.load_taxonomy, mentions via
-- warehouse.mentions.replace_mentions. The warehouse holds one current vocabulary.

-- taxonomy_versions: one row per imported vocabulary (checksum unique); one row is_current.
create table taxonomy_versions (
    version_id varchar primary key,
    source varchar not null,
    version varchar not null,
    attribution varchar,
    checksum varchar not null unique,
    imported_at timestamp not null,
    is_current boolean not null
);

-- skills: one row per skill of the current vocabulary.
create table skills (
    skill_id varchar primary key,
    preferred_label varchar not null,
    description varchar,
    skill_type varchar,
    source varchar not null,
    taxonomy_version varchar not null
);

-- skill_labels: one row per (skill_id, label, label_kind) of the current vocabulary.
create table skill_labels (
    skill_id varchar not null,
    label varchar not null,
    label_kind varchar not null,
    primary key (skill_id, label, label_kind)
);

-- skill_mentions: one row per skill span found in a document's title + "\n" + description.
-- content_hash is the document's hash at extraction time; stale rows are ignored by the views.
create table skill_mentions (
    doc_kind varchar not null check (doc_kind in ('posting', 'credential')),
    doc_key varchar not null,
    skill_id varchar not null,
    start_char integer not null,
    end_char integer not null,
    surface varchar not null,
    method varchar not null,
    confidence double,
    taxonomy_version varchar not null,
    content_hash varchar not null,
    extracted_at timestamp not null
);

-- extractions: one row per document; which content and vocabulary its mentions come from.
-- Lets a document with zero mentions count as extracted (see documents_for_extraction).
create table extractions (
    doc_kind varchar not null,
    doc_key varchar not null,
    content_hash varchar not null,
    taxonomy_version varchar not null,
    extracted_at timestamp not null,
    mentions integer not null,
    primary key (doc_kind, doc_key)
);
