"""The reading room through Datasette's in-process client, and once over real HTTP."""

from __future__ import annotations

import asyncio
import html
import json
import os
import re
import sqlite3
import subprocess
import sys
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from datasette.utils import tilde_encode

from archive.plugins.reading_room import fts_query, http_url, marks
from archive.serve import load_metadata, make_datasette
from tests.archive_fixtures import HOSTILE_URL, build_archive, running_server

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"

# What must never reach a page as markup, and how it must appear instead.
RAW_HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">',
)
BRIDGE = "https://harbour-gazette.example/2024/05/01/harbour-bridge"


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("reading-room") / "my-archive.db")


def run(archive_path: Path, fn: Callable[[Any], Awaitable[T]]) -> T:
    """Run `fn(datasette)` against a fresh read-only instance over the fixture archive."""

    async def main() -> T:
        ds = make_datasette(str(archive_path))
        await ds.invoke_startup()
        return await fn(ds)

    return asyncio.run(main())


def get_all(archive_path: Path, *paths: str) -> dict[str, httpx.Response]:
    async def fetch(ds: Any) -> dict[str, httpx.Response]:
        return {path: await ds.client.get(path) for path in paths}

    responses = run(archive_path, fetch)
    for path, response in responses.items():
        assert response.status_code == 200, (path, response.status_code, response.text[:500])
    return responses


def row_path(url: str) -> str:
    return "/news/articles/" + tilde_encode(url)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- front page, search, facets ---------------------------------------------------------------------


def test_front_page_summarises_the_archive(archive_path: Path) -> None:
    html = get_all(archive_path, "/")["/"].text
    words = text_of(html)
    assert re.search(r"\b6 stories\b", words)
    assert "3 sources" in words
    assert "from 2024-05-01 to 2024-05-04" in words
    assert re.search(r"last crawl #2 .*: ok \(0 new, 1 updated, 0 failed\)", words)
    for source, count in (("harbour-gazette", 2), ("metro-daily", 2), ("valley-times", 2)):
        assert re.search(rf">{source}</a></td>\s*<td>{count}</td>", html)
    for name in load_metadata()["databases"]["news"]["queries"]:
        assert f'href="/news/{name}"' in html
    assert 'action="/news/search"' in html and 'name="q"' in html
    assert "<svg" in html and 'class="mark"' in html  # stories-per-day chart


def test_search_ranks_and_highlights_a_phrase(archive_path: Path) -> None:
    pages = get_all(
        archive_path,
        '/news/search?q="flood+defences"',
        "/news/search.json?q=repair&_shape=array",
        "/news/search.json?q=council&_shape=array",
        "/news/search.json?q=tram+OR+(&_shape=array",
    )
    html = pages['/news/search?q="flood+defences"'].text
    assert "Valley flood defences tested by storm" in html
    assert "<mark>flood defences</mark>" in html or "<mark>flood</mark> <mark>defences</mark>" in html
    assert "Harbour bridge" not in html
    assert f'href="{row_path("https://valley-times.example/news/flood-defences")}"' in html
    # Porter stemming: "repair" finds "repairs".
    assert [r["url"] for r in pages["/news/search.json?q=repair&_shape=array"].json()] == [BRIDGE]
    # Ranked with the headline weighted: the story with "council" in its headline comes first.
    council = pages["/news/search.json?q=council&_shape=array"].json()
    assert council[0]["title"] == "New tram line approved by city council" and len(council) == 2
    # FTS operators and stray punctuation typed by a person are words, not a syntax error.
    assert pages["/news/search.json?q=tram+OR+(&_shape=array"].json() == []


def test_search_filters(archive_path: Path) -> None:
    def urls(query: str) -> set[str]:
        response = get_all(archive_path, f"/news/search.json?_shape=array&{query}")
        return {row["url"].rsplit("/", 1)[-1] for row in next(iter(response.values())).json()}

    assert urls("q=the") >= {"harbour-bridge", "fish-market", "flood-defences", "tram-line"}
    assert urls("q=the&source=valley-times") == {"flood-defences"}
    assert urls("q=die&language=de") == {"schule"}
    assert urls("q=the&author=ben") == {"harbour-bridge", "fish-market"}
    assert urls("q=the&since=2024-05-02&until=2024-05-02") == {"fish-market", "flood-defences"}


