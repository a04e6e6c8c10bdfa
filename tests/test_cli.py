"""`newsbot extract` and `newsbot import-warc`, run as a user runs them."""

from __future__ import annotations

import io
import json
import signal
import sqlite3
import urllib.request
from gzip import compress

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import newsbot, stop_newsbot_midway


def fetch(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers.get("Content-Type", "text/html")


@pytest.fixture(scope="module")
def article(fixture_site):
    return fixture_site.expected_articles()[0]


def test_extract_a_saved_page(tmp_path, article):
    body, _ = fetch(article.url)
    page = tmp_path / "page.html"
    page.write_bytes(body)
    run = newsbot("extract", str(page), "--url", article.url)
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout)
    assert record["url"] == article.url
    assert record["title"] == article.title
    assert record["authors"] == article.authors
    for paragraph in article.paragraphs:
        assert paragraph in record["text"]
    for junk in article.boilerplate:
        assert junk not in record["text"]
    assert record["word_count"] > 50 and len(record["content_hash"]) == 64


def test_extract_fetches_a_url(article):
    run = newsbot("extract", article.url)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["title"] == article.title


def test_extract_says_why_a_page_is_not_an_article(fixture_site):
    home = fixture_site.publishers[0].base_url + "/"
    run = newsbot("extract", home)
    assert run.returncode == 1
    answer = json.loads(run.stdout)
    assert answer["is_article"] is False and answer["reason"]


def test_extract_missing_file_is_a_clear_error(tmp_path):
    run = newsbot("extract", str(tmp_path / "missing.html"))
    assert run.returncode == 2 and "no such file" in run.stderr


def test_extract_a_url_that_cannot_be_fetched_is_a_clear_error(fixture_site):
    base = fixture_site.publishers[0].base_url
    run = newsbot("extract", base + "/no-such-story/")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith(f"newsbot: could not fetch {base}/no-such-story/") and "404" in run.stderr


