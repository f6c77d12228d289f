-- Stack relations between active credentials: (credential_key, relation_type, target_key) where
-- both ends are crawled and active. Grain: one row per relation.
-- Upstream: stg_crawl__credential_relations, stg_crawl__credentials.
select r.credential_key, r.relation_type, r.target_key
from stg_crawl__credential_relations as r
inner join stg_crawl__credentials as a on r.credential_key = a.credential_key and a.active
inner join stg_crawl__credentials as b on r.target_key = b.credential_key and b.active
order by r.credential_key, r.relation_type, r.target_key;