def test_table_search_and_facets(archive_path: Path) -> None:
    pages = get_all(
        archive_path,
        "/news/articles.json?_search=tram&_shape=objects",
        "/news/articles.json?_size=0",
        "/news/articles",
    )
    found = pages["/news/articles.json?_search=tram&_shape=objects"].json()["rows"]
    assert [row["title"] for row in found] == ["New tram line approved by city council"]
    facets = pages["/news/articles.json?_size=0"].json()["facet_results"]
    assert facets["source"]["type"] == "column" and {r["value"] for r in facets["source"]["results"]} == {
        "harbour-gazette",
        "metro-daily",
        "valley-times",
    }
    assert {r["value"]: r["count"] for r in facets["language"]["results"]} == {"en": 5, "de": 1}
    assert facets["published"]["type"] == "date"
    assert {r["value"] for r in facets["published"]["results"]} == {f"2024-05-0{d}" for d in range(1, 5)}
    assert facets["authors"]["type"] == "array"
    assert {r["value"]: r["count"] for r in facets["authors"]["results"]}["Ada Reporter"] == 2
    html = pages["/news/articles"].text
    assert "sorted by published descending" in html
    assert 'data-column="source"' in html or "facet-source" in html


# --- canned queries --------------------------------------------------------------------------------


def test_every_canned_query_runs_and_returns_sane_rows(archive_path: Path) -> None:
    queries = load_metadata()["databases"]["news"]["queries"]
    paths = {
        name: f"/news/{name}.json?_shape=array" + ("&q=harbour" if name == "search" else "")
        for name in queries
    }
    pages = get_all(archive_path, *paths.values(), *(f"/news/{name}" for name in queries))
    rows = {name: pages[path].json() for name, path in paths.items()}
    assert all(rows[name] for name in queries), {name: len(r) for name, r in rows.items()}

    assert [r["url"] for r in rows["latest"]][0] == HOSTILE_URL and len(rows["latest"]) == 6
    per_day = {(r["day"], r["source"]): r["stories"] for r in rows["stories_per_source_per_day"]}
    assert per_day[("2024-05-02", "valley-times")] == 1 and sum(per_day.values()) == 6
    assert rows["search"][0]["url"] == BRIDGE and "\ue000" in rows["search"][0]["snippet"]
    assert [(r["url"], r["headline_changed"]) for r in rows["recent_edits"]] == [(BRIDGE, 1)]
    assert (
        "-Engineers replaced the corroded cables and the council promised lower tolls."
        in rows["recent_edits"][0]["diff"]
    )
    assert [(r["old_title"], r["new_title"]) for r in rows["headline_changes"]] == [
        ("Harbour bridge reopens after repairs", "Harbour bridge reopens after long repairs")
    ]
    health = {r["source"]: r for r in rows["crawl_health"]}
    assert health["valley-times"]["failed"] == 1 and health["valley-times"]["failed_pct"] == 33.3
    assert health["valley-times"]["last_failure"] == "HTTP 404"
    assert health["metro-daily"]["skipped"] == 1 and health["harbour-gazette"]["updated"] == 1
    assert [(r["id"], r["outcome"]) for r in rows["crawls_recent"]] == [(2, "ok"), (1, "ok")]
    audit = {(r["rule"], r["source"]): (r["stories"], r["removed"]) for r in rows["rule_audit"]}
    assert audit[("related-list", "harbour-gazette")] == (1, 2)
    assert audit[("share-bar", "metro-daily")] == (1, 3)
    assert sum(stories for stories, _ in audit.values()) == 7


# --- reader view -----------------------------------------------------------------------------------


def test_reader_view_shows_the_story(archive_path: Path) -> None:
    path = row_path(BRIDGE)
    html = get_all(archive_path, path)[path].text
    assert '<meta name="viewport"' in html
    assert '<h1 class="headline">Harbour bridge reopens after long repairs</h1>' in html
    story = html.split('<div class="story-text">', 1)[1].split("</div>", 1)[0]
    assert re.findall(r"<p>(.*?)</p>", story) == [
        "The harbour bridge reopened on Wednesday after six months of repairs.",
        "Engineers replaced the corroded cables and the council promised no tolls at all.",
        "Commuters welcomed the shorter journey across the estuary.",
    ]
    assert ">Ada Reporter</a>, <a" in html and ">Ben Writer</a>" in html
    assert '<time datetime="2024-05-01T08:00:00+00:00">2024-05-01 08:00</time>' in html
    assert f'<a href="{BRIDGE}" rel="noopener noreferrer nofollow" class="original-link">' in html
    assert '<img src="https://harbour-gazette.example/img/bridge.jpg"' in html
    assert ">transport</a>" in html and ">council</a>" in html
    assert "<code>related-list</code> removed 2" in html and ">trafilatura<" in html
    assert "Version 1: “Harbour bridge reopens after repairs”" in html
    assert (
        '<span class="diff-removed">-Engineers replaced the corroded cables and the council promised lower'
        in html
    )


