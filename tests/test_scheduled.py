"""Safe to leave on cron: the printed line runs under cron's environment, runs never overlap,
and a run killed at any moment leaves a sound archive that the next run completes."""

from __future__ import annotations

import os
import shlex
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.db import Archive
from newsbot.runlock import run_lock
from tests.conftest import CHILD_ENV, FAST, ROOT, newsbot, newsbot_argv, stop_newsbot_midway


def query(db: Path, sql: str, params=()):
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_printed_cron_line_runs_the_way_cron_runs_it(fixture_site, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(fixture_site.sources_toml(), encoding="utf-8")
    db = tmp_path / "archive" / "news.db"
    printed = newsbot("schedule", "--every", "15m", "--sources", str(sources), "--db", str(db))
    assert printed.returncode == 0, printed.stderr
    line = printed.stdout.strip()
    fields = line.split(maxsplit=5)
    assert fields[:5] == ["*/15", "*", "*", "*", "*"]
    command = fields[5]
    assert sys.executable in command and str(sources) in command and str(db) in command
    # cron: an empty environment but a minimal PATH, no terminal, the home folder as working directory.
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    done = subprocess.run(
        ["env", "-i", "PATH=/usr/bin:/bin", f"HOME={elsewhere}", "/bin/sh", "-c", command],
        cwd=elsewhere,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 3), done.stdout + done.stderr
    assert query(db, "select count(*) from articles")[0][0] == len(fixture_site.expected_articles())
    (outcome,) = query(db, "select outcome from crawls")[0]
    assert outcome in ("success", "partial")
    logs = db.parent / "logs"
    assert "crawl 1:" in (logs / "cron.out").read_text()
    assert "Spider closed" in (logs / "newsbot.log").read_text()
    assert not list(elsewhere.iterdir()), "a cron run must not litter its working directory"


@pytest.fixture
def crontab_backup():
    """The tests install into the real crontab: keep what was there and put it back."""
    if not shutil_which("crontab"):
        if os.environ.get("CI"):
            pytest.fail("crontab missing: `make test` installs Debian's cron")
        pytest.skip("no crontab command (make test installs cron)")
    before = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    yield
    if before.returncode == 0:
        subprocess.run(["crontab", "-"], input=before.stdout, text=True, check=True)
    else:
        subprocess.run(["crontab", "-r"], capture_output=True)


def shutil_which(name: str) -> str | None:
    import shutil

    return shutil.which(name)


def test_install_is_idempotent_and_remove_cleans_up(crontab_backup, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text('[[sources]]\nname = "A"\nurl = "http://127.0.0.1:9/"\n')
    db = tmp_path / "news.db"
    args = ["schedule", "--every", "1h", "--sources", str(sources), "--db", str(db)]
    assert newsbot(*args, "--install").returncode == 0
    again = newsbot(*args, "--install")
    assert again.returncode == 0 and "already installed" in again.stdout
    installed = subprocess.run(["crontab", "-l"], capture_output=True, text=True).stdout
    assert sum(str(db) in line for line in installed.splitlines()) == 1
    # a different schedule replaces the line rather than adding one
    assert (
        newsbot(
            "schedule", "--every", "30m", "--sources", str(sources), "--db", str(db), "--install"
        ).returncode
        == 0
    )
    lines = [
        x
        for x in subprocess.run(["crontab", "-l"], capture_output=True, text=True).stdout.splitlines()
        if str(db) in x
    ]
    assert len(lines) == 1 and lines[0].startswith("*/30 ")
    assert newsbot("schedule", "--remove", "--db", str(db)).returncode == 0
    after = subprocess.run(["crontab", "-l"], capture_output=True, text=True).stdout
    assert str(db) not in after


def test_bad_schedule_is_a_clear_error():
    run = newsbot("schedule", "--every", "7m")
    assert run.returncode == 2 and "--every 7m" in run.stderr


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _stored(db: Path) -> int:
    try:
        return query(db, "select count(*) from articles")[0][0]
    except sqlite3.OperationalError:
        return 0


def test_no_overlap_then_sigkill_then_the_next_run_finishes_the_work(fixture_site, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(fixture_site.sources_toml(), encoding="utf-8")
    db = tmp_path / "news.db"
    expected = {a.url for a in fixture_site.expected_articles()}
    # A slow first run: one request at a time with a delay, so it is mid-work when we act.
    slow = [
        "-s",
        "DOWNLOAD_DELAY=0.4",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=1",
        "-s",
        "RANDOMIZE_DOWNLOAD_DELAY=False",
        "-s",
        "NEWSBOT_STORE_BATCH=1",
    ]
    first = subprocess.Popen(
        newsbot_argv(
            "crawl", "--sources", str(sources), "--db", str(db), "--log-file", str(tmp_path / "1.log"), *slow
        ),
        cwd=ROOT,
        env=CHILD_ENV,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(lambda: _stored(db) >= 2, 120, "the first run to store stories")

        started = time.monotonic()
        second = newsbot("crawl", "--sources", str(sources), "--db", str(db), *FAST, timeout=60)
        assert second.returncode == 75, second.stderr
        assert "another newsbot run" in second.stderr and f"pid {first.pid}" in second.stderr
        assert time.monotonic() - started < 15
        assert first.poll() is None, "the first run must be unaffected"

        # Kill the real crawl process, with no chance to clean up, while it is writing.
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()

    assert query(db, "pragma integrity_check") == [("ok",)]
    query(
        db, "insert into articles_fts(articles_fts) values('integrity-check')"
    )  # raises if FTS is out of sync
    partial = query(db, "select url, title, text, content_hash from articles")
    assert 0 < len(partial) < len(expected)
    assert all(title and text and content_hash for _, title, text, content_hash in partial), (
        "half-written story"
    )
    assert query(db, "select outcome from crawls") == [("running",)]

    # The next run is not blocked by the dead run (even if its orphaned workers linger) and finishes the work.
    third = newsbot(
        "crawl",
        "--sources",
        str(sources),
        "--db",
        str(db),
        "--log-file",
        str(tmp_path / "third.log"),
        *FAST,
        timeout=300,
    )
    assert third.returncode in (0, 3), third.stderr
    urls = [u for (u,) in query(db, "select url from articles")]
    assert sorted(urls) == sorted(expected), "every story once, none twice"
    assert query(db, "select outcome from crawls order by id")[0] == ("interrupted",)
    assert query(db, "pragma integrity_check") == [("ok",)]
    query(db, "insert into articles_fts(articles_fts) values('integrity-check')")
    status = newsbot("status", "--db", str(db))
    assert status.returncode == 0 and "interrupted" in status.stdout, status.stdout
    (killed,) = [line for line in status.stdout.splitlines() if "interrupted" in line]
    assert "interrupted      ?  new" in killed, "a killed run's duration is unknown, not 0 s"


def test_a_run_stopped_with_sigterm_records_itself_as_interrupted(fixture_site, tmp_path):
    # `timeout` in a crontab, a shutdown or `kill` stop a run with SIGTERM: Scrapy stops gracefully,
    # and the run's own row must say it was stopped, not that it finished.
    sources = tmp_path / "sources.toml"
    sources.write_text(fixture_site.sources_toml(), encoding="utf-8")
    db = tmp_path / "news.db"
    slow = ["-s", "DOWNLOAD_DELAY=0.4", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWSBOT_STORE_BATCH=1"]
    run = stop_newsbot_midway(
        ["crawl", "--sources", str(sources), "--db", str(db), *slow], lambda: _stored(db) >= 2, signal.SIGTERM
    )
    assert run.returncode == 1, run.stderr
    assert "interrupted" in run.stderr
    ((outcome, finished, message, new),) = query(db, "select outcome, finished, message, new from crawls")
    assert (outcome, message) == ("interrupted", "finish reason: shutdown")
    assert finished and 2 <= new < len(fixture_site.expected_articles())
    assert new == _stored(db)


def test_scrapy_crawl_works_and_never_overlaps_a_run(fixture_site, tmp_path):
    # README: `scrapy crawl news -a sources=sources.toml -s NEWSBOT_DB=news.db` works too, and runs on
    # the same archive never overlap, whichever command started them.
    sources = tmp_path / "sources.toml"
    sources.write_text(fixture_site.sources_toml(), encoding="utf-8")
    db = tmp_path / "news.db"
    scrapy = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"sources={sources}"]
    scrapy += ["-s", f"NEWSBOT_DB={db}", *FAST]

    def run_scrapy() -> subprocess.CompletedProcess:
        return subprocess.run(
            scrapy,
            cwd=ROOT,
            env=CHILD_ENV,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=300,
        )

    with run_lock(db):  # another run (this test process) holds the archive
        requests_before = len(fixture_site.requests_log.snapshot())
        refused = run_scrapy()
        assert refused.returncode != 0
        assert "another newsbot run" in refused.stderr and f"pid {os.getpid()}" in refused.stderr
        assert len(fixture_site.requests_log.snapshot()) == requests_before, "a refused run fetched pages"
        assert query(db, "select count(*) from crawls") == [(0,)]

    done = run_scrapy()
    assert done.returncode == 0, done.stderr[-2000:]
    assert query(db, "select count(*) from articles")[0][0] == len(fixture_site.expected_articles())
    ((command, outcome),) = query(db, "select command, outcome from crawls")
    assert command == "scrapy crawl news" and outcome in ("success", "partial")


def test_a_dead_run_whose_pid_was_reused_is_still_marked_interrupted(fixture_site, tmp_path):
    # In a container every cron run may get the same pid: a killed run's pid then belongs to a live
    # process (here: this test) when the next run starts, and must not keep its row 'running'.
    sources = tmp_path / "sources.toml"
    sources.write_text(fixture_site.sources_toml(), encoding="utf-8")
    db = tmp_path / "news.db"
    with Archive(str(db)) as archive:
        archive.db["crawls"].update(
            archive.start_crawl(["Harbor Gazette"], "newsbot crawl"), {"pid": os.getpid()}
        )
    done = newsbot("crawl", "--sources", str(sources), "--db", str(db), "--limit", "1", *FAST)
    assert done.returncode in (0, 3), done.stderr
    assert [o for (o,) in query(db, "select outcome from crawls order by id")][0] == "interrupted"


def test_a_site_that_is_down_is_a_failed_run_not_a_partial_one(tmp_path):
    # Exit 3 means stories were stored and some fetches failed; cron users alert on exit 1.
    with socket.socket() as probe:  # a port nothing listens on: every connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = tmp_path / "news.db"
    done = newsbot("crawl", f"http://127.0.0.1:{port}/", "--db", str(db), "-s", "RETRY_TIMES=0", *FAST)
    assert done.returncode == 1, done.stderr
    assert query(db, "select outcome, new from crawls") == [("failed", 0)]
    reasons = {r for (r,) in query(db, "select reason from fetch_log")}
    assert "connection-refused" in reasons and "discovery:connection-refused" in reasons


def test_cron_line_quotes_paths_with_spaces(tmp_path):
    folder = tmp_path / "my news"
    folder.mkdir()
    (folder / "sources.toml").write_text('[[sources]]\nname = "A"\nurl = "http://127.0.0.1:9/"\n')
    run = newsbot("schedule", "--sources", str(folder / "sources.toml"), "--db", str(folder / "news.db"))
    command = run.stdout.split(maxsplit=5)[5].split(" # newsbot-schedule:")[0]
    words = shlex.split(command)
    assert str(folder / "news.db") in words
