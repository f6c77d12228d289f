-- 0001_core: crawl-side tables. Upstream: spider JSONL (docs/architecture.md section 1),
-- written by warehouse.load. Rows are never deleted: closed postings keep active = false.

-- sources: one row per source name (e.g. greenhouse:stripe).
create table sources (
    name varchar primary key,
    kind varchar not null check (kind in ('posting', 'credential')),
    first_seen timestamp not null,
    last_seen timestamp not null
);

-- crawl_runs: one row per (run_id, source); complete = the crawl saw the whole source.
create table crawl_runs (
    run_id varchar not null,
    source varchar not null,
    started_at timestamp,
    finished_at timestamp,
    complete boolean not null,
    items integer,
    dropped integer,
    errors integer,
    stats json,
    primary key (run_id, source)
);

-- postings: one row per posting_key = sha256(source || 0x1f || source_id)[:16].
create table postings (
    posting_key varchar primary key,
    source varchar not null,
    source_id varchar not null,
    url varchar not null,
    title varchar not null,
    employer varchar,
    location varchar,
    country varchar,
    remote boolean,
    employment_type varchar,
    date_posted timestamp,
    valid_through timestamp,
    salary_min double,
    salary_max double,
    salary_currency varchar,
    salary_period varchar,
    language varchar,
    description varchar not null,
    content_hash varchar not null,
    first_seen timestamp not null,
    last_seen timestamp not null,
    closed_at timestamp,
    active boolean not null,
    unique (source, source_id)
);

-- credentials: one row per credential_key (same key rule as postings).
create table credentials (
    credential_key varchar primary key,
    source varchar not null,
    source_id varchar not null,
    provider varchar,
    kind varchar not null check (
        kind in (
            'course', 'specialization', 'professional_certificate', 'nanodegree',
            'badge', 'certificate', 'bootcamp', 'other'
        )
    ),
    title varchar not null,
    url varchar not null,
    description varchar not null,
    level varchar,
    hours double,
    price double,
    currency varchar,
    language varchar,
    content_hash varchar not null,
    first_seen timestamp not null,
    last_seen timestamp not null,
    closed_at timestamp,
    active boolean not null,
    unique (source, source_id)
);

-- credential_skills: one row per (credential_key, declared name); skill_id is NULL until
-- warehouse.load.link_credential_skills resolves the name, method says how it was resolved.
create table credential_skills (
    credential_key varchar not null,
    position integer not null,
    name varchar not null,
    skill_id varchar,
    method varchar,
    primary key (credential_key, name)
);