def test_reader_view_works_whatever_the_file_is_called(tmp_path: Path) -> None:
    path = build_archive(tmp_path / "2024 archive (copy).sqlite")
    html = get_all(path, row_path(BRIDGE))[row_path(BRIDGE)].text
    assert 'class="story-page"' in html


# --- untrusted story data --------------------------------------------------------------------------


def test_hostile_story_is_text_on_every_page(archive_path: Path) -> None:
    hostile_row = row_path(HOSTILE_URL)
    paths = [
        "/",
        "/news",
        "/news/articles",
        "/news/articles?_search=zebra",
        "/news/articles?_facet_array=tags&_facet=extraction",
        "/news/articles?source=metro-daily&_sort=title",
        hostile_row,
        "/news/latest",
        "/news/search?q=zebra",
        "/news/search?q=alert",
        "/news/rule_audit",
        "/news/recent_edits",
        "/news/article_urls",
        "/news/fetch_log",
        "/news?sql=select+title,+authors,+tags,+text,+url+from+articles",
        "/-/charts",
    ]
    pages = get_all(archive_path, *paths)
    for path, response in pages.items():
        html = response.text
        for raw in RAW_HOSTILE:
            assert raw not in html, (path, raw)
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.I), path
        assert not re.search(r"<[^>]+\son\w+\s*=", html.replace("onerror=alert(1)&gt;", "")), path
    # ... and the story is still there, escaped, where it is shown.
    for path in (hostile_row, "/news/latest", "/news/search?q=zebra", "/news/articles?_search=zebra"):
        html = pages[path].text
        assert "Breaking &lt;script&gt;alert(1)&lt;/script&gt; news" in html, path
    for path in (hostile_row, "/news/articles?_search=zebra"):
        assert "&lt;img src=x onerror=alert(1)&gt;" in pages[path].text, path
    reader = pages[hostile_row].text
    assert "<p>Click &lt;a href=&#34;javascript:alert(1)&#34;&gt;here&lt;/a&gt;" in reader
    assert "&lt;a href=&#34;javascript:alert(1)&#34;&gt;tag&lt;/a&gt;" in reader  # the tag
    assert "Original address (not a web link)" not in reader  # https, so linked, but escaped
    assert "<figure" not in reader  # image is javascript:, not loaded
    assert "&lt;b&gt;rule&lt;/b&gt;" in pages["/news/rule_audit"].text
    assert "&lt;b&gt;rule&lt;/b&gt;" in pages["/-/charts"].text
    assert "<mark>zebra</mark>" in pages["/news/search?q=zebra"].text


