-- Forget the previous detection (posting_duplicates is rebuilt whole). Upstream: none.
delete from posting_duplicates;
