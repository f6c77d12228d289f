-- Record one applied migration. Params: $name, $applied_at.
insert into _migrations (name, applied_at) values ($name, $applied_at);
