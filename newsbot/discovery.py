"""Where article URLs come from: feeds, sitemaps (news sitemaps included), robots.txt, link lists.

Pure functions over bytes, so they are tested without a crawl. Scrapy's SitemapSpider drops the
Google News fields (`news:publication_date`, `news:title`); we parse sitemaps ourselves to keep them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from html import unescape as html_unescape
from urllib.parse import urljoin, urlsplit

from lxml import etree

# A hostile sitemap must not make lxml fetch entities or DTDs, or build a billion laughs.
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


@dataclass(frozen=True)
class Entry:
    """One article URL with what the feed or sitemap says about it."""

    url: str
    title: str | None = None
    published: str | None = None
    modified: str | None = None


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def _iso(value: str | None) -> str | None:
    """RFC 822 dates (RSS) to ISO 8601; ISO dates (Atom, sitemaps) pass through."""
    if not value:
        return None
    value = value.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _parse_xml(body: bytes) -> etree._Element | None:
    try:
        root = etree.fromstring(body.lstrip(), _XML_PARSER)
    except etree.XMLSyntaxError:
        return None
    return root


def parse_feed(body: bytes, base_url: str) -> list[Entry] | None:
    """Entries of an RSS 2.0, RSS 1.0 or Atom feed; None when the body is not a feed."""
    root = _parse_xml(body)
    if root is None or _local(root.tag) not in ("rss", "feed", "RDF"):
        return None
    entries = []
    for item in root.iter():
        name = _local(item.tag)
        if name not in ("item", "entry"):
            continue
        fields = {_local(child.tag): child for child in item}
        link = None
        if name == "entry":  # Atom: the alternate link, else the first link
            for child in item:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    link = child.get("href")
                    break
        else:
            link = _text(fields.get("link")) or (
                _text(fields["guid"])
                if "guid" in fields and fields["guid"].get("isPermaLink", "true") != "false"
                else None
            )
        if not link:
            continue
        published = (
            _text(fields.get("pubDate")) or _text(fields.get("published")) or _text(fields.get("date"))
        )
        entries.append(
            Entry(
                url=urljoin(base_url, link.strip()),
                title=_text(fields.get("title")),
                published=_iso(published),
                modified=_iso(_text(fields.get("updated"))),
            )
        )
    return entries


@dataclass(frozen=True)
class Sitemap:
    is_index: bool
    entries: list[Entry]  # article URLs, or for an index the child sitemaps' URLs


def parse_sitemap(body: bytes, base_url: str) -> Sitemap | None:
    """A sitemap or sitemap index, keeping Google News `publication_date` and `title`."""
    root = _parse_xml(body)
    if root is None or _local(root.tag) not in ("urlset", "sitemapindex"):
        return None
    is_index = _local(root.tag) == "sitemapindex"
    entries = []
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        loc = lastmod = title = published = None
        for child in node.iter():
            name = _local(child.tag)
            if name == "loc" and loc is None:
                loc = _text(child)
            elif name == "lastmod":
                lastmod = _text(child)
            elif name == "publication_date":
                published = _text(child)
            elif name == "title" and etree.QName(child).namespace and "news" in etree.QName(child).namespace:
                title = _text(child)
        if loc:
            entries.append(Entry(urljoin(base_url, loc), title=title, published=published, modified=lastmod))
    return Sitemap(is_index, entries)


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    text = body.decode("utf-8", errors="replace")
    return [
        urljoin(base_url, m.group(1).strip())
        for m in re.finditer(r"^\s*sitemap\s*:\s*(\S+)", text, flags=re.IGNORECASE | re.MULTILINE)
    ]


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")

# Links are read with regular expressions over the raw bytes, not an HTML parse: this runs on the
# crawl's reactor thread for every page, where a second lxml parse and a urljoin of every href
# (the extractor parses the page again in its worker) cost more than the rest of Scrapy's work.
# A link inside a comment or a script may slip in; it is only a candidate, filtered by site,
# allow/deny and, once fetched, by extraction.
_ATTR = rb"""\s%s\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""
_ANCHOR = re.compile(rb"<a\b[^>]*?" + (_ATTR % rb"href"), re.IGNORECASE)
_LINK_TAG = re.compile(rb"<link\b[^>]*>", re.IGNORECASE)
_BASE = re.compile(rb"<base\b[^>]*?" + (_ATTR % rb"href"), re.IGNORECASE)


