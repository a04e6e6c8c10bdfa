"""Scrapy item pipelines: extraction in a process pool, then the archive.

ExtractPipeline turns a FetchedPage into a PageFate without blocking the reactor: the page is
extracted in a worker process and the coroutine awaits the result, so downloads go on meanwhile.
StorePipeline owns the run's `crawls` row and writes every fate through the ArchiveWriter.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from archive.db import Archive, default_db_path
from newsbot.items import FetchedPage
from newsbot.runlock import run_lock
from pipelines.process import ExtractionPool
from pipelines.store import FAILED, SKIPPED, ArchiveWriter, PageFate

logger = logging.getLogger(__name__)


def db_path_from(crawler: Crawler) -> str:
    return crawler.settings.get("NEWSBOT_DB") or default_db_path()


def apply_hint(record: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    """A feed or news sitemap may know what the page's markup does not say."""
    if not record.get("published") and hint.get("published"):
        record["published"] = hint["published"]
    if not record.get("title") and hint.get("title"):
        record["title"] = hint["title"]
    return record


class ExtractPipeline:
    def __init__(self, workers: int, page_timeout: float):
        self.workers = workers
        self.page_timeout = page_timeout
        self.pool: ExtractionPool | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(
            workers=crawler.settings.getint("NEWSBOT_WORKERS"),
            page_timeout=crawler.settings.getfloat("NEWSBOT_PAGE_TIMEOUT", 20.0),
        )

    def open_spider(self) -> None:
        self.pool = ExtractionPool(self.workers, self.page_timeout)

    def close_spider(self) -> None:
        if self.pool:
            self.pool.close()

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        fate = PageFate(url=item.url, outcome=SKIPPED, source=item.source, http_status=item.http_status)
        if item.failure:
            fate.outcome, fate.reason = FAILED, item.failure
            return fate
        if item.skip_reason:
            fate.reason, fate.alias_of, fate.also_urls = item.skip_reason, item.alias_of, item.also_urls
            return fate
        assert self.pool is not None and item.body is not None
        outcome = await asyncio.wrap_future(self.pool.submit(item.body, item.url, item.declared_encoding))
        if outcome.is_article and outcome.record:
            fate.outcome = "article"
            fate.record = apply_hint(outcome.record, item.hint)
            fate.also_urls = tuple(u for u in item.also_urls if u != outcome.record["url"])
        else:
            fate.outcome = FAILED if outcome.failed else SKIPPED
            fate.reason = outcome.reason
        return fate


class StorePipeline:
    def __init__(self, crawler: Crawler, db_path: str, batch: int):
        self.crawler = crawler
        self.db_path = db_path
        self.batch = batch
        self.archive: Archive | None = None
        self.writer: ArchiveWriter | None = None
        self.crawl_id: int | None = None
        self._lock = contextlib.ExitStack()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        path = db_path_from(crawler)
        if not path:
            raise NotConfigured("no archive path")
        pipeline = cls(crawler, path, crawler.settings.getint("NEWSBOT_STORE_BATCH", 50))
        # The run's outcome depends on why it closed ("finished", "shutdown" on SIGTERM or Ctrl-C, a
        # closespider limit, ...), which Scrapy passes with spider_closed, sent after the pipelines
        # are closed; its `finish_reason` stat is set even later, so close_spider cannot read it.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        # Runs never overlap, `scrapy crawl news` included (`newsbot crawl` holds the lock already).
        # RunLocked raised here stops the crawl before anything is fetched.
        self._lock.enter_context(run_lock(self.db_path))
        self.archive = Archive(self.db_path)
        # With the lock held no other run is alive: a row still 'running' is a dead run's, even if
        # its pid now belongs to another process (a container gives every run the same pid).
        self.archive.close_abandoned_crawls(lock_held=True)
        spider = self.crawler.spider
        names = [s.name for s in getattr(spider, "sources", [])]
        command = os.environ.get("NEWSBOT_COMMAND", "scrapy crawl news")
        self.crawl_id = self.archive.start_crawl(names, command)
        self.archive.upsert_sources(s.as_row() for s in getattr(spider, "sources", []))
        self.writer = ArchiveWriter(self.archive, self.crawl_id, batch=self.batch)
        self.crawler.stats.set_value("newsbot/crawl_id", self.crawl_id)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageFate) and self.writer:
            self.writer.add(item)
            for outcome, count in self.writer.counts.items():  # what has landed so far, for progress
                self.crawler.stats.set_value(f"newsbot/{outcome}", count)
        return item

    def close_spider(self) -> None:
        if self.writer:
            self.writer.close()  # every fate in hand lands before the run's row is finished

    def spider_closed(self, reason: str) -> None:
        if not (self.archive and self.writer and self.crawl_id):
            return
        counts = self.archive.crawl_counts(self.crawl_id)
        counts["requests"] = self.crawler.stats.get_value("downloader/request_count", 0)
        # a site that is down answers none of the guessed URLs either: they prove nothing was fetched
        fetched = counts["new"] + counts["updated"] + counts["unchanged"] + counts["skipped"]
        fetched_ok = fetched - self.archive.missed_guesses(self.crawl_id)
        broke = reason != "finished" and not reason.startswith("closespider_")  # a limit set is no failure
        if reason == "shutdown":
            outcome = "interrupted"
        elif broke or (counts["failed"] and not fetched_ok):
            outcome = "failed"
        elif counts["failed"]:
            outcome = "partial"
        else:
            outcome = "success"
        self.archive.finish_crawl(self.crawl_id, outcome, counts, message=f"finish reason: {reason}")
        self.crawler.stats.set_value("newsbot/outcome", outcome)
        self.archive.close()
        self._lock.close()
