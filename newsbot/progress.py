"""A one-line progress display for crawls run on a terminal (off a terminal, the log says it all)."""

from __future__ import annotations

import sys
from typing import TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class TerminalProgress:
    def __init__(self, crawler: Crawler, stream: TextIO, interval: float):
        self.stats = crawler.stats
        self.stream = stream
        self.interval = interval
        self.loop: task.LoopingCall | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TerminalProgress:
        stream = sys.stderr
        if not crawler.settings.getbool("NEWSBOT_PROGRESS", True) or not stream.isatty():
            raise NotConfigured("not on a terminal")
        return cls(crawler, stream, crawler.settings.getfloat("NEWSBOT_PROGRESS_INTERVAL", 1.0))

    def line(self) -> str:
        get = self.stats.get_value
        return (
            f"{get('response_received_count', 0)} pages fetched: {get('newsbot/new', 0) or 0} new, "
            f"{get('newsbot/updated', 0) or 0} updated, {get('newsbot/unchanged', 0) or 0} unchanged, "
            f"{get('newsbot/skipped', 0) or 0} skipped, {get('newsbot/failed', 0) or 0} failed; "
            f"{get('newsbot/already_archived', 0) or 0} already archived"
        )

    def show(self) -> None:
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()

    def spider_opened(self) -> None:
        self.loop = task.LoopingCall(self.show)
        self.loop.start(self.interval)

    def spider_closed(self) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
        self.show()
        self.stream.write("\n")
