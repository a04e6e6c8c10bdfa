"""Where article URLs come from: feeds, sitemaps (news sitemaps included), robots.txt, links."""

from __future__ import annotations

import pytest

from newsbot.discovery import page_links, parse_feed, parse_sitemap, robots_sitemaps
from pipelines.classify import looks_like_listing

BASE = "http://127.0.0.1:8000/"


def test_rss_and_atom_entries():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>
      <item><title>Ferry cut</title><link>http://127.0.0.1:8000/2026/11/ferry/</link>
        <pubDate>Tue, 24 Nov 2026 08:00:00 -0500</pubDate></item>
      <item><title>No link</title><guid isPermaLink="false">abc</guid></item>
      <item><title>Guid link</title><guid>/2026/11/guid/</guid></item>
    </channel></rss>"""
    entries = parse_feed(rss, BASE)
    assert [e.url for e in entries] == [
        "http://127.0.0.1:8000/2026/11/ferry/",
        "http://127.0.0.1:8000/2026/11/guid/",
    ]
    assert entries[0].title == "Ferry cut" and entries[0].published == "2026-11-24T08:00:00-05:00"

    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Flood</title>
      <link rel="alternate" href="/news/flood/"/><link rel="edit" href="/edit/1"/>
      <published>2026-11-20T10:00:00Z</published><updated>2026-11-21T10:00:00Z</updated></entry></feed>"""
    (entry,) = parse_feed(atom, BASE)
    assert entry.url == "http://127.0.0.1:8000/news/flood/"
    assert (entry.published, entry.modified) == ("2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z")


def test_not_a_feed():
    assert parse_feed(b"<html><body>hi</body></html>", BASE) is None
    assert parse_feed(b"\x89PNG\r\n", BASE) is None


def test_sitemap_index_and_google_news_fields():
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>http://127.0.0.1:8000/post-sitemap.xml</loc></sitemap>
      <sitemap><loc>http://127.0.0.1:8000/news-sitemap.xml</loc></sitemap></sitemapindex>"""
    parsed = parse_sitemap(index, BASE)
    assert parsed.is_index and len(parsed.entries) == 2
    news = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>http://127.0.0.1:8000/2026/11/ferry/</loc><lastmod>2026-11-25</lastmod>
        <news:news><news:publication><news:name>Harbor Gazette</news:name><news:language>en</news:language>
        </news:publication><news:publication_date>2026-11-24T08:00:00-05:00</news:publication_date>
        <news:title>Gull Island ferry cut to three sailings</news:title></news:news></url></urlset>"""
    parsed = parse_sitemap(news, BASE)
    (entry,) = parsed.entries
    assert not parsed.is_index
    assert entry.title == "Gull Island ferry cut to three sailings"  # not the publication's name
    assert entry.published == "2026-11-24T08:00:00-05:00" and entry.modified == "2026-11-25"


def test_hostile_sitemap_entities_are_not_expanded():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://127.0.0.1:8000/&b;</loc></url></urlset>"""
    parsed = parse_sitemap(bomb, BASE)
    assert all("aaaaaaaaaa" not in e.url for e in (parsed.entries if parsed else []))


def test_robots_sitemap_lines():
    robots = (
        b"User-agent: *\nDisallow: /private/\nSitemap: /sitemap_index.xml\nsitemap:https://x.example/s.xml\n"
    )
    assert robots_sitemaps(robots, BASE) == [
        "http://127.0.0.1:8000/sitemap_index.xml",
        "https://x.example/s.xml",
    ]


def test_page_links_same_site_with_port_and_feeds():
    body = b"""<html><head><link rel="alternate" type="application/atom+xml" href="/feeds/latest.atom">
      <link rel="alternate" hreflang="es" href="/es/"></head><body>
      <a href="/news/2026/11/story/">S</a> <a class="x" href='http://127.0.0.1:8000/tag/ferries/'>T</a>
      <a href="http://127.0.0.1:9999/elsewhere/">other port</a> <a href="https://other.example/x">O</a>
      <a href="#top">top</a> <a href="mailto:desk@example.org">mail</a>
      <A HREF="/story.php?id=4412&amp;ref=home#comments">old</A>
      <a href="/news/2026/11/story/">again</a></body></html>"""
    feeds, links = page_links(body, BASE)
    assert feeds == ["http://127.0.0.1:8000/feeds/latest.atom"]
    assert links == [
        "http://127.0.0.1:8000/news/2026/11/story/",
        "http://127.0.0.1:8000/tag/ferries/",
        "http://127.0.0.1:8000/story.php?id=4412&ref=home",
    ]


def test_page_links_resolve_site_relative_hrefs_as_a_browser_would():
    hrefs = [
        "/a/b/", "/a/./b", "/a/../c", "/x;v=2", "/s?", "/s?q=1#r", "/t#top", "/u\nv", "//other.example/w",
        "/a//b", "/.well-known/x",
    ]  # fmt: skip
    body = "".join(f'<a href="{h}">x</a>' for h in hrefs).encode()
    _, links = page_links(body, "http://127.0.0.1:8000/sec/page.html")
    assert links == [
        "http://127.0.0.1:8000/a/b/",
        "http://127.0.0.1:8000/a/b",
        "http://127.0.0.1:8000/c",
        "http://127.0.0.1:8000/x;v=2",
        "http://127.0.0.1:8000/s",
        "http://127.0.0.1:8000/s?q=1",
        "http://127.0.0.1:8000/t",
        "http://127.0.0.1:8000/uv",
        "http://127.0.0.1:8000/a//b",
        "http://127.0.0.1:8000/.well-known/x",
    ]


@pytest.mark.parametrize(
    ("url", "listing"),
    [
        ("http://s.example/", True),
        ("http://s.example/news/", True),
        ("http://s.example/news/page/2/", True),
        ("http://s.example/tag/ferries/", True),
        ("http://s.example/author/ann-lee/", True),
        ("http://s.example/search/?q=flood", True),
        ("http://s.example/news/?page=3", True),
        ("http://s.example/2026/11/24/gull-island-ferry-cut/", False),
        ("http://s.example/news/2026/11/bus-firm-axes-evening-services/", False),
        ("http://s.example/stories/retired-teacher-88-finishes-degree.html", False),
        ("http://s.example/story.php?id=4412", False),
    ],
)
def test_listing_urls(url, listing):
    assert looks_like_listing(url) is listing
