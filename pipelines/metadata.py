"""Page metadata from JSON-LD, meta tags and a few markup conventions, read from one parsed tree.

Everything here is a cheap pass over ``<head>`` plus a handful of XPath lookups; the expensive
date search (htmldate) only runs when no structured date exists.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "scholarlyarticle",
        "techarticle",
        "socialmediaposting",
        "liveblogposting",
        "report",
        "review",
        "medicalwebpage",
        "howto",
        "recipe",
        "advertisercontentarticle",
        "posting",
    }
)


@dataclass
class PageMeta:
    title: str | None = None
    h1: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    tags: list[str] = field(default_factory=list)
    canonical: list[str] = field(default_factory=list)
    og_type: str | None = None
    ld_types: set[str] = field(default_factory=set)
    ld_article: dict | None = None
    date_source: str | None = None


_SPACE = re.compile(r"\s+")


def _clean(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and "&" in value:
        value = html_lib.unescape(value)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        if value is None:
            return None
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def _type_names(node: dict) -> list[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return [kind]
    if isinstance(kind, list):
        return [k for k in kind if isinstance(k, str)]
    return []


def _walk_ld(data, out: list[dict], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            _walk_ld(item, out, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            out.append(data)
        graph = data.get("@graph")
        if graph is not None:
            _walk_ld(graph, out, depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            _walk_ld(main, out, depth + 1)


_JSON_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _jsonld_nodes(tree: HtmlElement) -> list[dict]:
    nodes: list[dict] = []
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        raw = raw.removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                data = json.loads(_JSON_CONTROL.sub(" ", raw), strict=False)
            except ValueError:
                continue
        _walk_ld(data, nodes)
    return nodes


def _person_names(value, depth: int = 0) -> list[str]:
    if depth > 3 or value is None:
        return []
    if isinstance(value, str):
        name = _clean(value)
        return [name] if name and not name.lower().startswith(("http://", "https://")) else []
    if isinstance(value, list):
        names: list[str] = []
        for item in value:
            names.extend(_person_names(item, depth + 1))
        return names
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str | list):
            return _person_names(name, depth + 1)
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return [f"{given} {family}".strip()]
    return []


_BY = re.compile(r"^\s*(by|von|par|por|di|door|av|af|przez|от|автор)\s*[:\s]\s*", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.I)
_NOT_A_NAME = re.compile(
    r"(^by$|^the author$|https?://|www\.|@|\.com\b|admin\b|staff writer"
    r"|^editor$|^editorial$|^team$|^unknown$|^guest$)",
    re.I,
)


def normalise_authors(names: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = _BY.sub("", raw or "").strip(" ,;|-–—")
        name = _SPACE.sub(" ", name)
        if not name or len(name) > 80 or _NOT_A_NAME.search(name):
            continue
        if len(name.split()) > 6:
            continue
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _is_organisation(value) -> bool:
    items = value if isinstance(value, list) else [value]
    kinds = {t.lower() for item in items if isinstance(item, dict) for t in _type_names(item)}
    return bool(kinds) and kinds <= {"organization", "newsmediaorganization", "corporation", "localbusiness"}


def _split_author_string(value: str) -> list[str]:
    value = _BY.sub("", value)
    parts = [p for p in _AUTHOR_SPLIT.split(value) if p and p.strip()]
    # "Smith, John" is one person, not two
    if len(parts) == 2 and all(len(p.split()) == 1 for p in parts) and "," in value:
        return [value.strip()]
    return parts


_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?")


def parse_date(value) -> str | None:
    """An ISO 8601 string (date-time when the source has a time, else date) or None."""
    value = _clean(value)
    if not value:
        return None
    match = _ISO.search(value)
    if not match:
        match = _COMPACT.match(value)
        if not match:
            return _parse_loose(value)
        y, mo, d, hh, mm, ss = match.groups()
        tz = None
    else:
        y, mo, d, hh, mm, ss, tz = match.groups()
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if not 1990 <= day.year <= date.today().year + 1:
        return None
    if hh is None:
        return day.isoformat()
    try:
        moment = datetime(day.year, day.month, day.day, int(hh), int(mm), int(ss or 0))
    except ValueError:
        return day.isoformat()
    text = moment.isoformat()
    if tz:
        if tz == "Z":
            text += "+00:00"
        else:
            tz = tz.replace(":", "")
            text += f"{tz[:3]}:{tz[3:]}"
    return text


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "jan january janvier januar enero gennaio",
            "feb february février fevrier februar febrero febbraio",
            "mar march mars märz marz marzo",
            "apr april avril abril aprile",
            "may mai mayo maggio",
            "jun june juin juni junio giugno",
            "jul july juillet juli julio luglio",
            "aug august août aout agosto",
            "sep sept september septembre septiembre settembre",
            "oct october octobre oktober octubre ottobre",
            "nov november novembre noviembre",
            "dec december décembre decembre dezember diciembre dicembre",
        ]
    )
    for m in names.split()
}
_LOOSE_MDY = re.compile(r"\b([A-Za-zéûä]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_LOOSE_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-zéûä]{3,10})\.?,?\s+(\d{4})\b")


def _parse_loose(value: str) -> str | None:
    for pattern, order in ((_LOOSE_MDY, "mdy"), (_LOOSE_DMY, "dmy")):
        match = pattern.search(value)
        if not match:
            continue
        a, b, y = match.groups()
        month_name, day_text = (a, b) if order == "mdy" else (b, a)
        month = _MONTHS.get(month_name.lower())
        if not month:
            continue
        try:
            day = date(int(y), month, int(day_text))
        except ValueError:
            continue
        if 1990 <= day.year <= date.today().year + 1:
            return day.isoformat()
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
_URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")


def url_date(url: str) -> str | None:
    path = urlsplit(url).path
    match = _URL_DATE.search(path) or _URL_DATE_COMPACT.search(path)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None


_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "datepublished",
    "date.issued",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "cxenseparse:recs:publishtime",
    "date",
    "article_date_original",
    "original-publish-date",
    "release_date",
    "creation_date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "modified_time",
    "dateModified",
    "lastmod",
    "last-modified",
    "dcterms.modified",
    "article.updated",
)


def _meta_map(tree: HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = meta.get("content")
        if not key or content is None:
            continue
        key = key.strip().lower()
        content = content.strip()
        if not content:
            continue
        if key in ("article:tag", "article:author", "author", "article:section"):
            values[key] = values[key] + "\x1f" + content if key in values else content
        else:
            values.setdefault(key, content)
    return values


def _first(values: dict[str, str], keys) -> tuple[str | None, str | None]:
    for key in keys:
        value = values.get(key.lower())
        if value:
            return key, value
    return None, None


_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—·•:»]|::)\s+")


def _strip_site(title: str | None, site_name: str | None) -> str | None:
    if not title:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site_name:
        site = site_name.casefold()
        if parts[-1].casefold() in site or site in parts[-1].casefold():
            return _TITLE_SEPARATORS.split(title, maxsplit=len(parts) - 2)[0] if len(parts) > 2 else parts[0]
        if parts[0].casefold() in site or site in parts[0].casefold():
            return title[len(parts[0]) :].lstrip(" |-–—·•:»")
    # a short trailing part is a site name ("Story headline | The Daily")
    if len(parts[-1].split()) <= 4 and len(parts[0].split()) >= 3:
        return title[: title.rfind(parts[-1])].rstrip(" |-–—·•:»")
    return title


def _text(el: HtmlElement) -> str:
    return _SPACE.sub(" ", el.text_content()).strip()


_BYLINE_XPATH = (
    ".//*[@rel='author' or @itemprop='author' or contains(@class,'byline') or contains(@class,'author-name')"
    " or contains(@class,'author_name') or contains(@class,'authorName') or contains(@class,'article-author')"
    " or contains(@class,'post-author') or contains(@class,'entry-author') or contains(@id,'byline')"
    " or contains(@class,'c-byline') or contains(@class,'meta-author') or contains(@class, 'writer')]"
)


def _byline_authors(tree: HtmlElement) -> list[str]:
    for el in tree.xpath(_BYLINE_XPATH)[:6]:
        if el.tag in ("meta", "link", "script", "style", "body", "html"):
            continue
        named = el.xpath(".//*[@itemprop='name']")
        text = _text(named[0]) if named else _text(el)
        text = re.sub(r"^(written|posted|published|reviewed|edited)\s+by\b", "", text, flags=re.I).strip()
        text = _BY.sub("", text)
        if not text or len(text) > 60 or any(ch.isdigit() for ch in text):
            continue
        names = normalise_authors(_split_author_string(text))
        if names and all(1 <= len(n.split()) <= 4 for n in names):
            return names
    return []


def _ld_str(node: dict, key: str) -> str | None:
    value = node.get(key)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("url")
    return _clean(value)


def _ld_image(node: dict) -> str | None:
    value = node.get("image") or node.get("thumbnailUrl")
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id")
    return _clean(value)


def _lang(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value.strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def extract_metadata(tree: HtmlElement, url: str) -> PageMeta:
    meta = PageMeta()
    values = _meta_map(tree)
    nodes = _jsonld_nodes(tree)
    article = None
    webpage = None
    for node in nodes:
        names = {n.lower() for n in _type_names(node)}
        meta.ld_types |= names
        if article is None and names & ARTICLE_TYPES:
            article = node
        if webpage is None and names & {"webpage", "itempage", "collectionpage", "aboutpage", "faqpage"}:
            webpage = node
    meta.ld_article = article
    ld = article or {}

    meta.og_type = (values.get("og:type") or "").lower() or None
    meta.site_name = _clean(values.get("og:site_name")) or _clean(values.get("application-name"))
    if not meta.site_name:
        publisher = ld.get("publisher")
        if isinstance(publisher, dict):
            meta.site_name = _clean(publisher.get("name"))

    h1s = tree.xpath("//h1")
    site = (meta.site_name or "").casefold()
    meta.h1 = None
    for el in h1s[:6]:
        h1 = _text(el)
        if not h1 or len(h1) > 300 or len(h1.split()) < 2:
            continue
        if el.xpath("ancestor::header[not(ancestor::article)] | ancestor::nav") or (
            site and h1.casefold() == site
        ):
            continue
        if re.search(r"logo|brand|site-?(title|name)", f"{el.get('class') or ''} {el.get('id') or ''}", re.I):
            continue
        meta.h1 = h1
        break
    title_tag = tree.find(".//title")
    candidates = [
        _ld_str(ld, "headline"),
        _clean(values.get("og:title")),
        _clean(values.get("twitter:title")),
        _ld_str(ld, "name"),
        _clean(title_tag.text_content()) if title_tag is not None else None,
    ]
    title = next((c for c in candidates if c), None)
    if meta.h1:
        # the on-page headline is what readers see; the head's titles are often rewritten for search
        title = meta.h1
    meta.title = _strip_site(title, meta.site_name)

    ld_author = ld.get("author")
    authors = _person_names(ld_author) or _person_names(ld.get("creator"))
    if authors and _is_organisation(ld_author):
        # an organisation named as author: a person's byline on the page is the better answer
        authors = _byline_authors(tree) or authors
    if not authors:
        raw = values.get("author") or values.get("article:author") or values.get("sailthru.author")
        raw = raw or values.get("parsely-author") or values.get("dc.creator") or values.get("citation_author")
        if raw:
            authors = [p for chunk in raw.split("\x1f") for p in _split_author_string(chunk)]
    authors = normalise_authors(authors)
    if not authors:
        authors = _byline_authors(tree)
    if meta.site_name and authors and all(a.casefold() == meta.site_name.casefold() for a in authors):
        authors = authors  # an organisation as author is still the stated author
    meta.authors = authors

    published = parse_date(ld.get("datePublished")) or parse_date(ld.get("dateCreated"))
    source = "jsonld" if published else None
    if not published:
        key, value = _first(values, _PUBLISHED_META)
        published = parse_date(value)
        source = "meta" if published else None
    if not published and webpage:
        published = parse_date(webpage.get("datePublished"))
        source = "jsonld" if published else None
    if not published:
        for node in tree.xpath(
            "//time[@datetime][@itemprop='datePublished' or contains(@class,'publish') or @pubdate]"
            "|//*[@itemprop='datePublished'][@content or @datetime]"
        )[:3]:
            published = parse_date(node.get("datetime") or node.get("content"))
            if published:
                source = "markup"
                break
    if not published:
        published = url_date(url)
        source = "url" if published else None
    if not published:
        times = tree.xpath("//article//time[@datetime] | //main//time[@datetime] | //time[@datetime]")
        for node in times[:1]:
            published = parse_date(node.get("datetime"))
            source = "time" if published else None
    meta.published, meta.date_source = published, source

    modified = parse_date(ld.get("dateModified"))
    if not modified:
        _, value = _first(values, _MODIFIED_META)
        modified = parse_date(value)
    meta.modified = modified

    html = tree if tree.tag == "html" else tree.getroottree().getroot()
    meta.language = (
        _lang(html.get("lang") or html.get("{http://www.w3.org/XML/1998/namespace}lang"))
        or _lang(values.get("content-language"))
        or _lang(values.get("og:locale"))
        or _lang(_ld_str(ld, "inLanguage"))
    )
    meta.description = (
        _clean(values.get("og:description"))
        or _clean(values.get("description"))
        or _clean(values.get("twitter:description"))
        or _ld_str(ld, "description")
    )
    image = _clean(values.get("og:image")) or _clean(values.get("twitter:image")) or _ld_image(ld)
    meta.image = urljoin(url, image) if image and url else image

    tags: list[str] = []
    if "article:tag" in values:
        tags = values["article:tag"].split("\x1f")
    elif ld.get("keywords"):
        kw = ld["keywords"]
        tags = kw if isinstance(kw, list) else str(kw).split(",")
    elif values.get("news_keywords") or values.get("keywords"):
        tags = (values.get("news_keywords") or values["keywords"]).split(",")
    seen: set[str] = set()
    meta.tags = []
    for tag in tags:
        tag = _clean(tag) if isinstance(tag, str) else None
        if tag and len(tag) < 80 and tag.casefold() not in seen:
            seen.add(tag.casefold())
            meta.tags.append(tag)
        if len(meta.tags) >= 30:
            break

    for link in tree.xpath("//link[@href][contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]"):
        meta.canonical.append(link.get("href"))
    if values.get("og:url"):
        meta.canonical.append(values["og:url"])
    return meta


def fallback_date(tree: HtmlElement, url: str) -> str | None:
    """htmldate's fast mode, for pages without any structured date (costs a few ms)."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover
        return None
    try:
        found = find_date(tree, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on odd trees; a missing date is fine
        return None
    return found or None
