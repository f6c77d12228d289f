-- 0010_taxonomy_crosswalk: source vocabularies (ESCO, Lightcast, O*NET, custom overlay), their
-- hierarchy and occupations, and the crosswalk onto canonical skills. Upstream: taxonomy package
-- tables (taxonomy.tables) via warehouse.taxonomy_store. Every import is a version and is kept:
-- a re-import with new content adds a version, never rewrites an old one.

-- taxonomy_imports: one row per imported source version (checksum unique per source).
create table taxonomy_imports (
    version_id varchar primary key,
    source varchar not null,
    release varchar not null,
    checksum varchar not null,
    imported_at timestamp not null,
    skill_count integer not null,
    problem_count integer not null,
    document varchar,
    unique (source, checksum)
);

-- taxonomy_source_skills: one row per skill of one imported version.
create table taxonomy_source_skills (
    version_id varchar not null,
    source varchar not null,
    source_id varchar not null,
    label varchar not null,
    alt_labels varchar[],
    description varchar,
    category varchar,
    subcategory varchar,
    skill_type varchar,
    primary key (version_id, source_id)
);

-- taxonomy_concepts: skill groups, occupations and ISCO groups of one imported version.
create table taxonomy_concepts (
    version_id varchar not null,
    concept_id varchar not null,
    kind varchar not null,
    label varchar not null,
    code varchar,
    alt_labels varchar[],
    description varchar,
    parent varchar,
    primary key (version_id, concept_id)
);

-- taxonomy_relations: broader / essential / optional / member links of one imported version.
create table taxonomy_relations (
    version_id varchar not null,
    child varchar not null,
    parent varchar not null,
    kind varchar not null
);

-- skill_canonical: one row per canonical skill of the current crosswalk.
create table skill_canonical (
    canonical_id varchar primary key,
    label varchar not null,
    source varchar not null
);

-- skill_crosswalk: one row per source skill (or overlay alias) of the current crosswalk.
create table skill_crosswalk (
    canonical_id varchar not null,
    source varchar not null,
    source_id varchar not null,
    label varchar not null,
    method varchar not null,
    score double not null,
    primary key (source, source_id)
);

-- skill_crosswalk_reviews: possible links left unmerged, for a person to decide.
create table skill_crosswalk_reviews (
    source varchar not null,
    source_id varchar not null,
    label varchar not null,
    candidate_id varchar not null,
    candidate_label varchar not null,
    method varchar not null,
    score double not null
);

-- crosswalk_builds: one row per crosswalk build; which source versions it merged.
create table crosswalk_builds (
    built_at timestamp not null,
    version_ids varchar[] not null,
    canonical_count integer not null,
    link_count integer not null,
    review_count integer not null
);
