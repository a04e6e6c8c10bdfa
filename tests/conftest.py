"""Shared fixtures: the fixture news site on 127.0.0.1 and the real `newsbot` command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
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


def stop_newsbot_midway(args: list[str], ready: Callable[[], bool], sig: int, timeout: float = 120) -> Run:
    """Start the real `newsbot` command, wait until `ready()`, then send it `sig` (SIGINT as Ctrl-C on a
    terminal, SIGTERM as `kill` or a shutdown) and return how it ended."""
    run = subprocess.Popen(
        newsbot_argv(*args),
        cwd=ROOT,
        env=CHILD_ENV,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A shell's background job ignores SIGINT; a command run from a terminal does not.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            assert run.poll() is None, f"newsbot ended before it was stopped: {run.communicate()[1][-2000:]}"
            assert time.monotonic() < deadline, "newsbot never got to the point where it is stopped"
            time.sleep(0.2)
        run.send_signal(sig)
        stdout, stderr = run.communicate(timeout=timeout)
    finally:
        if run.poll() is None:
            run.kill()
    return Run(run.returncode, stdout, stderr)


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
