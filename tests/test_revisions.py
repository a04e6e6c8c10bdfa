"""Edits to published stories are caught on re-check; boilerplate-only changes are not revisions."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import FAST, newsbot


@pytest.fixture
def world_and_archive(tmp_path):
    from newsbot.demo.site import DemoWorld, serve_world

    world = DemoWorld()
    with serve_world(world) as running:
        sources = tmp_path / "sources.toml"
        sources.write_text(running.sources_toml(), encoding="utf-8")
        db = tmp_path / "news.db"
        first = newsbot(
            "crawl", "--sources", str(sources), "--db", str(db), "--log-file", str(tmp_path / "1.log"), *FAST
        )
        assert first.returncode in (0, 3), first.stderr
        yield world, running, sources, db


def test_edits_become_versions_and_boilerplate_changes_do_not(world_and_archive, tmp_path):
    world, running, sources, db = world_and_archive
    expected = running.expected_articles()
    body_edit, related_edit, title_edit = expected[0], expected[1], expected[2]
    new_paragraphs = [*body_edit.paragraphs[:-1], "Update: the council has since reversed its decision."]
    world.edit_article(body_edit.url, new_paragraphs=new_paragraphs)
    world.edit_article(related_edit.url, new_related=["A brand new related headline nobody saw before"])
    world.edit_article(title_edit.url, new_title=title_edit.title + " (updated)")

    conn = sqlite3.connect(db)
    # An hour passes: every story is due for its first re-check.
    with conn:
        conn.execute("update articles set next_check = '2000-01-01T00:00:00+00:00'")
    second = newsbot(
        "crawl", "--sources", str(sources), "--db", str(db), "--log-file", str(tmp_path / "2.log"), *FAST
    )
    assert second.returncode in (0, 3), second.stderr

    versions = dict(conn.execute("select url, versions from articles"))
    assert versions[body_edit.url] == 2
    assert versions[title_edit.url] == 2
    assert versions[related_edit.url] == 1, "a new related list is not an edit of the story"
    assert sum(v > 1 for v in versions.values()) == 2

    (text,) = conn.execute("select text from articles where url = ?", [body_edit.url]).fetchone()
    assert "reversed its decision" in text
    old_text, diff = conn.execute(
        "select text, diff from article_versions where article_url = ?", [body_edit.url]
    ).fetchone()
    assert body_edit.paragraphs[-1] in old_text
    assert "+Update: the council has since reversed its decision." in diff
    (old_title,) = conn.execute(
        "select title from article_versions where article_url = ?", [title_edit.url]
    ).fetchone()
    assert old_title == title_edit.title

    crawl = conn.execute("select new, updated, unchanged from crawls order by id desc").fetchone()
    assert crawl[0] == 0 and crawl[1] == 2 and crawl[2] == len(expected) - 2
    # checked stories are scheduled again later (backing off), not every run
    due = conn.execute("select count(*) from articles where next_check <= '2000-01-02'").fetchone()[0]
    assert due == 0
