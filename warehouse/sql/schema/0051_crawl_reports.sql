-- 0051_crawl_reports: helpers of the crawl report view stg_crawl__reports (issue 5 item 6).

-- crawl_stat(stats, key): one number from a crawl_runs.stats object (Scrapy stats JSON), as
-- double; NULL when the key is absent. Keys hold slashes, so they are quoted in the path.
create macro crawl_stat(stats, stat_key) as
    cast(json_extract_string(stats, '$."' || stat_key || '"') as double);

-- crawl_stat_map(stats, prefix): the counters whose key starts with prefix, as a map from the
-- rest of the key to the count, e.g. prefix 'downloader/response_status_count/' ->
-- {'200': 41, '404': 1}.
create macro crawl_stat_map(stats, prefix) as
    map_from_entries(
        list_transform(
            list_sort(
                list_filter(json_keys(stats), lambda k: starts_with(k, prefix))
            ),
            lambda k: struct_pack(
                k := substr(k, length(prefix) + 1),
                v := cast(json_extract_string(stats, '$."' || k || '"') as bigint)
            )
        )
    );
