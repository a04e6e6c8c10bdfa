"""Reading-room plugin: SQL helpers, Jinja filters and template data for the front page, the reader
view and the search page.

Story data is untrusted. Nothing here marks story data safe: every filter escapes first and only
then adds markup of its own.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any
from urllib.parse import urlsplit

from datasette import hookimpl
from datasette.utils import tilde_encode, urlsafe_components
from markupsafe import Markup, escape

# The archive is always mounted under this name, whatever the file is called, so that metadata,
# templates (row-news-articles.html, query-news-search.html) and URLs do not depend on it.
DB_NAME = "news"

# FTS5 snippet()/highlight() markers: private-use characters, so a story cannot fake a highlight
# with markup, and the markers are turned into <mark> only after the text has been escaped.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

_FTS_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(q: str | None) -> str:
    """A user's search words as a safe FTS5 query: every word (or "quoted phrase") becomes a quoted
    phrase, so punctuation and FTS operators typed by a person never raise a syntax error.
    A trailing * on a word keeps prefix search."""
    parts = []
    for phrase, word in _FTS_TOKEN.findall(q or ""):
        term = phrase if phrase else word
        prefix = not phrase and term.endswith("*") and len(term) > 1
        term = term.rstrip("*") if prefix else term
        term = term.replace('"', "")
        if term.strip():
            parts.append(f'"{term}"' + ("*" if prefix else ""))
    return " ".join(parts) or '""'


def http_url(value: Any) -> str | None:
    """The URL if it is an absolute http(s) URL a browser may follow or load, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(ord(ch) < 33 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def paragraphs(text: Any) -> Markup:
    """Plain article text (paragraphs separated by a blank line) as escaped <p> elements."""
    if not text:
        return Markup("")
    blocks = [block.strip() for block in re.split(r"\n\s*\n", str(text)) if block.strip()]
    return Markup("\n").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(escape(line) for line in block.split("\n")))
        for block in blocks
    )


def marks(snippet: Any) -> Markup:
    """An FTS5 snippet with our markers as escaped text with balanced <mark> elements."""
    if snippet is None:
        return Markup("")
    out: list[str] = []
    open_ = False
    for piece in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", str(snippet)):
        if piece == MARK_OPEN:
            if not open_:
                out.append("<mark>")
                open_ = True
        elif piece == MARK_CLOSE:
            if open_:
                out.append("</mark>")
                open_ = False
        else:
            out.append(str(escape(piece)))
    if open_:
        out.append("</mark>")
    return Markup("".join(out))


def from_json(value: Any, default: Any = None) -> Any:
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return default


def as_list(value: Any) -> list[Any]:
    """A JSON array column (authors, tags) as a list of strings; a bare string becomes one item."""
    parsed = from_json(value, default=value)
    if parsed is None:
        return []
    if isinstance(parsed, list):
        return [str(item) for item in parsed if item not in (None, "")]
    return [str(parsed)]


def diff_lines(diff: Any) -> list[tuple[str, str]]:
    """A unified diff as (css class, line) pairs for the template to escape and colour."""
    lines = []
    for line in str(diff or "").splitlines():
        if line.startswith(("+++", "---")):
            kind = "meta"
        elif line.startswith("+"):
            kind = "added"
        elif line.startswith("-"):
            kind = "removed"
        elif line.startswith("@@"):
            kind = "meta"
        else:
            kind = "context"
        lines.append((kind, line))
    return lines


def html_paragraphs(text: Any) -> str | None:
    """SQL function newsbot_html(text): escaped paragraphs, for feeds that carry HTML content."""
    if text is None:
        return None
    return str(paragraphs(text))


# --- hooks ---------------------------------------------------------------------------------------


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("newsbot_fts", 1, fts_query, deterministic=True)
    conn.create_function("newsbot_html", 1, html_paragraphs, deterministic=True)
    conn.create_function("newsbot_http_url", 1, http_url, deterministic=True)


