"""Scrapy settings: polite by default.

robots.txt obeyed, an identifying user agent with a contact URL, AutoThrottle on top of a 1 s base
delay, at most 2 concurrent requests per host (the download slot is the host:port origin), retries
with exponential backoff on timeouts, connection errors, 5xx and 429 (Retry-After honoured, capped),
10 MB size limit. `NO_POLITENESS` lists what `--no-politeness` changes (benchmarks against local
mirrors only): throttling and delays off, more concurrency. robots.txt stays obeyed either way.
"""

BOT_NAME = "khaosan"
SPIDER_MODULES = ["crawlers.spiders"]
USER_AGENT = "Khaosan/0.1 (+https://github.com/khaosan/khaosan; press-release research)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
# Scrapy spawns this many asyncio workers per callback output; ours yield a few requests, not items.
CONCURRENT_ITEMS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # ±50 %
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 408, 522, 524]
KHAOSAN_RETRY_BACKOFF_BASE_S = 2.0  # wait base * 2**attempt before retrying (no Retry-After)
KHAOSAN_RETRY_BACKOFF_MAX_S = 60.0
KHAOSAN_RETRY_AFTER_MAX_S = 120.0  # a longer Retry-After is capped to this

REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # no listening control port in a crawl child
LOG_LEVEL = "INFO"
DEPTH_LIMIT = 0

DOWNLOADER_MIDDLEWARES = {
    # host-only offsite filtering ignores ports; ours compares scheme+host+port and records drops
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawlers.middlewares.OriginGuardMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawlers.middlewares.BackoffRetryMiddleware": 550,
    "crawlers.middlewares.SourceTrafficMiddleware": 990,
}

NO_POLITENESS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0.0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}
