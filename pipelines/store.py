"""The one storage path: every writer (crawl, WARC import) hands pages' fates to an ArchiveWriter.

It batches writes into transactions (no per-row commit on the hot path), keeps each run's
counts, and stores a story reached under a second URL once, as an alias of the first.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from archive.db import Archive, now
from pipelines.urls import clean_url

# Outcomes as counted in `crawls` and logged in `fetch_log`.
NEW, UPDATED, UNCHANGED, SKIPPED, FAILED = "new", "updated", "unchanged", "skipped", "failed"


@dataclass
class PageFate:
    """One fetched URL and what became of it."""

    url: str
    outcome: str  # "article", SKIPPED or FAILED
    source: str | None = None
    record: dict[str, Any] | None = None
    reason: str | None = None
    http_status: int | None = None
    also_urls: tuple[str, ...] = field(default=())  # request URL before redirects, tracking variants
    alias_of: str | None = None  # for a skipped URL: the archived story it leads to

    def __repr__(self) -> str:
        # Scrapy logs every item at DEBUG: the URL and its fate, not the whole story.
        reason = f" ({self.reason})" if self.reason else ""
        return f"<PageFate {self.outcome}{reason} {self.url}>"


class ArchiveWriter:
    def __init__(
        self, archive: Archive, crawl_id: int | None = None, *, batch: int = 50, max_wait: float = 2.0
    ):
        self.archive = archive
        self.crawl_id = crawl_id
        self.batch = batch
        self.max_wait = max_wait
        self.counts: Counter[str] = Counter()
        self._pending: list[PageFate] = []
        self._last_flush = time.monotonic()

    def add(self, fate: PageFate) -> None:
        self._pending.append(fate)
        if len(self._pending) >= self.batch or time.monotonic() - self._last_flush > self.max_wait:
            self.flush()

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        self._last_flush = time.monotonic()
        if not pending:
            return
        with self.archive.transaction():
            for fate in pending:
                self._write(fate)

    def _write(self, fate: PageFate) -> None:
        if fate.outcome == "article" and fate.record is not None:
            record = dict(fate.record)
            record.setdefault("source", fate.source)
            record.setdefault("fetched_at", now())
            duplicate_of = self._same_story_elsewhere(record) or self._seen_this_run(record)
            if duplicate_of:
                # The same story reached again: under another key URL with the same text (no canonical
                # link to tell us), or under a second URL in this very run (an AMP or print version,
                # whose text may differ a little: that is no revision).
                self._alias(duplicate_of, (record["url"], record.get("fetched_url"), *fate.also_urls))
                outcome, reason = SKIPPED, f"duplicate-of:{duplicate_of}"
                if duplicate_of == record["url"] and self._is_canonical_fetch(record):
                    # The canonical page itself arrived after a variant of it (AMP, print, a
                    # tracking URL): whichever the crawl happened to fetch first, keep the text of
                    # the page the publisher names as the story.
                    self.archive.replace_content(record)
                    reason += " (canonical version kept)"
            else:
                outcome = self.archive.store_article(record, crawl_id=self.crawl_id, also_urls=fate.also_urls)
                reason = None
            url = record["url"]
        else:
            outcome, reason, url = fate.outcome, fate.reason, fate.url
            if fate.alias_of:
                self._alias(fate.alias_of, fate.also_urls)
        self.counts[outcome] += 1
        self.archive.log_fetch(
            url if outcome in (NEW, UPDATED, UNCHANGED) else fate.url,
            outcome,
            reason,
            crawl_id=self.crawl_id,
            source=fate.source,
            http_status=fate.http_status,
        )

    def _same_story_elsewhere(self, record: dict[str, Any]) -> str | None:
        row = self.archive.db.execute(
            "select url from articles"
            " where content_hash = ? and url != ? and coalesce(source, '') = ? limit 1",
            [record.get("content_hash"), record["url"], record.get("source") or ""],
        ).fetchone()
        if (
            row
            and not self.archive.db.execute(
                "select 1 from articles where url = ?", [record["url"]]
            ).fetchone()
        ):
            return row[0]
        return None

    def _seen_this_run(self, record: dict[str, Any]) -> str | None:
        if self.crawl_id is None:
            return None
        row = self.archive.db.execute(
            "select fetched_url from articles where url = ? and crawl_id = ?", [record["url"], self.crawl_id]
        ).fetchone()
        return record["url"] if row and row[0] != record.get("fetched_url") else None

    def _is_canonical_fetch(self, record: dict[str, Any]) -> bool:
        return clean_url(record.get("fetched_url") or "") == record["url"]

    def _alias(self, article_url: str, urls: tuple[str | None, ...]) -> None:
        for url in urls:
            if url and url != article_url:
                self.archive.add_alias(url, article_url)

    def close(self) -> None:
        self.flush()
