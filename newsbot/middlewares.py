"""Two small middlewares that make re-runs cheap.

ArchivedFilterMiddleware (spider middleware): an article URL the archive already holds is not
requested again (unless it is due for a re-check), and each source gets at most `max_pages`
article fetches per run. scrapy-deltafetch does this job elsewhere but does not run on current
Scrapy; this one reads the archive itself, so the archive stays the single source of truth.

RedirectLoopMiddleware (downloader middleware) names redirect loops, which Scrapy drops silently.

RedirectedToArchivedMiddleware (downloader middleware): a link that redirects (an old URL, a short
link) is only known for what it is once fetched; when the redirect target is a story we hold, the
target is not fetched again, and the link is recorded as leading to it, so the next run skips it.

MetaRefreshMiddleware (downloader middleware): Scrapy's, without decoding every page to find the
<meta http-equiv="refresh"> that hardly any page has.

ConditionalRequestMiddleware (downloader middleware): feeds and sitemaps are fetched with
If-None-Match / If-Modified-Since from the previous run, so an unchanged one costs a 304.
Validators are saved only when a run finishes: a killed run must not leave a validator whose
articles were never fetched.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import AsyncIterator
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefresh
from scrapy.http import HtmlResponse, Response
from w3lib.encoding import resolve_encoding

from archive.db import Archive
from newsbot.failures import AlreadyArchived, RedirectLoop
from newsbot.spiders.news import KIND, RECHECK, SOURCE


class ArchivedFilterMiddleware:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.archive = Archive(crawler.settings.get("NEWSBOT_DB"))
        self.default_max_pages = crawler.settings.getint("NEWSBOT_MAX_PAGES", 1000)
        self.per_source: Counter[str] = Counter()
        crawler.signals.connect(self.archive.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivedFilterMiddleware:
        return cls(crawler)

    def _max_pages(self, source_name: str) -> int:
        spider = self.crawler.spider
        source = getattr(spider, "_by_name", {}).get(source_name)
        return (source.max_pages if source and source.max_pages else None) or self.default_max_pages

    def _wanted(self, request: Any) -> bool:
        if not isinstance(request, Request) or request.meta.get(KIND) != "article":
            return True
        stats = self.crawler.stats
        if not request.meta.get(RECHECK) and self.archive.known_url(request.url):
            stats.inc_value("newsbot/already_archived")
            return False
        source = request.meta.get(SOURCE, "")
        if self.per_source[source] >= self._max_pages(source):
            stats.inc_value("newsbot/over_max_pages")
            return False
        self.per_source[source] += 1
        return True

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item_or_request in start:
            if self._wanted(item_or_request):
                yield item_or_request

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for item_or_request in result:
            if self._wanted(item_or_request):
                yield item_or_request


class RedirectedToArchivedMiddleware:
    def __init__(self, crawler: Crawler):
        self.archive = Archive(crawler.settings.get("NEWSBOT_DB"))
        crawler.signals.connect(self.archive.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectedToArchivedMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        redirected_from = request.meta.get("redirect_urls")
        if not redirected_from or request.meta.get(KIND) != "article" or request.meta.get(RECHECK):
            return None
        article_url = self.archive.known_url(request.url)
        if article_url:
            raise AlreadyArchived(article_url, tuple(redirected_from))
        return None


class RedirectLoopMiddleware:
    """Name a redirect loop as such. Left to Scrapy, the looping request is silently dropped as a
    duplicate, and the URL would never show up in fetch_log."""

    def process_response(self, request: Request, response: Response) -> Response:
        if 300 <= response.status < 400 and b"Location" in response.headers:
            target = urljoin(request.url, response.headers[b"Location"].decode("latin-1"))
            chain = [*request.meta.get("redirect_urls", []), request.url]
            if target in chain:
                raise RedirectLoop(f"{request.url} redirects back to {target}")
        return response


# Encodings in which each ASCII letter of the text is its own byte, no byte is dropped between two
# characters and no character takes more than 4 bytes: a word the start of the bytes does not spell
# is not in the start of the text. (Not UTF-16, UTF-7 or ISO-2022, which are decoded to be sure.)
_ASCII_BASED = frozenset(
    codecs.lookup(name).name
    for name in (
        "ascii", "utf-8", "latin-1", "iso8859-2", "iso8859-5", "iso8859-7", "iso8859-9", "iso8859-15",
        "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
        "cp874", "koi8-r", "koi8-u", "mac-roman", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949",
        "gbk", "gb2312", "gb18030", "big5", "cp950", "big5hkscs",
    )
)  # fmt: skip
_REFRESH_SCAN = 4 * 4096 + 4  # Scrapy reads a refresh in the first 4,096 characters (+ a BOM)


@lru_cache(maxsize=64)
def _ascii_based(encoding: str) -> bool:
    try:
        return all(codecs.lookup(e).name in _ASCII_BASED for e in (encoding, resolve_encoding(encoding)))
    except (LookupError, TypeError):
        return False


class MetaRefreshMiddleware(ScrapyMetaRefresh):
    """Scrapy decodes the whole of every HTML page (response.text) to look for a refresh in its
    first 4,096 characters; a page whose first bytes do not say 'refresh' in an ASCII-based
    encoding has none, and goes on undecoded. Any other page is Scrapy's to judge."""

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if (
            isinstance(response, HtmlResponse)
            and _ascii_based(response.encoding)
            and b"refresh" not in response.body[:_REFRESH_SCAN].lower()
        ):
            return response
        return super().process_response(request, response)


class ConditionalRequestMiddleware:
    KINDS = ("feed", "sitemap")

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.db_path = crawler.settings.get("NEWSBOT_DB")
        self.archive = Archive(self.db_path)
        self.fresh: dict[str, tuple[str | None, str | None]] = {}
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if request.meta.get(KIND) not in self.KINDS:
            return None
        validators = self.archive.validators(request.url)
        if validators:
            if validators["etag"]:
                request.headers.setdefault(b"If-None-Match", validators["etag"])
            if validators["last_modified"]:
                request.headers.setdefault(b"If-Modified-Since", validators["last_modified"])
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get(KIND) in self.KINDS:
            if response.status == 304:
                self.crawler.stats.inc_value("newsbot/not_modified")
            elif response.status == 200:
                etag = response.headers.get(b"ETag")
                modified = response.headers.get(b"Last-Modified")
                if etag or modified:
                    self.fresh[request.url] = (
                        etag.decode("latin-1") if etag else None,
                        modified.decode("latin-1") if modified else None,
                    )
        return response

    def spider_closed(self, reason: str) -> None:
        if reason == "finished":
            with self.archive.transaction():
                for url, (etag, modified) in self.fresh.items():
                    self.archive.save_validators(url, etag, modified)
        self.archive.close()
