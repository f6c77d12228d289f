-- 0020_credential_catalogs: micro-credential catalogues (issue 6). Upstream: credential records
-- with issuer, duration, status, declared_skills and relations (docs/architecture.md section 1).
-- DuckDB cannot alter a CHECK constraint, so credentials is rebuilt with the new kinds; rows,
-- keys and content hashes are kept as they are.

create table credentials_0020 (
    credential_key varchar primary key,
    source varchar not null,
    source_id varchar not null,
    provider varchar,
    kind varchar not null check (
        kind in (
            'course', 'specialization', 'professional_certificate', 'nanodegree',
            'micromasters', 'badge', 'certificate', 'bootcamp', 'educator_microcredential',
            'other'
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
    issuer varchar,
    duration varchar,
    status varchar check (status in ('active', 'expired', 'revoked')),
    unique (source, source_id)
);

insert into credentials_0020 (
    credential_key, source, source_id, provider, kind, title, url, description, level, hours,
    price, currency, language, content_hash, first_seen, last_seen, closed_at, active
)
select
    credential_key, source, source_id, provider, kind, title, url, description, level, hours,
    price, currency, language, content_hash, first_seen, last_seen, closed_at, active
from credentials;

drop table credentials;

alter table credentials_0020 rename to credentials;

-- credential_skills: the alignment of a declared skill, as the provider gave it (framework
-- name, code in it, URL of the target), used to resolve it straight to a skill id.
alter table credential_skills add column framework varchar;

alter table credential_skills add column code varchar;

alter table credential_skills add column target_url varchar;

-- credential_relations: one row per (credential_key, relation_type, target_source_id): a stack
-- relation declared by the credential. target_key = key of (its source, target_source_id),
-- present in credentials only when the target was crawled too.
create table credential_relations (
    credential_key varchar not null,
    position integer not null,
    relation_type varchar not null check (
        relation_type in ('part_of', 'has_part', 'prerequisite')
    ),
    target_source_id varchar not null,
    target_key varchar not null,
    target_url varchar,
    primary key (credential_key, relation_type, target_source_id)
);
