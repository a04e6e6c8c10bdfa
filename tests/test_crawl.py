"""A real `newsbot crawl` of the fixture news site, checked the way a reader of the archive would."""

from __future__ import annotations

import json
import re
import sqlite3
from urllib.parse import urlsplit

import pytest

from tests.conftest import FAST, newsbot


def rows(db, sql, params=()):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def stored(first_crawl):
    return {r["url"]: r for r in rows(first_crawl.db, "select * from articles")}


@pytest.fixture(scope="module")
def expected(first_crawl):
    return {a.url: a for a in first_crawl.site.expected_articles()}


def test_crawl_exits_partial_because_the_site_has_broken_links(first_crawl):
    # The site links to a 404 and a 500: some fetches failed, the rest landed (exit 3, documented).
    assert first_crawl.run.returncode == 3, first_crawl.run.stderr[-3000:]
    assert "partial" in first_crawl.run.stderr


def test_stores_exactly_the_expected_stories(stored, expected):
    assert sorted(stored) == sorted(expected)


def test_every_paragraph_kept_and_no_boilerplate(stored, expected):
    for url, article in expected.items():
        text = normal(stored[url]["text"])
        for paragraph in article.paragraphs:
            assert normal(paragraph) in text, f"{url}: lost paragraph {paragraph[:60]!r}"
        for junk in article.boilerplate:
            assert normal(junk) not in text, f"{url}: kept boilerplate {junk[:60]!r}"
        # paragraphs stay separate, so the reader view can show them
        assert stored[url]["text"].count("\n\n") >= len(article.paragraphs) - 1


def test_title_authors_date_language(stored, expected):
    for url, article in expected.items():
        row = stored[url]
        assert normal(row["title"]) == normal(article.title), url
        assert json.loads(row["authors"]) == article.authors, url
        assert row["published"][:10] == article.published[:10], url
        assert row["language"] == article.language, url


def test_the_same_story_under_two_urls_is_stored_once(first_crawl, stored, expected):
    with_alts = [a for a in expected.values() if a.alt_urls]
    assert with_alts, "the fixture site must serve some story under a second URL"
    for article in with_alts:
        for alt in article.alt_urls:
            assert alt not in stored, alt
        same_text = [u for u, r in stored.items() if r["content_hash"] == stored[article.url]["content_hash"]]
        assert same_text == [article.url]
        # reached twice in one run is no revision of the story
        assert stored[article.url]["versions"] == 1


def test_disallowed_paths_never_fetched(first_crawl):
    disallowed = first_crawl.site.disallowed_paths()
    assert disallowed
    fetched = [entry[2] for entry in first_crawl.site.requests_log]
    for prefix in disallowed:
        assert not [p for p in fetched if p.startswith(prefix)], prefix


def test_non_articles_are_recorded_as_skipped_not_stored(first_crawl, stored):
    log = rows(first_crawl.db, "select url, outcome, reason from fetch_log")
    skipped = {r["url"]: r["reason"] for r in log if r["outcome"] == "skipped"}
    for url in first_crawl.site.non_article_urls():
        assert url not in stored, url
        assert url in skipped, f"{url} not recorded as skipped"
        assert skipped[url], url


def test_broken_links_recorded_as_failed_with_reason(first_crawl):
    failed = {r["url"]: r for r in rows(first_crawl.db, "select * from fetch_log where outcome = 'failed'")}
    for url in first_crawl.site.error_urls():
        assert url in failed, url
        assert failed[url]["reason"].startswith("http-"), failed[url]
        assert failed[url]["http_status"] in (404, 500)


def test_crawl_row_records_the_run(first_crawl, expected):
    (crawl,) = rows(first_crawl.db, "select * from crawls")
    assert crawl["outcome"] == "partial"
    assert crawl["finished"] >= crawl["started"]
    assert crawl["new"] == len(expected)
    assert crawl["failed"] == len(first_crawl.site.error_urls())
    assert crawl["skipped"] >= len(first_crawl.site.non_article_urls())
    sources = rows(first_crawl.db, "select name from sources")
    assert {s["name"] for s in sources} == {p.name for p in first_crawl.site.publishers}


def test_full_text_search_finds_a_phrase(first_crawl, expected):
    article = next(iter(expected.values()))
    words = article.paragraphs[0].split()[:4]
    phrase = " ".join(re.sub(r"\W", "", w) for w in words)
    hits = rows(
        first_crawl.db,
        "select articles.url from articles_fts join articles on articles.rowid = articles_fts.rowid"
        " where articles_fts match ?",
        [f'"{phrase}"'],
    )
    assert article.url in {h["url"] for h in hits}


def test_rerun_fetches_only_new_work(first_crawl, expected):
    site = first_crawl.site
    start = len(site.requests_log)
    run = newsbot(
        "crawl",
        "--sources",
        str(first_crawl.sources),
        "--db",
        str(first_crawl.db),
        "--log-file",
        str(first_crawl.db.parent / "crawl2.log"),
        *FAST,
    )
    assert run.returncode in (0, 3), run.stderr[-2000:]
    second = site.requests_log[start:]
    article_paths = {urlsplit(u).path for u in expected}
    refetched = [entry for entry in second if entry[2] in article_paths]
    assert not refetched, "archived stories were fetched again"
    conditional = [e for e in second if "If-None-Match" in e[3] or "If-Modified-Since" in e[3]]
    assert conditional, "feeds and sitemaps should be fetched with validators on a re-run"
    crawls = rows(first_crawl.db, "select * from crawls order by id")
    assert len(crawls) == 2 and crawls[1]["new"] == 0
    assert rows(first_crawl.db, "select count(*) as n from articles")[0]["n"] == len(expected)


def test_bad_sources_file_is_a_clear_error_before_any_fetch(tmp_path, fixture_site):
    bad = tmp_path / "sources.toml"
    bad.write_text('[[sources]]\nname = "X"\nurl = "http://127.0.0.1:9/"\ndeny = ["(unclosed"]\n')
    start = len(fixture_site.requests_log)
    run = newsbot("crawl", "--sources", str(bad), "--db", str(tmp_path / "x.db"))
    assert run.returncode == 2
    assert str(bad) in run.stderr and "'X'" in run.stderr and "deny" in run.stderr
    assert not (tmp_path / "x.db").exists()
    assert len(fixture_site.requests_log) == start