_LINK_ATTRS = {name: re.compile(_ATTR % name, re.IGNORECASE) for name in (b"rel", b"type", b"href")}


def _attr(tag: bytes, name: bytes) -> str:
    match = _LINK_ATTRS[name].search(tag)
    if not match:
        return ""
    value = next(g for g in match.groups() if g is not None)
    return html_unescape(value.decode("utf-8", "replace")).strip()


def _value(match: re.Match[bytes]) -> str:
    raw = match[match.lastindex or 0]  # the one quoting style of _ATTR that matched
    return html_unescape(raw.decode("utf-8", "replace")).strip()


# A site-relative href that urljoin would only prefix with the site: no dot segment to resolve,
# no ;params, no empty query to drop, nothing urlsplit removes (tabs, newlines) or keeps verbatim
# (spaces, controls). Anything else takes urljoin.
_PLAIN_PATH = re.compile(r"(?!//|/\.)/(?:(?!/\.)[^\x00-\x20\x7f;?#])*(?:\?[^\x00-\x20\x7f#]+)?")


def page_links(body: bytes, base_url: str) -> tuple[list[str], list[str]]:
    """(feed URLs announced with <link rel=alternate>, same-site link targets) of an HTML page."""
    base_match = _BASE.search(body, 0, 20000)
    base = urljoin(base_url, _value(base_match)) if base_match else base_url
    feeds = []
    for tag in _LINK_TAG.findall(body):
        if b"alternate" not in tag.lower():  # stylesheets, icons, preloads: no feed
            continue
        rel = _attr(tag, b"rel").lower().split()
        kind = _attr(tag, b"type").lower().split(";")[0].strip()
        href = _attr(tag, b"href")
        if "alternate" in rel and kind in _FEED_TYPES and href:
            feeds.append(urljoin(base, href))
    parts = urlsplit(base)
    site = parts.netloc.lower()
    # Absolute links to this site, by prefix; anything else absolute is another site.
    same_site = tuple(f"{scheme}://{site}" for scheme in ("http", "https")) + (f"//{site}",)
    # Most links of a page are site-relative ("/news/..."): joined by prefixing the site, not by
    # urljoin and a parse each (the reactor's largest cost per page).
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and site else ""
    links = []
    seen = set()
    for match in _ANCHOR.finditer(body):
        href = _value(match)
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:", "data:")):
            continue
        if origin and href[0] == "/":
            plain = href.split("#", 1)[0]
            if _PLAIN_PATH.fullmatch(plain):
                url = origin + plain
                if url not in seen:
                    seen.add(url)
                    links.append(url)
                continue
        lowered = href[: len(site) + 10].lower()
        if ("://" in lowered[:10] or lowered.startswith("//")) and not lowered.startswith(same_site):
            continue  # another site: skip the costly join and parse
        url = urljoin(base, href).split("#", 1)[0]
        if url in seen:
            continue
        seen.add(url)
        # Compare host *with* port: a site is its netloc (see DESIGN.md: LinkExtractor's domain
        # check fails on 127.0.0.1:PORT).
        target = urlsplit(url)
        if target.scheme in ("http", "https") and target.netloc.lower() == site:
            links.append(url)
    return feeds, links


_NOT_PAGES = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|css|js|json|pdf|zip|gz|mp[34]|mov|avi|webm|woff2?|ttf|xml|rss|atom)$",
    re.IGNORECASE,
)


def is_fetchable_page(url: str) -> bool:
    return not _NOT_PAGES.search(urlsplit(url).path)