def write_warc(path, records, gzip: bool) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, body, content_type, status in records:
            headers = StatusAndHeaders(f"{status} OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_import_warc(tmp_path, fixture_site, gzip):
    articles = fixture_site.expected_articles()[:5]
    records = []
    for article in articles:
        body, content_type = fetch(article.url)
        records.append((article.url, body, content_type, 200))
    home = fixture_site.publishers[0].base_url + "/"
    records.append((home, fetch(home)[0], "text/html; charset=utf-8", 200))
    records.append((home + "logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png", 200))
    records.append((home + "style.css", b"body { color: red }", "text/css", 200))
    warc = tmp_path / ("pages.warc.gz" if gzip else "pages.warc")
    write_warc(warc, records, gzip)
    db = tmp_path / "news.db"

    run = newsbot("import-warc", str(warc), "--db", str(db), "--workers", "2")
    assert run.returncode == 0, run.stderr
    assert "8 HTML/response records read: 5 new" in run.stdout
    assert "3 skipped" in run.stdout

    conn = sqlite3.connect(db)
    stored = dict(conn.execute("select url, text from articles"))
    assert sorted(stored) == sorted(a.url for a in articles)
    for article in articles:
        for junk in article.boilerplate:
            assert junk not in stored[article.url]
    reasons = dict(conn.execute("select url, reason from fetch_log where outcome = 'skipped'"))
    assert reasons[home + "logo.png"] == "not-html:image/png"
    assert reasons[home].startswith("not-article")
    (outcome,) = conn.execute("select outcome from crawls").fetchone()
    assert outcome == "success"

    # importing the same file again adds nothing
    again = newsbot("import-warc", str(warc), "--db", str(db))
    assert "0 new" in again.stdout and "5 unchanged" in again.stdout
    assert conn.execute("select count(*) from articles").fetchone()[0] == 5


def test_import_of_a_warc_cut_short_stores_what_it_holds_and_says_the_rest_is_lost(tmp_path, fixture_site):
    articles = fixture_site.expected_articles()[:5]
    warc = tmp_path / "cut.warc.gz"
    write_warc(warc, [(a.url, *fetch(a.url), 200) for a in articles], gzip=True)
    data = warc.read_bytes()
    warc.write_bytes(data[: int(len(data) * 0.9)])  # a download that broke off in the last story
    db = tmp_path / "news.db"

    run = newsbot("import-warc", str(warc), "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert "1 failed" in run.stdout
    conn = sqlite3.connect(db)
    stored = {url for (url,) in conn.execute("select url from articles")}
    assert 3 <= len(stored) < 5 and stored == {a.url for a in articles[: len(stored)]}
    ((url, reason),) = conn.execute("select url, reason from fetch_log where outcome = 'failed'")
    assert url == warc.resolve().as_uri() and reason.startswith("truncated-warc: ")
    assert conn.execute("select outcome from crawls").fetchone() == ("partial",)


def test_crawl_on_a_terminal_shows_progress_and_logs_to_a_file(tmp_path, fixture_site):
    import os
    import pty
    import subprocess

    from tests.conftest import CHILD_ENV, FAST, newsbot_argv

    sources = tmp_path / "sources.toml"
    sources.write_text(fixture_site.sources_toml(), encoding="utf-8")
    main, child = pty.openpty()
    done = subprocess.run(
        newsbot_argv("crawl", "--sources", str(sources), "--db", str(tmp_path / "news.db"), *FAST),
        cwd=tmp_path,
        env=CHILD_ENV,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=child,
        timeout=300,
    )
    os.close(child)
    screen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    os.close(main)
    text = screen.decode("utf-8", "replace")
    assert done.returncode in (0, 3)
    assert "pages fetched:" in text and "new" in text
    assert "[scrapy" not in text, "INFO logs belong in the log file, not on the terminal"
    assert "Spider closed" in (tmp_path / "logs" / "newsbot.log").read_text()


def test_import_warc_of_a_file_that_is_not_a_warc_is_a_clear_error(tmp_path):
    # A saved page, compressed, given by mistake for a WARC file.
    not_warc = tmp_path / "page.warc.gz"
    not_warc.write_bytes(compress(b"<!DOCTYPE html><html><body><p>A story.</p></body></html>"))
    db = tmp_path / "news.db"
    run = newsbot("import-warc", str(not_warc), "--db", str(db))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith(f"newsbot: {not_warc}: not a WARC file")
    assert sqlite3.connect(db).execute("select outcome from crawls").fetchall() == [("failed",)]


def test_an_archive_path_that_cannot_be_made_is_a_clear_error(tmp_path):
    # A typo in a crontab line: the archive's folder is given where a file already stands.
    (tmp_path / "news").write_text("not a folder")
    sources = tmp_path / "sources.toml"
    sources.write_text('[[sources]]\nname = "A"\nurl = "http://127.0.0.1:9/"\n')
    for args in (["crawl", "--sources", str(sources)], ["import-warc", str(sources)]):
        run = newsbot(*args, "--db", str(tmp_path / "news" / "news.db"))
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
        assert f"{tmp_path / 'news'} is a file, not a folder" in run.stderr


def test_crawl_refuses_home_pages_and_a_sources_file_together(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text('[[sources]]\nname = "A"\nurl = "http://127.0.0.1:9/"\n')
    run = newsbot(
        "crawl", "http://127.0.0.1:9/", "--sources", str(sources), "--db", str(tmp_path / "news.db")
    )
    assert run.returncode == 2 and "not both" in run.stderr
    assert not (tmp_path / "news.db").exists()


def test_import_warc_stopped_with_ctrl_c_records_itself_as_interrupted(tmp_path, article):
    body, content_type = fetch(article.url)
    stories = [
        (f"{article.url}?copy={i}", body.replace(b"</title>", f" {i}</title>".encode()), content_type, 200)
        for i in range(3000)
    ]
    warc = tmp_path / "many.warc.gz"
    write_warc(warc, stories, gzip=True)
    db = tmp_path / "news.db"
    run = stop_newsbot_midway(
        ["import-warc", str(warc), "--db", str(db)], lambda: _logged(db) > 0, signal.SIGINT
    )
    assert run.returncode == 1 and "Aborted" in run.stderr
    # what was read before the stop is counted (the first copy is new, the others duplicates of it; a
    # loaded machine may be stopped after the first write, when no duplicate is counted yet)
    ((outcome, counted),) = sqlite3.connect(db).execute("select outcome, new + skipped from crawls")
    assert outcome == "interrupted" and 0 < counted < 3000


def _logged(db) -> int:
    try:
        return sqlite3.connect(db).execute("select count(*) from fetch_log").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_file_that_is_not_an_archive_is_a_clear_error_and_left_as_it_is(tmp_path):
    # --db pointed at the wrong file (here: the sources file itself).
    sources = tmp_path / "sources.toml"
    sources.write_text('[[sources]]\nname = "A"\nurl = "http://127.0.0.1:9/"\n')
    before = sources.read_bytes()
    for args in (["crawl", "--sources", str(sources)], ["status"], ["export"], ["import-warc", str(sources)]):
        run = newsbot(*args, "--db", str(sources))
        assert run.returncode == 2 and "Traceback" not in run.stderr, (args, run.stderr)
        assert "is not an SQLite file" in run.stderr
    assert sources.read_bytes() == before


def test_a_bad_value_of_a_newsbot_setting_is_a_usage_error(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text('[[sources]]\nname = "A"\nurl = "http://127.0.0.1:9/"\n')
    for setting in ("NEWSBOT_WORKERS=two", "NEWSBOT_MAX_PAGES=0", "NEWSBOT_PAGE_TIMEOUT=soon"):
        run = newsbot("crawl", "--sources", str(sources), "--db", str(tmp_path / "news.db"), "-s", setting)
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
        assert setting.split("=")[0] in run.stderr
    assert not (tmp_path / "news.db").exists()
