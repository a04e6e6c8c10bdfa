"""Run one crawl: the library function behind `newsbot crawl`."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.db import Archive
from newsbot.runlock import run_lock
from newsbot.sources import Source
from newsbot.spiders.news import NewsSpider

# Exit codes of `newsbot crawl` (documented in README.md).
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_CODES = {"success": EXIT_OK, "partial": EXIT_PARTIAL}


@dataclass
class CrawlResult:
    crawl_id: int | None
    outcome: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES.get(self.outcome, EXIT_FAILED)


def crawl_command(sources: str | Path, db: str | Path, log_file: str | Path, *extra: str) -> list[str]:
    """The `newsbot crawl` command line a child process (the demo) or cron runs, with this interpreter."""
    return [
        sys.executable, "-m", "newsbot", "crawl",
        "--sources", str(sources), "--db", str(db), "--log-file", str(log_file), *extra,
    ]  # fmt: skip


def crawl_settings(
    db_path: str, overrides: dict[str, Any] | None = None, workers: int | None = None
) -> Settings:
    settings = Settings()
    settings.setmodule("newsbot.settings", priority="project")
    settings.set("NEWSBOT_DB", db_path, priority="cmdline")
    if workers is not None:
        settings.set("NEWSBOT_WORKERS", workers, priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def setup_logging(settings: Settings, log_file: str, on_terminal: bool) -> None:
    """Every run logs to a rotating file (cron reads nothing else); on a terminal, warnings also go
    to stderr, under the one-line progress display."""
    root = logging.getLogger()
    level = settings.get("LOG_LEVEL", "INFO")
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s")
    Path(log_file).parent.mkdir(parents=True, exist_ok=True)
    to_file = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=10 * 1024 * 1024, backupCount=5, encoding="utf-8"
    )
    to_file.setFormatter(fmt)
    # Scrapy resets the root logger's level when a crawler starts; the handler's own level holds.
    to_file.setLevel(level)
    root.addHandler(to_file)
    if on_terminal:
        to_terminal = logging.StreamHandler(sys.stderr)
        to_terminal.setLevel(logging.WARNING)
        to_terminal.setFormatter(logging.Formatter("\n%(levelname)s: %(message)s"))
        root.addHandler(to_terminal)


def default_log_file(db_path: str) -> str:
    return str(Path(db_path).resolve().parent / "logs" / "newsbot.log")


def run_crawl(
    sources: list[Source],
    db_path: str,
    *,
    overrides: dict[str, Any] | None = None,
    workers: int | None = None,
    log_file: str | None = None,
) -> CrawlResult:
    """Crawl the sources into the archive, holding the run lock throughout.

    Raises RunLocked when another run holds the archive.
    """
    db_path = os.fspath(db_path)
    with run_lock(db_path):
        Archive(db_path).close()  # create / migrate before Scrapy's components open it
        settings = crawl_settings(db_path, overrides, workers)
        setup_logging(settings, log_file or default_log_file(db_path), sys.stderr.isatty())
        settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")  # we installed ours above
        process = CrawlerProcess(settings)
        crawler = process.create_crawler(NewsSpider)
        process.crawl(crawler, sources=sources)
        process.start()
        crawl_id = crawler.stats.get_value("newsbot/crawl_id") if crawler.stats else None
    if crawl_id is None:
        return CrawlResult(None, "failed")
    with Archive(db_path) as archive:
        row = archive.db["crawls"].get(crawl_id)
    counts = {k: row[k] for k in ("new", "updated", "unchanged", "skipped", "failed", "requests")}
    return CrawlResult(crawl_id, row["outcome"], counts)
