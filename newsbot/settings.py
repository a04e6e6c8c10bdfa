"""Scrapy settings for newsbot: polite by default, quiet under cron, bounded for hostile pages.

Every value can be overridden per run with `newsbot crawl -s NAME=VALUE` (as `scrapy crawl -s`).
"""

from __future__ import annotations

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"

USER_AGENT = "newsbot/0.1 (+https://github.com/newsbot-archive/newsbot; news archiving for research)"
ROBOTSTXT_OBEY = True

# Politeness: few requests per site at once, and AutoThrottle backs off when a site slows down.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DEPTH_LIMIT = 3
DEPTH_PRIORITY = 1  # breadth-first: home and section pages before deep archives

# Bounded for news pages: Scrapy's default limit is 1 GB *after* decompression, which lets a
# decompression bomb or a multi-GB page take the machine. No news article is 10 MB of HTML.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 10
# Status codes we want to see in callbacks to record them (the rest are logged by an errback).
HTTPERROR_ALLOWED_CODES = [304]

# Nobody should be able to drive a cron job from the side: no telnet console, no remote control.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# A callback yields one page item and a few requests. Scrapy starts CONCURRENT_ITEMS asyncio tasks
# for every callback's output; the default (100) made that bookkeeping a sixth of the crawl
# process's CPU. Parallelism across pages is untouched: each response has its own workers.
CONCURRENT_ITEMS = 8

# Scrapy's check for a generator callback that returns a value reads and parses the callback's source
# on every response (its cache is keyed by the bound method, a new object each time): 0.6-1.7 ms a
# response in the crawl's one busy process, and pages lost when newsbot is upgraded under a running
# crawl (the source on disk no longer matches). Our callbacks are tested; the check is not needed.
WARN_ON_GENERATOR_RETURN_VALUE = False

COOKIES_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

SPIDER_MIDDLEWARES = {
    "newsbot.middlewares.ArchivedFilterMiddleware": 950,
}
EXTENSIONS = {
    "newsbot.progress.TerminalProgress": 500,
}
DOWNLOADER_MIDDLEWARES = {
    "newsbot.middlewares.RedirectedToArchivedMiddleware": 50,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newsbot.middlewares.MetaRefreshMiddleware": 580,  # Scrapy's, in its place
    "newsbot.middlewares.ConditionalRequestMiddleware": 560,
    "newsbot.middlewares.RedirectLoopMiddleware": 650,  # sees 3xx responses before RedirectMiddleware (600)
}

ITEM_PIPELINES = {
    "pipelines.scrapy_pipelines.ExtractPipeline": 300,
    "pipelines.scrapy_pipelines.StorePipeline": 800,
}

# newsbot's own settings (documented in README.md):
NEWSBOT_DB = None  # archive path; None means $NEWSBOT_DB or ./news.db
NEWSBOT_WORKERS = 0  # extraction processes; 0 means one per CPU core
NEWSBOT_MAX_PAGES = 1000  # per source per run, unless the source sets max_pages
NEWSBOT_STORE_BATCH = 50  # stories per SQLite transaction
NEWSBOT_PAGE_TIMEOUT = 20.0  # seconds one page may take to extract before its worker is replaced
