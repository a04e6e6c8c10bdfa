"""Broken and hostile responses are recorded per URL with a reason; none stops a run or lands as a story."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import CHILD_ENV, FAST, ROOT, newsbot_argv

# What a person reading fetch_log should see for each fault of the Hostile Herald.
EXPECTED_REASONS = {
    "server_error": ("failed", r"^http-500"),
    "unavailable": ("failed", r"^http-503 \(Retry-After: 2\)"),
    "slow": ("failed", r"^timeout"),
    "redirect_loop": ("failed", r"^redirect-loop"),
    "huge": ("failed", r"^too-large"),
    "gzip_bomb": ("failed", r"^too-large"),
    "deep_nesting": (None, r"."),  # either way, as long as it is recorded and not stored
    "truncated": ("failed", r"^truncated-body"),
    "pdf_as_html": ("skipped", r"^not-html:pdf"),
    "png_as_html": ("skipped", r"^not-html:"),
    "random_bytes": ("skipped", r"^not-html:"),
    "empty_body": ("skipped", r"^empty"),
}


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory):
    from newsbot.demo.site import DemoWorld, serve_world

    tmp = tmp_path_factory.mktemp("hostile")
    with serve_world(DemoWorld(faults=True)) as running:
        sources = tmp / "sources.toml"
        sources.write_text(running.sources_toml(), encoding="utf-8")
        db = tmp / "news.db"
        # Measure the crawl's peak memory from a parent of its own, so other tests' children do not count.
        measure = (
            "import resource, subprocess, sys; "
            "code = subprocess.call(sys.argv[1:]); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)"
        )
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                measure,
                *newsbot_argv(
                    "crawl", "--sources", str(sources), "--db", str(db), "--log-file", str(tmp / "crawl.log")
                ),
                *FAST,
                "-s",
                "DOWNLOAD_TIMEOUT=4",
                "-s",
                "RETRY_TIMES=0",
            ],
            cwd=ROOT,
            env=CHILD_ENV,
            capture_output=True,
            text=True,
            timeout=600,
            stdin=subprocess.DEVNULL,
        )
        yield running, db, done, int(done.stdout.strip().splitlines()[-1])


def test_run_completes_as_partial_success(hostile_crawl):
    _, _, done, _ = hostile_crawl
    assert done.returncode == 3, done.stderr[-3000:]


@pytest.mark.parametrize("fault", sorted(EXPECTED_REASONS))
def test_each_fault_is_recorded_with_its_reason_and_not_stored(hostile_crawl, fault):
    running, db, _, _ = hostile_crawl
    url = running.fault_urls()[fault]
    conn = sqlite3.connect(db)
    assert not conn.execute("select 1 from articles where url = ? or fetched_url = ?", [url, url]).fetchone()
    rows = conn.execute("select outcome, reason from fetch_log where url = ?", [url]).fetchall()
    assert rows, f"{fault}: {url} not recorded"
    outcome, reason = rows[-1]
    want_outcome, want_reason = EXPECTED_REASONS[fault]
    if want_outcome:
        assert outcome == want_outcome, (fault, outcome, reason)
    else:
        assert outcome in ("failed", "skipped")
    assert re.search(want_reason, reason or ""), (fault, reason)


def test_good_stories_still_land_and_read_right(hostile_crawl):
    running, db, _, _ = hostile_crawl
    conn = sqlite3.connect(db)
    hostile = [a for a in running.expected_articles() if a.publisher == "Hostile Herald"]
    assert len(hostile) >= 2  # a normal story, and the charset faults that are stories
    for article in hostile:
        row = conn.execute("select title, text from articles where url = ?", [article.url]).fetchone()
        assert row, f"{article.url} not stored"
        title, text = row
        assert title == article.title
        for paragraph in article.paragraphs:
            assert paragraph in text, f"{article.url}: {paragraph[:50]!r} does not read right"
        assert "\ufffd" not in text and "Ã" not in text


def test_no_garbage_stored_anywhere(hostile_crawl):
    running, db, _, _ = hostile_crawl
    conn = sqlite3.connect(db)
    stored = {url for (url,) in conn.execute("select url from articles")}
    assert stored == {a.url for a in running.expected_articles()}
    for (text,) in conn.execute("select text from articles"):
        assert "%PDF" not in text and "\x00" not in text and "\ufffd" not in text
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)


def test_memory_stays_bounded(hostile_crawl):
    _, _, _, peak_kb = hostile_crawl
    assert peak_kb < 1.5 * 1024 * 1024, f"peak RSS {peak_kb / 1024:.0f} MB"


def test_crawl_row_counts_failures(hostile_crawl):
    running, db, _, _ = hostile_crawl
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    crawl = conn.execute("select * from crawls").fetchone()
    assert crawl["outcome"] == "partial"
    failed = conn.execute("select count(*) from fetch_log where outcome = 'failed'").fetchone()[0]
    assert crawl["failed"] == failed >= 7
    assert json.loads(crawl["sources"])
