"""The one spider: discovers article URLs on each source and fetches them.

Per source it reads robots.txt (for `Sitemap:` lines), the home page (feeds announced with
<link rel="alternate">, links to sections and articles), the configured feeds, sitemaps and
section fronts, plus /sitemap.xml; and re-checks recent stories that are due. What an article
*is* is decided later, by extraction; here we only decide what to fetch.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from archive.db import Archive
from newsbot.discovery import (
    Entry,
    is_fetchable_page,
    page_links,
    parse_feed,
    parse_sitemap,
    robots_sitemaps,
)
from newsbot.failures import AlreadyArchived, describe_failure
from newsbot.items import FetchedPage
from newsbot.sources import Source, load_sources
from pipelines.classify import looks_like_listing  # one rule, shared with extraction
from pipelines.urls import clean_url

# Request.meta keys
SOURCE, KIND, ENTRY, DISCOVERY, RECHECK = (
    "newsbot_source",
    "newsbot_kind",
    "newsbot_entry",
    "newsbot_discovery",
    "newsbot_recheck",
)


class NewsSpider(Spider):
    name = "news"

    def __init__(self, sources: Iterable[Source] | str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        # `scrapy crawl news -a sources=FILE` passes a path; `newsbot crawl` passes Source objects.
        self.sources: list[Source] = (
            load_sources(sources or "sources.toml") if isinstance(sources, str | None) else list(sources)
        )
        self._by_name = {s.name: s for s in self.sources}
        self._asked: set[str] = set()  # article and listing URLs requested in this run
        self._followed: dict[str, set[str]] = {}  # per source: links of fetched pages already decided

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.depth_limit = crawler.settings.getint("DEPTH_LIMIT", 3)
        spider.db_path = crawler.settings.get("NEWSBOT_DB")
        return spider

    # --- requests ---

    def _request(self, url: str, source: Source, kind: str, callback: Any, **meta: Any) -> Request:
        return Request(
            url,
            callback=callback,
            errback=self.fetch_failed,
            meta={SOURCE: source.name, KIND: kind, **meta},
            priority={"robots": 30, "feed": 20, "sitemap": 20, "listing": 10}.get(kind, 0),
        )

    def article_request(
        self, url: str, source: Source, entry: Entry | None = None, **meta: Any
    ) -> Request | None:
        url = clean_url(url)
        if url in self._asked and not meta.get(RECHECK):
            # Every article links to the same related stories, tags and sections: build no second
            # Request for a URL (the dupefilter would drop it, but only after it had been counted
            # against the source's max_pages and looked up in the archive).
            return None
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not _same_site(parts.netloc, source.netloc):
            return None
        if not is_fetchable_page(url) or not source.allows(url):
            return None
        self._asked.add(url)
        return self._request(url, source, "article", self.parse_article, **{ENTRY: entry, **meta})

    async def start(self) -> AsyncIterator[Request]:
        due = self._due_rechecks()
        for source in self.sources:
            for request in self._start_requests(source, due.get(source.name, [])):
                yield request

    def _start_requests(self, source: Source, due: list[str]) -> Iterator[Request]:
        yield self._request(
            urljoin(source.url, "/robots.txt"), source, "robots", self.parse_robots, **{DISCOVERY: True}
        )
        yield self._request(source.url, source, "listing", self.parse_listing)
        for feed in source.feeds:
            yield self._request(feed, source, "feed", self.parse_feed)
        for sitemap in source.sitemaps:
            yield self._request(sitemap, source, "sitemap", self.parse_sitemap)
        if not source.sitemaps:
            yield self._request(
                urljoin(source.url, "/sitemap.xml"),
                source,
                "sitemap",
                self.parse_sitemap,
                **{DISCOVERY: True},
            )
        for section in source.sections:
            yield self._request(section, source, "listing", self.parse_listing)
        for url in due:
            request = self.article_request(url, source, **{RECHECK: True})
            if request:
                yield request.replace(dont_filter=True)

    def _due_rechecks(self) -> dict[str, list[str]]:
        due: dict[str, list[str]] = {}
        with Archive(self.db_path) as archive:
            for url, source in archive.due_for_recheck():
                if source in self._by_name:
                    due.setdefault(source, []).append(url)
        return due

    # --- callbacks ---

    def source_of(self, response: Response | Request) -> Source:
        return self._by_name[response.meta[SOURCE]]

    def parse_robots(self, response: Response) -> Iterator[Request]:
        source = self.source_of(response)
        for url in robots_sitemaps(response.body, response.url):
            yield self._request(url, source, "sitemap", self.parse_sitemap)

    def parse_listing(self, response: Response) -> Iterator[Request | FetchedPage]:
        source = self.source_of(response)
        yield FetchedPage(
            url=response.url,
            source=source.name,
            http_status=response.status,
            skip_reason="not-article:listing",
        )
        if _is_html(response):
            yield from self.follow_links(response, source, feeds=True)

    def follow_links(self, response: Response, source: Source, *, feeds: bool) -> Iterator[Request]:
        """Same-site links: listing pages to read further, article pages to fetch, within the depth limit."""
        if response.meta.get("depth", 0) >= self.depth_limit:
            return
        found_feeds, links = page_links(response.body, response.url)
        for feed in found_feeds if feeds else ():
            if _same_site(urlsplit(feed).netloc, source.netloc):
                yield self._request(feed, source, "feed", self.parse_feed)
        followed = self._followed.setdefault(source.name, set())
        for link in links:
            # Every page of a site links to the same sections and stories: a link decided once
            # (requested, or refused by a rule that will refuse it again) costs nothing more.
            if link in followed:
                continue
            followed.add(link)
            url = clean_url(link)
            if url in self._asked or not source.allows(url):
                continue  # what both kinds of request below would find first
            if looks_like_listing(link):
                if is_fetchable_page(url):
                    self._asked.add(url)
                    yield self._request(url, source, "listing", self.parse_listing)
            else:
                request = self.article_request(link, source)
                if request:
                    yield request

    def parse_feed(self, response: Response) -> Iterator[Request]:
        if response.status == 304:
            return
        source = self.source_of(response)
        entries = parse_feed(response.body, response.url)
        if entries is None:
            self.logger.warning("%s: not an RSS or Atom feed", response.url)
            return
        for entry in _newest_first(entries):
            request = self.article_request(entry.url, source, entry)
            if request:
                yield request

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        if response.status == 304:
            return
        source = self.source_of(response)
        sitemap = parse_sitemap(response.body, response.url)
        if sitemap is None:
            if not response.meta.get(DISCOVERY):
                self.logger.warning("%s: not an XML sitemap", response.url)
            return
        if sitemap.is_index:
            for entry in _newest_first(sitemap.entries):
                yield self._request(entry.url, source, "sitemap", self.parse_sitemap)
            return
        for entry in _newest_first(sitemap.entries):
            request = self.article_request(entry.url, source, entry)
            if request:
                yield request

    def parse_article(self, response: Response) -> Iterator[FetchedPage | Request]:
        entry: Entry | None = response.meta.get(ENTRY)
        requested = [*response.meta.get("redirect_urls", []), response.request.url]
        yield FetchedPage(
            url=response.url,
            source=response.meta[SOURCE],
            body=response.body,
            declared_encoding=_declared_charset(response),
            http_status=response.status,
            also_urls=tuple(dict.fromkeys(clean_url(u) for u in requested if u != response.url)),
            hint={"title": entry.title, "published": entry.published} if entry else {},
        )
        # Articles link to related stories, tags and authors: more of the site, within the depth limit.
        if _is_html(response) and not response.meta.get(RECHECK):
            yield from self.follow_links(response, self.source_of(response), feeds=False)

    def fetch_failed(self, failure: Failure) -> Iterator[FetchedPage]:
        request = failure.request  # type: ignore[attr-defined]
        outcome, reason, status = describe_failure(failure)
        if isinstance(failure.value, AlreadyArchived) and failure.value.aliases:
            # A link that redirects to a story we hold: remember the link, so no run follows it again.
            yield FetchedPage(
                url=request.url,
                source=request.meta.get(SOURCE),
                skip_reason="redirects-to-archived",
                alias_of=failure.value.article_url,
                also_urls=failure.value.aliases,
            )
            return
        if outcome is None:  # not worth a record (already archived, duplicate)
            return
        if request.meta.get(DISCOVERY) and outcome == "failed":
            # A guessed URL (robots.txt, /sitemap.xml) that is not there is no failure of the site.
            outcome, reason = "skipped", f"discovery:{reason}"
        yield FetchedPage(
            url=(request.meta.get("redirect_urls") or [request.url])[
                0
            ],  # the link as found, not where it led
            source=request.meta.get(SOURCE),
            http_status=status,
            **({"failure": reason} if outcome == "failed" else {"skip_reason": reason}),
        )


def _same_site(netloc: str, site: str) -> bool:
    netloc, site = netloc.lower(), site.lower()
    return netloc == site or netloc.removeprefix("www.") == site.removeprefix("www.")


def _is_html(response: Response) -> bool:
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
    return not content_type or "html" in content_type


def _declared_charset(response: Response) -> str | None:
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _newest_first(entries: list[Entry]) -> list[Entry]:
    # Newest first, so that max_pages keeps the fresh news and the backlog follows in later runs.
    return sorted(entries, key=lambda e: e.published or e.modified or "", reverse=True)