def test_hostile_story_in_feeds_is_escaped_html(archive_path: Path) -> None:
    pages = get_all(archive_path, "/news/latest.atom", "/news/search.atom?q=zebra")
    for path, response in pages.items():
        assert response.headers["content-type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        entries = feed.findall(f"{ATOM}entry")
        hostile = next(e for e in entries if e.findtext(f"{ATOM}id") == HOSTILE_URL)
        assert hostile.findtext(f"{ATOM}title") == "Breaking <script>alert(1)</script> news"
        assert hostile.find(f"{ATOM}title").get("type") == "text"
        content = hostile.find(f"{ATOM}content")
        assert content.get("type") == "html"
        # What a feed reader renders as HTML: our paragraphs around escaped story text.
        assert content.text.startswith("<p>First paragraph &lt;img src=x onerror=alert(1)&gt;")
        for raw in RAW_HOSTILE:
            assert raw not in content.text, (path, raw)
        assert hostile.findtext(f"{ATOM}author/{ATOM}name") == "<img src=x onerror=alert(1)>"
    latest = ET.fromstring(pages["/news/latest.atom"].content)
    assert latest.findtext(f"{ATOM}title") == "newsbot: Latest stories"
    assert len(latest.findall(f"{ATOM}entry")) == 6


def test_feed_of_a_search_with_no_results_is_an_empty_feed(archive_path: Path) -> None:
    response = get_all(archive_path, "/news/search.atom?q=nothingmatchesthis")
    feed = ET.fromstring(next(iter(response.values())).content)
    assert feed.findall(f"{ATOM}entry") == [] and feed.findtext(f"{ATOM}updated")


def test_helpers_escape_before_marking() -> None:
    assert str(marks("a <b>\ue000x\ue001 \ue001 \ue000y")) == "a &lt;b&gt;<mark>x</mark>  <mark>y</mark>"
    assert http_url("javascript:alert(1)") is None and http_url(" data:text/html,x") is None
    assert http_url("https://a.example/x") == "https://a.example/x" and http_url("http:/nohost") is None
    assert fts_query('tram "city council" OR ( -x pre*') == '"tram" "city council" "OR" "(" "-x" "pre"*'
    assert fts_query("") == '""'


# --- configuration ---------------------------------------------------------------------------------


def test_every_table_and_column_is_documented(archive_path: Path) -> None:
    metadata = load_metadata()
    tables = metadata["databases"]["news"]["tables"]
    conn = sqlite3.connect(archive_path)
    names = [
        r[0]
        for r in conn.execute("select name from sqlite_master where type in ('table', 'view') order by name")
        if not re.match(r"articles_fts_|sqlite_", r[0])
    ]
    undocumented = []
    for name in names:
        table = tables.get(name) or {}
        if not table.get("description"):
            undocumented.append(name)
        for (column,) in conn.execute(f"select name from pragma_table_info('{name}')"):
            if not (table.get("columns") or {}).get(column):
                undocumented.append(f"{name}.{column}")
    assert undocumented == [], f"describe these in archive/metadata.yaml: {undocumented}"
    assert set(tables) <= set(names), "metadata describes tables that do not exist"
    for name, query in metadata["databases"]["news"]["queries"].items():
        assert query.get("title") and query.get("description"), name
    assert tables["validators"]["hidden"] is True


def test_served_read_only(archive_path: Path) -> None:
    before = sqlite3.connect(archive_path).execute("select count(*) from crawls").fetchone()[0]

    async def attempt(ds: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["sql"] = await ds.client.get("/news.json?sql=insert+into+crawls(outcome)+values('x')")
        db = ds.get_database("news")
        out["pragma"] = await db.execute_fn(lambda conn: conn.execute("pragma query_only").fetchone()[0])
        try:
            await db.execute_write("insert into crawls(outcome) values ('x')")
            out["write"] = None
        except sqlite3.OperationalError as error:
            out["write"] = str(error)
        try:
            await db.execute_fn(lambda conn: conn.execute("insert into crawls(outcome) values ('x')"))
            out["read_conn"] = None
        except sqlite3.OperationalError as error:
            out["read_conn"] = str(error)
        out["settings"] = ds.settings_dict()
        out["post"] = await ds.client.post("/news/articles", data={"url": "x"})
        return out

    out = run(archive_path, attempt)
    assert out["sql"].status_code == 400
    assert out["pragma"] == 1
    assert out["write"] and "readonly" in out["write"]
    assert out["read_conn"] and "readonly" in out["read_conn"]
    assert out["post"].status_code >= 400
    assert out["settings"]["sql_time_limit_ms"] == 1000
    assert sqlite3.connect(archive_path).execute("select count(*) from crawls").fetchone()[0] == before


def test_sees_writes_made_while_serving(tmp_path: Path) -> None:
    """Served mutable (not immutable): a crawl writing in WAL mode shows up without a restart."""
    from archive.db import Archive

    path = build_archive(tmp_path / "news.db")

    async def scenario(ds: Any) -> tuple[int, int]:
        first = (await ds.client.get("/news/articles.json?_size=0")).json()["filtered_table_rows_count"]
        with Archive(path) as archive:
            archive.store_article(
                {"url": "https://new.example/a", "title": "Late", "text": "t", "content_hash": "h"}
            )
            second = (await ds.client.get("/news/articles.json?_size=0")).json()["filtered_table_rows_count"]
        return first, second

    assert run(path, scenario) == (6, 7)


def test_real_http_server(archive_path: Path) -> None:
    with running_server(archive_path) as base:
        assert base.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(base + "/", timeout=10) as response:
            front = response.read().decode()
        assert response.status == 200 and 'id="story-count">6<' in front
        with urllib.request.urlopen(base + "/news/search?q=tram", timeout=10) as response:
            assert "<mark>tram</mark>" in response.read().decode()
        with urllib.request.urlopen(base + row_path(HOSTILE_URL), timeout=10) as response:
            reader = response.read().decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in reader and "<script>alert(1)" not in reader
        with urllib.request.urlopen(base + "/news/latest.atom", timeout=10) as response:
            assert len(ET.fromstring(response.read()).findall(f"{ATOM}entry")) == 6
        with urllib.request.urlopen(base + "/newsbot-static/newsbot.css", timeout=10) as response:
            assert b"story-page" in response.read()


def test_plain_datasette_command_serves_the_same_room(tmp_path: Path) -> None:
    from archive.serve import datasette_command

    path = build_archive(tmp_path / "news.db")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    argv = datasette_command(str(path))
    argv[0] = str(Path(sys.executable).with_name("datasette"))
    result = subprocess.run(
        [*argv, "--get", "/news/search.json?q=tram&_shape=array"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert [row["title"] for row in json.loads(result.stdout)] == ["New tram line approved by city council"]


def test_behind_a_reverse_proxy_under_a_path(archive_path: Path) -> None:
    async def fetch(ds: Any) -> dict[str, httpx.Response]:
        # ds.client prefixes base_url itself, as a proxy passing the full path would.
        return {p: await ds.client.get(p) for p in ("/", "/news/search?q=tram", row_path(BRIDGE))}

    async def main() -> dict[str, httpx.Response]:
        ds = make_datasette(str(archive_path), base_url="/archive/")
        await ds.invoke_startup()
        return await fetch(ds)

    pages = asyncio.run(main())
    assert all(r.status_code == 200 for r in pages.values())
    assert 'action="/archive/news/search"' in pages["/"].text
    assert 'href="/archive/newsbot-static/newsbot.css"' in pages["/"].text
    assert (
        f'href="/archive{row_path("https://metro-daily.example/city/tram-line")}"'
        in pages["/news/search?q=tram"].text
    )
    hrefs = re.findall(r'(?:href|action|src)="(/[^"]*)"', pages["/"].text + pages[row_path(BRIDGE)].text)
    assert hrefs and all(h.startswith("/archive/") for h in hrefs), [
        h for h in hrefs if not h.startswith("/archive/")
    ]


# "/news/" is also the archive's own route: a path under it may or may not carry the prefix
@pytest.mark.parametrize("base", ["/archive/", "/news/"])
def test_under_a_path_every_link_of_the_table_pages_works(archive_path: Path, base: str) -> None:
    # Export as JSON / CSV, sorting, facets and the next page are built from the request's path;
    # Datasette 0.65 put the prefix in twice on some of them (/archive/archive/news/articles.json).
    async def main() -> tuple[list[str], dict[str, int]]:
        ds = make_datasette(str(archive_path), base_url=base)
        await ds.invoke_startup()
        links: list[str] = []
        for page in ("/news/articles?_size=2", "/news/crawls", "/news/latest"):
            response = await ds.client.get(page)
            assert response.status_code == 200, page
            for href in re.findall(r'(?:href|action|src)="([^"#]+)', response.text):
                href = html.unescape(href).removeprefix("http://localhost")
                if href.startswith("/"):
                    links.append(href)
        statuses = {link: (await ds.client.get(link)).status_code for link in sorted(set(links))}
        return links, statuses

    links, statuses = asyncio.run(main())
    assert any(".json" in link for link in links) and any(".csv" in link for link in links)
    assert any("_sort=" in link for link in links) and any("__arraycontains=" in link for link in links)
    # the prefix once, then one of Datasette's own first segments (the archive, -, our static files)
    once = re.compile(re.escape(base) + r"(news[/.?]|news$|-/|newsbot-static/|$)")
    assert [link for link in links if not once.match(link)] == []
    assert {link: status for link, status in statuses.items() if status != 200} == {}


def test_other_datasette_instances_are_left_alone(archive_path: Path) -> None:
    """Our plugins are registered process-wide; a plain Datasette in the same process is unaffected."""
    from datasette.app import Datasette

    make_datasette(str(archive_path))  # registers the plugins

    async def main() -> tuple[int, str, int]:
        ds = Datasette(memory=True)
        await ds.invoke_startup()
        index = await ds.client.get("/")
        charts = await ds.client.get("/-/charts")
        return index.status_code, index.text, charts.status_code

    status, html, charts_status = asyncio.run(main())
    assert status == 200 and "Search stories" not in html and charts_status == 404
