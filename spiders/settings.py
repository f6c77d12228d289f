"""Scrapy settings of the skillsignal project (`scrapy.cfg`: `default = spiders.settings`).

Every value can be overridden per run with `-s NAME=VALUE`. `REQUEST_FINGERPRINTER_CLASS`
and `TWISTED_REACTOR` are left at Scrapy's defaults on purpose.
"""

BOT_NAME = "skillsignal"
SPIDER_MODULES = ["spiders.sites"]
NEWSPIDER_MODULE = "spiders.sites"

# Identify honestly, obey robots.txt, and be gentle.
USER_AGENT = "skillsignal/0.1 (+https://github.com/skillsignal/skillsignal)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
COOKIES_ENABLED = False
# No consoles into an unattended crawler (the telnet one, and 2.19's remote-control HTTP one).
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Fail soft, but not forever: retries wait (exponential backoff, or the server's Retry-After
# on 429/503) in our BackoffRetryMiddleware, which takes the place of Scrapy's.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_BACKOFF_BASE = 1.0  # seconds before the first retry; doubles for each further one
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 300.0  # a longer Retry-After gives up instead of waiting
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
    "spiders.middlewares.OffsiteRedirectMiddleware": 610,  # sees 3xx before RedirectMiddleware
    # With `-a state_file=`: If-None-Match / If-Modified-Since for pages remembered last time.
    "spiders.incremental.ConditionalRequestMiddleware": 560,
}
# With `-a state_file=`: a 304 becomes `unchanged` records; the state file is rewritten.
SPIDER_MIDDLEWARES = {
    "spiders.incremental.IncrementalOutputMiddleware": 60,  # after HttpErrorMiddleware (50)
}
# The errbacks log a request that finally failed, with the source; Scrapy's own give-up line
# would be a second ERROR for the same failure.
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"
DOWNLOAD_TIMEOUT = 30
# A response over this size is refused (a 20 MB body is never a job list we want).
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
# Redirects are followed only within the spider's allowed_domains (OffsiteMiddleware).
REDIRECT_MAX_TIMES = 5

ITEM_PIPELINES = {
    "spiders.item_pipelines.ValidatePipeline": 300,
    "spiders.credential_checks.CredentialFieldsPipeline": 310,
    "spiders.item_pipelines.EnrichPipeline": 400,
}
# USAJOBS_API_KEY / USAJOBS_EMAIL: the usajobs spider reads them from settings, else from the
# environment variables of the same names. Never put them in this file.
EXTENSIONS = {
    "spiders.extensions.StatsFileExtension": 500,
}
# Path of the JSON stats file written when the spider closes; unset: no file.
SKILLSIGNAL_STATS_FILE = None

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
