"""The archive's own rules: migrations, upserts, versions, the re-check schedule."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from archive.db import SCHEMA_VERSION, Archive, _next_check


def record(**changes):
    base = {
        "url": "https://harbor.example/2026/11/story/",
        "title": "Ferry cut to three sailings",
        "authors": ["Ann Lee"],
        "published": "2026-11-24T08:00:00+00:00",
        "text": "First paragraph.\n\nSecond paragraph.",
        "content_hash": "a",
        "source": "Harbor Gazette",
        "extraction": {"method": "trafilatura", "rules": {}},
    }
    return {**base, **changes}


def test_new_file_is_migrated_and_reopening_is_harmless(tmp_path):
    path = tmp_path / "news.db"
    Archive(path).close()
    Archive(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    assert {
        "articles",
        "articles_fts",
        "article_versions",
        "article_urls",
        "sources",
        "crawls",
        "fetch_log",
    } <= tables


def test_a_newer_archive_is_refused_not_damaged(tmp_path):
    path = tmp_path / "news.db"
    Archive(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="upgrade newsbot"):
        Archive(path)


def test_upsert_keeps_first_seen_and_versions_real_changes(tmp_path):
    with Archive(tmp_path / "news.db") as archive:
        assert archive.store_article(record()) == "new"
        assert archive.store_article(record()) == "unchanged"
        assert (
            archive.store_article(record(text="First paragraph.\n\nA new second.", content_hash="b"))
            == "updated"
        )
        row = archive.db["articles"].get(record()["url"])
        assert row["versions"] == 2 and row["first_seen"] <= row["last_seen"]
        (old,) = archive.db["article_versions"].rows
        assert old["text"] == "First paragraph.\n\nSecond paragraph." and "+A new second." in old["diff"]
        hits = list(archive.db.query("select rowid from articles_fts where articles_fts match 'new'"))
        assert len(hits) == 1  # the FTS index follows the update


def test_recheck_schedule_backs_off_then_stops():
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    fresh = (now - timedelta(hours=2)).isoformat()
    gaps = []
    for checks in range(4):
        due = _next_check(fresh, checks, now)
        gaps.append(None if due is None else (datetime.fromisoformat(due) - now).total_seconds() / 3600)
    assert gaps == [1, 6, 24, None]
    old = (now - timedelta(days=30)).isoformat()
    assert _next_check(old, 0, now) is None  # an old story found late is not re-fetched


def test_upgrade_from_the_first_schema_keeps_stories_and_fills_new_columns(tmp_path):
    import sqlite_utils

    from archive.db import MIGRATIONS

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    MIGRATIONS[0](old)
    old.execute("pragma user_version = 1")
    old["articles"].insert(
        {
            "url": "https://a.example/1",
            "title": "T",
            "text": "Body text here.",
            "content_hash": "h",
            "extraction": '{"method": "trafilatura", "rules": {"share-bar": 1, "related-list": 2}}',
        }
    )
    old.conn.commit()
    old.close()
    with Archive(path) as archive:
        row = archive.db["articles"].get("https://a.example/1")
        assert row["title"] == "T"
        assert sorted(json.loads(row["rules"])) == ["related-list", "share-bar"]
        # FTS triggers survived the upgrade
        archive.store_article(record(url="https://a.example/2", text="Zanzibar harbour", content_hash="z"))
        assert list(archive.db.query("select rowid from articles_fts where articles_fts match 'zanzibar'"))


def test_canonical_page_wins_over_a_variant_fetched_first_in_the_same_run(tmp_path):
    from pipelines.store import ArchiveWriter, PageFate

    with Archive(tmp_path / "news.db") as archive:
        crawl = archive.start_crawl(["Valley Courier"])
        writer = ArchiveWriter(archive, crawl, batch=1)
        canonical = "https://valley.example/sport/2026/11/late-winner/"
        amp = record(
            url=canonical,
            fetched_url="https://valley.example/amp/late-winner/",
            text="Published: Sunday.\n\nThe match report.",
            content_hash="amp",
        )
        page = record(
            url=canonical,
            fetched_url=canonical + "?utm_source=twitter",
            text="The match report.",
            content_hash="canon",
        )
        writer.add(PageFate(amp["fetched_url"], "article", "Valley Courier", record=amp))
        writer.add(PageFate(page["fetched_url"], "article", "Valley Courier", record=page))
        writer.close()
        row = archive.db["articles"].get(canonical)
        assert row["text"] == "The match report." and row["versions"] == 1
        assert archive.crawl_counts(crawl)["new"] == 1 and archive.crawl_counts(crawl)["skipped"] == 1
        assert archive.known_url("https://valley.example/amp/late-winner/") == canonical
