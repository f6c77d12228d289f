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

# Fail soft, but not forever.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

ITEM_PIPELINES = {
    "spiders.item_pipelines.ValidatePipeline": 300,
}
EXTENSIONS = {
    "spiders.extensions.StatsFileExtension": 500,
}
# Path of the JSON stats file written when the spider closes; unset: no file.
SKILLSIGNAL_STATS_FILE = None

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
