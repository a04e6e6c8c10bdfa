"""RSS, Atom, sitemaps and Google News sitemaps for the demo publishers.

All URLs inside are absolute (base URL + path), as in the wild; the server adds ETag and
Last-Modified so crawlers can ask again cheaply.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape as x

from newsbot.demo.templates import post_id
from newsbot.demo.world import Article, Publisher

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
SITEMAP_LIMIT = 1000  # URLs per sitemap file; bigger sets are split under an index


def newest(articles: Iterable[Article]) -> datetime | None:
    return max((a.modified for a in articles), default=None)


def rss(pub: Publisher, base: str, articles: list[Article], link_suffix: str = "") -> str:
    """RSS 2.0. ``link_suffix`` appends tracking parameters to item links, as some feed plugins do."""
    items = []
    for a in articles:
        link = base + a.path + link_suffix
        categories = "".join(f"<category><![CDATA[{t}]]></category>" for t in a.tags)
        items.append(
            f"""<item>
<title>{x(a.title)}</title>
<link>{x(link)}</link>
<dc:creator><![CDATA[{", ".join(a.authors)}]]></dc:creator>
<pubDate>{format_datetime(a.published)}</pubDate>
{categories}
<guid isPermaLink="false">{x(base)}/?p={post_id(a)}</guid>
<description>{x(a.summary)}</description>
</item>"""
        )
    built = newest(articles)
    last_build = f"<lastBuildDate>{format_datetime(built)}</lastBuildDate>" if built else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{x(pub.name)}</title>
<link>{x(base)}/</link>
<description>{x(pub.tagline)}</description>
<language>en-us</language>
{last_build}
{chr(10).join(items)}
</channel>
</rss>
"""


def atom(pub: Publisher, base: str, articles: list[Article], self_path: str) -> str:
    entries = []
    for a in articles:
        authors = "".join(f"<author><name>{x(n)}</name></author>" for n in a.authors)
        entries.append(
            f"""<entry>
<title>{x(a.title)}</title>
<link rel="alternate" type="text/html" href="{x(base + a.path)}"/>
<id>tag:valleycourier.example,2026:{x(a.slug)}</id>
<published>{a.published.isoformat()}</published>
<updated>{a.modified.isoformat()}</updated>
{authors}
<summary>{x(a.summary)}</summary>
</entry>"""
        )
    updated = newest(articles) or datetime.fromisoformat("2026-11-01T00:00:00+00:00")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
<title>{x(pub.name)} - Latest news</title>
<subtitle>{x(pub.tagline)}</subtitle>
<link rel="self" href="{x(base + self_path)}"/>
<link rel="alternate" type="text/html" href="{x(base)}/"/>
<id>{x(base)}/</id>
<updated>{updated.isoformat()}</updated>
{chr(10).join(entries)}
</feed>
"""


def _lastmod(mod: datetime | None) -> str:
    return f"<lastmod>{mod.isoformat()}</lastmod>" if mod else ""


def urlset(base: str, entries: list[tuple[str, datetime | None]]) -> str:
    """A plain sitemap: (path, lastmod) pairs."""
    urls = "\n".join(f"<url><loc>{x(base + path)}</loc>{_lastmod(mod)}</url>" for path, mod in entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="{SITEMAP_NS}">
{urls}
</urlset>
"""


def sitemap_index(base: str, entries: list[tuple[str, datetime | None]]) -> str:
    maps = "\n".join(f"<sitemap><loc>{x(base + p)}</loc>{_lastmod(mod)}</sitemap>" for p, mod in entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="{SITEMAP_NS}">
{maps}
</sitemapindex>
"""


def news_sitemap(pub: Publisher, base: str, articles: list[Article]) -> str:
    urls = "\n".join(
        f"""<url><loc>{x(base + a.path)}</loc><lastmod>{a.modified.isoformat()}</lastmod>
<news:news><news:publication><news:name>{x(pub.name)}</news:name><news:language>{a.language}</news:language></news:publication>
<news:publication_date>{a.published.isoformat()}</news:publication_date><news:title>{x(a.title)}</news:title></news:news></url>"""
        for a in articles
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">
{urls}
</urlset>
"""


def chunks(items: list, size: int = SITEMAP_LIMIT) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]
