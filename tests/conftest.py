"""Shared fixtures: the fixture news site on 127.0.0.1 and the real `newsbot` command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The fixture site is ours and local: crawl it without politeness delays.
FAST = [
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "CONCURRENT_REQUESTS_PER_DOMAIN=8",
]


def newsbot_argv(*args: str) -> list[str]:
    """The command line of the real `newsbot` command, for tests that start it themselves."""
    return [sys.executable, "-m", "newsbot", *args]


CHILD_ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def newsbot(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 300
) -> Run:
    """Run the real `newsbot` command in its own process, as a user (or cron) would."""
    done = subprocess.run(
        newsbot_argv(*args),
        cwd=cwd or ROOT,
        env={**CHILD_ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def fixture_site() -> Iterator[object]:
    """The demo world (three publishers) served on 127.0.0.1 for the whole session."""
    from newsbot.demo.site import DemoWorld, serve_world

    with serve_world(DemoWorld()) as running:
        yield running


@dataclass
class Crawled:
    site: object
    db: Path
    sources: Path
    run: Run
    requests_before: int  # index into the site's request log where this crawl's requests start


@pytest.fixture(scope="session")
def first_crawl(fixture_site, tmp_path_factory) -> Crawled:
    """One real `newsbot crawl` of the fixture site into a fresh archive, shared by the crawl tests."""
    tmp = tmp_path_factory.mktemp("crawl")
    sources = tmp / "sources.toml"
    sources.write_text(fixture_site.sources_toml(), encoding="utf-8")
    db = tmp / "news.db"
    start = len(fixture_site.requests_log)
    run = newsbot(
        "crawl", "--sources", str(sources), "--db", str(db), "--log-file", str(tmp / "crawl.log"), *FAST
    )
    return Crawled(fixture_site, db, sources, run, start)
