"""Atom feeds: any table or query that returns atom_id, atom_updated and atom_title gets a `.atom`
link (the "latest" canned query, and the "search" query for any saved search).

Our own renderer rather than datasette-atom 0.9: that one fails with a server error on a query with
no rows (a saved search with nothing new) and pulls in bleach, which is deprecated. Here story
text is only ever plain text: atom_content is escaped into paragraphs, links are kept only for
http(s) URLs, and ElementTree escapes everything for XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

from datasette import __version__ as datasette_version
from datasette import hookimpl
from datasette.utils.asgi import Response

from archive.plugins.reading_room import http_url, paragraphs

ATOM = "http://www.w3.org/2005/Atom"
REQUIRED_COLUMNS = {"atom_id", "atom_updated", "atom_title"}
# Characters XML 1.0 cannot carry at all, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: Any) -> str:
    return _XML_INVALID.sub("", "" if value is None else str(value))


def _timestamp(value: Any) -> str:
    """RFC 3339 as Atom wants it; dates without a zone are taken as UTC."""
    text = _text(value).strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        when = datetime(1970, 1, 1, tzinfo=UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.isoformat(timespec="seconds")


def _sub(parent: ET.Element, tag: str, text: Any = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = _text(text)
    return element


def build_feed(
    rows: list[dict[str, Any]], *, feed_id: str, title: str, self_url: str, alternate_url: str | None = None
) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", feed_id)
    _sub(feed, "title", title)
    updated = max((_timestamp(row["atom_updated"]) for row in rows), default=None)
    _sub(feed, "updated", updated or datetime.now(UTC).isoformat(timespec="seconds"))
    _sub(feed, "generator", "newsbot via Datasette", version=datasette_version)
    _sub(feed, "link", rel="self", href=_text(self_url))
    if alternate_url:
        _sub(feed, "link", rel="alternate", type="text/html", href=_text(alternate_url))
    for row in rows:
        entry = _sub(feed, "entry")
        _sub(entry, "id", row["atom_id"])
        _sub(entry, "title", row["atom_title"], type="text")
        _sub(entry, "updated", _timestamp(row["atom_updated"]))
        if row.get("atom_published"):
            _sub(entry, "published", _timestamp(row["atom_published"]))
        link = http_url(row.get("atom_link"))
        if link:
            _sub(entry, "link", rel="alternate", href=_text(link))
        authors = row.get("atom_author_name")
        if authors:
            author = _sub(entry, "author")
            _sub(author, "name", authors)
        if row.get("atom_summary"):
            _sub(entry, "summary", row["atom_summary"], type="text")
        if row.get("atom_content") is not None:
            # Escaped paragraphs: a feed reader renders the HTML, so the text is escaped first.
            _sub(entry, "content", str(paragraphs(_text(row["atom_content"]))), type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def render_atom(
    datasette: Any,
    request: Any,
    columns: list[str],
    rows: list[Any],
    database: str,
    table: str | None,
    query_name: str | None,
    data: dict[str, Any],
) -> Response:
    if not REQUIRED_COLUMNS.issubset(columns):
        return Response.text(
            "This query cannot be a feed: it must return the columns " + ", ".join(sorted(REQUIRED_COLUMNS)),
            status=400,
        )
    title = "newsbot"
    if query_name:
        query = (datasette.metadata("queries", database=database) or {}).get(query_name) or {}
        title = f"newsbot: {query.get('title') or query_name}"
    elif table:
        title = f"newsbot: {table}"
    q = request.args.get("q")
    if q:
        title += f" for “{q}”"
    html_path = request.path.rsplit(".atom", 1)[0]
    alternate = datasette.absolute_url(
        request, html_path + (f"?{request.query_string}" if request.query_string else "")
    )
    body = build_feed(
        [dict(zip(columns, row, strict=True)) for row in rows],
        feed_id=request.url,
        title=title,
        self_url=request.url,
        alternate_url=alternate,
    )
    return Response(body, content_type="application/atom+xml; charset=utf-8")


def can_render_atom(columns: list[str]) -> bool:
    return REQUIRED_COLUMNS.issubset(columns)


@hookimpl
def register_output_renderer() -> dict[str, Any]:
    return {"extension": "atom", "render": render_atom, "can_render": can_render_atom}