@hookimpl
def prepare_jinja2_environment(env: Any, datasette: Any) -> None:
    env.filters["paragraphs"] = paragraphs
    env.filters["marks"] = marks
    env.filters["http_url"] = http_url
    env.filters["from_json"] = from_json
    env.filters["as_list"] = as_list
    env.filters["diff_lines"] = diff_lines

    def article_path(url: str) -> str:
        return datasette.urls.row(DB_NAME, "articles", tilde_encode(str(url)))

    env.filters["article_path"] = article_path


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str) -> Markup | None:
    if database != DB_NAME:
        return None
    if column == "snippet" and isinstance(value, str):
        return marks(value)
    if (
        table in ("articles", "article_versions")
        and column == "text"
        and isinstance(value, str)
        and len(value) > 280
    ):
        # The table view lists many stories: a preview is enough, the reader view has the rest.
        return Markup("{}…").format(value[:280])
    if column == "diff" and isinstance(value, str):
        rows = Markup("").join(
            Markup('<span class="diff-{}">{}</span>').format(kind, line) for kind, line in diff_lines(value)
        )
        return Markup('<pre class="diff">{}</pre>').format(rows)
    return None


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    # Plugins are registered process-wide: stay out of Datasette instances that are not ours.
    if DB_NAME not in datasette.databases:
        return []
    return [
        {"href": datasette.urls.database(DB_NAME) + "/search", "label": "Search stories"},
        {"href": datasette.urls.path("/-/charts"), "label": "Charts"},
    ]


async def _front_page(datasette: Any, request: Any) -> dict[str, Any]:
    from archive.plugins import charts

    db = datasette.get_database(DB_NAME)
    totals = (
        await db.execute(
            "select count(*) as stories, min(published) as first, max(published) as last,"
            " count(distinct source) as sources from articles"
        )
    ).first()
    sources = (
        await db.execute(
            "select source, count(*) as stories, max(published) as latest from articles"
            " group by source order by stories desc, source"
        )
    ).rows
    last_crawl = (await db.execute("select * from crawls order by id desc limit 1")).first()
    crawls = (await db.execute("select count(*) from crawls")).first()[0]
    queries = await datasette.get_canned_queries(DB_NAME, request.actor if request else None)
    return {
        "newsbot": {
            "stories": totals["stories"],
            "first": totals["first"],
            "last": totals["last"],
            "sources": [dict(row) for row in sources],
            "last_crawl": dict(last_crawl) if last_crawl else None,
            "crawls": crawls,
            "queries": [
                {"name": name, "title": query.get("title") or name, "description": query.get("description")}
                for name, query in queries.items()
            ],
            "chart": await charts.drawn(
                "Stories per day per source", charts.stories_per_day_svg(db, days=30)
            ),
        }
    }


async def _reader_view(datasette: Any, request: Any) -> dict[str, Any]:
    db = datasette.get_database(DB_NAME)
    url = urlsafe_components(request.url_vars["pks"])[0]
    versions = (
        await db.execute(
            "select version, title, first_seen, replaced_at, diff from article_versions"
            " where article_url = ? order by version desc",
            [url],
        )
    ).rows
    return {"versions": [dict(row) for row in versions]}


@hookimpl
def extra_template_vars(
    template: str, database: str | None, table: str | None, view_name: str, request: Any, datasette: Any
) -> Any:
    async def inner() -> dict[str, Any]:
        if DB_NAME not in datasette.databases:
            return {}
        if template == "index.html":
            return await _front_page(datasette, request)
        if view_name == "row" and database == DB_NAME and table == "articles" and request is not None:
            return await _reader_view(datasette, request)
        if template.startswith("query-") and database == DB_NAME:
            db = datasette.get_database(DB_NAME)
            rows = (await db.execute("select distinct source from articles order by source")).rows
            langs = (
                await db.execute(
                    "select distinct language from articles where language is not null order by language"
                )
            ).rows
            return {"newsbot_sources": [r[0] for r in rows], "newsbot_languages": [r[0] for r in langs]}
        return {}

    return inner
