"""Page metadata from JSON-LD, meta tags and a few markup conventions, read from one parsed tree.

Everything here is a cheap pass over ``<head>`` plus a handful of XPath lookups; the expensive
date search (htmldate) only runs when no structured date exists.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import islice, takewhile
from urllib.parse import urljoin, urlsplit

from lxml import etree
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
    # the types of the JSON-LD nodes that describe this page itself (see _about_this_page)
    ld_page_types: set[str] = field(default_factory=set)
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


def _about_this_page(node: dict, url: str) -> bool:
    """Whether a JSON-LD node describes the page it is on: it names no address of its own, or this
    page's path. A forum's template declares the site's ContactPage, by that page's address, on every
    thread; Yoast's graph names the page's own node by the page's address."""
    own = node.get("url")
    if not isinstance(own, str):
        own = node.get("@id")
    own = own.strip() if isinstance(own, str) else ""
    if not own.startswith(("http://", "https://", "/")):
        return True
    return urlsplit(urljoin(url, own)).path.rstrip("/").lower() == urlsplit(url).path.rstrip("/").lower()


def _ld_index(nodes: list[dict]) -> dict[str, dict]:
    return {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}


def _resolve(value, index: dict[str, dict], depth: int = 0):
    """Follow ``{"@id": ...}`` references (Yoast-style @graph pages name the author only by id)."""
    if depth > 3:
        return value
    if isinstance(value, list):
        return [_resolve(v, index, depth + 1) for v in value]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return index.get(value["@id"], value)
    return value


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


_BY = re.compile(
    r"^\s*(?:(?:written|posted|published|reviewed|edited|article|text|words|story|reporting|compiled)\s+)?"
    r"(?:(?:by|von|par|por|di|door|av|af|przez|от|автор|بقلم)(?:\s*:\s*|\s+)"
    # run into the name by a template ("ByJane Doe"): the label in its own case, not the first letters of
    # a word in capitals ("AFP", "DIANA HOLT", "BYRON COLE")
    r"|(?-i:(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Aa]f|[Pp]rzez)(?=[A-ZÀ-ÞĀ-Ž])))",
    re.I,
)
_LABEL = re.compile(
    r"^\s*(?:authors?|autor(?:in)?|auteur|contributors?|written by|posted by)\s*(?::\s*|(?-i:(?=[A-Z])))"
    r"|^\s*(?:reporters?|writers?|correspondents?|haber|muhabir|penulis|लेखक|रिपोर्ट)\s*:\s*",
    re.I,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.I)
_NOT_A_NAME = re.compile(
    r"(^by$|^the author$|https?://|www\.|@|\.com\b|admin\b|staff writer|^\d+$|\w\.\w+\.\w"
    r"|^editor$|^editorial$|^team$|^unknown$|^guest$|^(?:undefined|null|none|n/?a|webmaster)$"
    # a generated user id ("mdelatorreq6vkpg2ma0ci"), not a name
    r"|^(?=\S*\d\S*\d\S*\d)\S{10,}$)",
    re.I,
)
# credentials and generational suffixes that follow a name after a comma ("Jane Doe, MD")
_CREDENTIAL = re.compile(
    r"^(?:[A-Z]{2,6}(?:-[A-Z]{1,4})?|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|I{2,3}|IV|MPH|MSc|BSc|RDN?|CPT|LVT)$"
)
# where a byline's name ends and a role, a date or a site begins
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zé]*\.?"
_NAME_END = re.compile(
    r"\s+(?:[-–—|·•⋅/]|on|updated|published|last|posted|in|from)\s+.*$|\s*[|·•⋅]\s*.*$|\s+\d.*$"
    r"|\s+(?:updated|published|posted)\s*:.*$"
    rf"|\s+{_MONTH_WORD}\s+\d.*$",
    re.I,
)
# a job title printed straight after the name ("Jane Doe Senior Reporter")
_ROLE_START = re.compile(
    r"\s+(?:senior|junior|staff|chief|lead|head|managing|contributing|associate|executive|deputy|content"
    r"|digital|tech|technology|expert|certified|licensed|freelance|founder|co-founder|ceo|editor|writer"
    r"|reporter|correspondent|columnist|director|manager|coordinator|contributor|journalist|editorial|product"
    r"|former|sales"
    # "Marketing Director", not the firm "Harbour Growth Marketing"
    r"|(?:marketing|communications) (?=director|manager|lead|head|specialist|coordinator|officer)"
    r"|view|follow|read|see|sr\.|jr\.)(?:\b|(?<=\.)).*$",
    re.I,
)


def _split_author_string(value: str) -> list[str]:
    value = _BY.sub("", value)
    parts = [p for p in _AUTHOR_SPLIT.split(value) if p and p.strip()]
    # "Smith, John" is one person, not two
    if len(parts) == 2 and all(len(p.split()) == 1 for p in parts) and "," in value:
        return [value.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and _CREDENTIAL.match(part.strip()):
            merged[-1] = f"{merged[-1]}, {part.strip()}"
        elif merged and _ROLE_START.match(" " + part.strip()):
            continue  # "Jane Doe, Senior Director of Operations": a job title, not a second author
        else:
            merged.append(part)
    return merged


_INITIALS = re.compile(r"^([A-Z]{2,3}) (?=[A-Z])")


def _drop_avatar_initials(name: str) -> str:
    """ "CM Craig McCarthy" (an avatar's initials before the name) -> "Craig McCarthy"."""
    match = _INITIALS.match(name)
    if match:
        rest = name[match.end() :]
        if "".join(w[0] for w in rest.split()[: len(match.group(1))]) == match.group(1):
            return rest
    return name


def normalise_authors(names: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = _BY.sub("", raw or "").strip(" ,;|-–—").removesuffix(" .").rstrip()
        name = _CAPS_NAME_THEN_OUTLET.sub(r"\1", _drop_avatar_initials(_SPACE.sub(" ", name)))
        if not name or len(name) > 80 or _NOT_A_NAME.search(name):
            continue
        if len(name.split()) > 6:
            continue
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


_PARTICLES = frozenset(
    """
    van von der den de del della di da du la le bin ibn al el y dos das st.
    """.split()  # noqa: SIM905 - a word list reads best as words
)


_VOWEL = re.compile(r"[AEIOUY]")


def _looks_like_name(name: str) -> bool:
    """A person's name as bylines print it: 1-5 capitalised words, no digits or sentence marks."""
    words = name.replace(",", " ").split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() or ch in '?!:;()[]{}<>="' for ch in name):
        return False
    head = [w for w in words if not _CREDENTIAL.match(w)]
    if not head and len(words) >= 2 and all(len(w) >= 3 and _VOWEL.search(w) for w in words):
        # a name in capitals ("MARCUS ELWOOD"), its short words read as credentials ("MD"); not an
        # agency's letters ("CNN WIRE", "AP NEWS"), which have a word without a vowel or of two letters
        head = words
    if not head or len(head) > 5 or _NOT_A_NAME.search(name):
        return False
    if head[0].casefold() in _BYLINE_WORDS or head[-1].casefold() in _BYLINE_WORDS:
        return False
    if len(head) == 1 and head[0].casefold().rstrip(".") in _MONTHS:
        return False
    if all(
        (ch.isalpha() and not ch.isupper() and not ch.islower()) or unicodedata.category(ch)[0] == "M"
        for ch in "".join(head)
    ):
        # a script without capitals (Chinese, Japanese, Korean, Arabic, Devanagari with its vowel signs): a
        # name of short words, or one word as short as a name written without spaces ("佐藤美咲", "김민준")
        return all(len(w) <= 12 for w in head) and (len(head) > 1 or len(head[0]) <= 6)
    return (
        all(w[0].isupper() or w.casefold() in _PARTICLES for w in head if w[0].isalpha())
        and head[0][0].isupper()
    )


# words that begin or end a byline-like text that is not a name
_BYLINE_WORDS = frozenset(
    """
    share comments comment menu search home privacy policy read more follow subscribe about contact
    staff editor editors editorial reviewer expert writer author authors contributor contributors
    published updated posted min minute minutes reading login member sign log bluesky twitter
    facebook linkedin instagram email newsletter written by insights type category topic industry
    tag tags all bio full lifestyle news mon tue tues wed thu thur thurs fri sat sun monday tuesday
    wednesday thursday friday saturday sunday
    写真 カメラ 映像 動画 編集 사진 영상 취재 편집 摄影 攝影
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _is_organisation(value) -> bool:
    items = value if isinstance(value, list) else [value]
    kinds = {t.lower() for item in items if isinstance(item, dict) for t in _type_names(item)}
    return bool(kinds) and kinds <= {"organization", "newsmediaorganization", "corporation", "localbusiness"}


# "2025-03-04", and the slashes or dots some CMSs write in meta tags ("2019/1/22")
_ISO = re.compile(
    r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
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
        y, _, mo, d, hh, mm, ss, tz = match.groups()
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
            # en fr de es it; pt nl sv pl (as dates print it, and the month's own name) ru (same) tr id; ar
            # hi
            "jan january janvier januar enero gennaio janeiro januari stycznia styczeń января январь ocak"
            " يناير जनवरी",
            "feb february février fevrier februar febrero febbraio fevereiro februari lutego luty февраля"
            " февраль şubat فبراير फ़रवरी फरवरी",
            "mar march mars märz marz marzo março maart marca marzec марта март mart maret مارس मार्च",
            "apr april avril abril aprile kwietnia kwiecień апреля апрель nisan أبريل ابريل अप्रैल",
            "may mai mayo maggio maio mei maj maja мая май mayıs مايو मई",
            "jun june juin juni junio giugno junho czerwca czerwiec июня июнь haziran يونيو يونيه जून",
            "jul july juillet juli julio luglio julho lipca lipiec июля июль temmuz يوليو يوليه जुलाई",
            "aug august août aout agosto augustus augusti sierpnia sierpień августа август ağustos agustus"
            " أغسطس अगस्त",
            "sep sept september septembre septiembre settembre setembro września wrzesień сентября"
            " сентябрь eylül سبتمبر सितंबर सितम्बर",
            "oct october octobre oktober octubre ottobre outubro października październik октября октябрь"
            " ekim أكتوبر اكتوبر अक्टूबर अक्तूबर",
            "nov november novembre noviembre novembro listopada listopad ноября ноябрь kasım نوفمبر नवंबर"
            " नवम्बर",
            "dec december décembre decembre dezember diciembre dicembre dezembro grudnia grudzień декабря"
            " декабрь aralık desember ديسمبر दिसंबर दिसम्बर",
        ]
    )
    for m in names.split()
}
# the Levantine (Syriac) month names of Syria, Lebanon, Jordan, Palestine and Iraq ("18 آذار 2025"), written
# with or without their hamzas; two of them are two words, read as one ("كانون الثاني": January)
_LEVANTINE_MONTHS = (
    ("كانون_الثاني",),
    ("شباط",),
    ("آذار", "اذار"),
    ("نيسان",),
    ("أيار", "ايار"),
    ("حزيران",),
    ("تموز",),
    ("آب", "اب"),
    ("أيلول", "ايلول"),
    ("تشرين_الأول", "تشرين_الاول"),
    ("تشرين_الثاني",),
    ("كانون_الأول", "كانون_الاول"),
)
_MONTHS.update({m: i + 1 for i, names in enumerate(_LEVANTINE_MONTHS) for m in names})
_TWO_WORD_MONTH = re.compile(r"(كانون|تشرين)\s+(ال[أا]ول|الثاني)")


def _one_word_months(text: str) -> str:
    """``text`` with the two-word Levantine month names joined as one ("كانون_الثاني")."""
    return _TWO_WORD_MONTH.sub(r"\1_\2", text) if "كانون" in text or "تشرين" in text else text


# "March 3, 2026"; "3 March 2026", "3. März 2026", "1º de junho de 2026", "3 марта 2026", "١٧ سبتمبر ٢٠٢٦",
# "24 नवंबर 2026" (the month a word of any script, with the vowel signs that \w leaves out; digits of any)
_MONTH_TOKEN = r"[^\W\d_][^\s\d.,;:]{1,13}"
_LOOSE_MDY = re.compile(rf"\b({_MONTH_TOKEN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_LOOSE_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|º|°)?\.?\s+(?:de\s+)?({_MONTH_TOKEN})\.?,?\s+(?:de\s+)?(\d{{4}})\b"
)
# Chinese, Japanese and Korean dates: "2026年11月5日", "2026년 8월 27일"
_CJK_DATE = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")


def _parse_loose(value: str) -> str | None:
    value = _one_word_months(value)
    for pattern, order in ((_LOOSE_MDY, "mdy"), (_LOOSE_DMY, "dmy"), (_CJK_DATE, "ymd")):
        match = pattern.search(value)
        if not match:
            continue
        if order == "ymd":
            y, month_text, day_text = match.groups()
            month = int(month_text)
        else:
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
_URL_DATE_NAMED = re.compile(r"/((?:19|20)\d{2})/([a-z]{3,9})/(0?[1-9]|[12]\d|3[01])(?:/|-|$)", re.I)
_URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")


def url_date(url: str) -> str | None:
    path = urlsplit(url).path
    match = _URL_DATE.search(path) or _URL_DATE_COMPACT.search(path)
    month = int(match.group(2)) if match else None
    if not match:
        # "/2023/october/03/"
        match = _URL_DATE_NAMED.search(path)
        month = _MONTHS.get(match.group(2).lower()) if match else None
        if not month:
            return None
    try:
        return date(int(match.group(1)), month, int(match.group(3))).isoformat()
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
    "published",
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
        if key in (
            "article:tag",
            "article:author",
            "author",
            "article:section",
            "citation_author",
            "citation_authors",
            "dc.creator",
            "parsely-author",
        ):
            values[key] = values[key] + "\x1f" + content if key in values else content
        else:
            values.setdefault(key, content)
    return values


_META_AUTHOR_KEYS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "citation_authors",
    "byl",
)


def _family_first(family: str, given: str) -> bool:
    """``family, given`` is a name written family name first: a family name of one word (with its
    particles, "van der Berg") and one to three given names that are not a title or a degree."""
    family_words = [w for w in family.split() if not w.islower()]
    given_words = given.split()
    return (
        len(family_words) == 1
        and 1 <= len(given_words) <= 3
        and given.rstrip(".").casefold() not in _DEGREES
        and not _split_author_string(given)[1:]
    )


_DEGREES = frozenset({"phd", "ph.d", "md", "m.d", "jr", "sr", "mba", "msc", "ma", "ba", "dphil", "esq"})


def _meta_authors(values: dict[str, str]) -> list[str]:
    found: list[str] = []
    for key in _META_AUTHOR_KEYS:
        raw = values.get(key)
        if not raw:
            continue
        chunks = [c for c in raw.split("\x1f") if not c.lower().startswith(("http://", "https://", "/"))]
        if key.startswith("citation_author"):
            # one author per tag, often written "Family, Given"; some tags list them all, split by ";"
            # ("Doe, Jane; Shah, Ravi") or by commas ("Jane Doe, Ravi Shah")
            pieces = [p.strip() for c in chunks for p in c.split(";") if p.strip()]
            names = []
            for piece in pieces:
                family, _, given = (w.strip() for w in piece.partition(","))
                # "Doe, Jane" and "van der Berg, Anna Maria"; not "Jane Doe, Ravi Shah" nor "Jane Doe, PhD"
                if piece.count(",") == 1 and family and given and _family_first(family, given):
                    names.append(f"{given} {family}")
                else:
                    names += _split_author_string(piece)
        else:
            names = [p for chunk in chunks for p in _split_author_string(chunk)]
        if not found:
            found = names
        elif len(names) > len(found) and [n.casefold() for n in names[: len(found)]] == [
            n.casefold() for n in found
        ]:
            # "DC.Creator" names the first author, the citation tags all of them
            found = names
    if found:
        return found
    # Yoast and others: <meta name="twitter:label1" content="Written by"> + twitter:data1
    for n in ("1", "2"):
        label = (values.get(f"twitter:label{n}") or "").casefold()
        if label.startswith(("written by", "author", "verfasst", "écrit par", "escrito por", "geschreven")):
            return _split_author_string(values.get(f"twitter:data{n}") or "")
    return []


def _first(values: dict[str, str], keys) -> tuple[str | None, str | None]:
    for key in keys:
        value = values.get(key.lower())
        if value:
            return key, value
    return None, None


# ("--": the dash of pages typed before editors made one)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—·•:»⋆]|::|--)\s+")
_SEPARATOR_CHARS = " |-–—·•:»⋆"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


_WORDS = re.compile(r"\w+")


def _stems(text: str) -> set[str]:
    # crude stems, enough to see that "Learning Apps" and "learn an app" share words
    return {w.rstrip("s")[:5] for w in _WORDS.findall(text.casefold())}


def _title_key(value: str | None) -> str:
    return " ".join((value or "").translate(_QUOTES).casefold().split())


def _host_core(url: str) -> str:
    host = (urlsplit(url).hostname or "").casefold().removeprefix("www.")
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"):
        return labels[-3]  # bbc.co.uk, abc.net.au
    return labels[-2] if len(labels) >= 2 else host


def _is_site_part(part: str, site_name: str | None, host_core: str) -> bool:
    """Whether one separated part of a title names the site (its og:site_name or its domain)."""
    key = part.casefold().strip()
    if not key:
        return False
    if key == "blog archive":
        return True  # WordPress's default theme of 2005-2010: "Site » Blog Archive » Post title"
    if site_name:
        site = site_name.casefold()
        if key in site or site in key:
            return True
    letters = re.sub(r"[^a-z0-9]", "", key)
    core = re.sub(r"[^a-z0-9]", "", host_core)  # "riverside-gazette" is "Riverside Gazette"
    if len(core) >= 3 and letters and len(part.split()) <= 4:
        return core in letters or (len(letters) >= 4 and letters in core)
    return False


def _names_site_alone(part: str, site_name: str | None, host_core: str) -> bool:
    """Whether ``part`` is the site's name and nothing more: its og:site_name, or its domain's words with or
    without "The" ("The Keswin Courier" on keswincourier.example)."""
    if site_name and _title_key(part) == _title_key(site_name):
        return True
    letters = re.sub(r"[^a-z0-9]", "", part.casefold())
    core = re.sub(r"[^a-z0-9]", "", host_core)
    return len(core) >= 3 and letters in (core, f"the{core}")


def _strip_site(
    title: str | None, site_name: str | None, host_core: str = "", generic: bool = True, label: bool = True
) -> str | None:
    """``title`` without a leading or trailing site name ("Story | The Daily", "The Daily - Story"); with
    ``label``, without the site's name as a colon's label either (a head's title; an <h1> printed so is the
    headline's own: "Mill Gazette: Our first hundred years")."""
    if not title:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        # "example.com Story headline": the site's own domain, without a separator
        first, _, rest = title.partition(" ")
        if rest and host_core and "." in first and first.casefold().split(".")[0] == host_core:
            return rest
        # "The Keswin Courier: Story headline": the site's name, and nothing else, as a colon's label (not
        # "Docker Hardened Images: …" on docker.com, a headline naming the firm)
        first, colon, rest = title.partition(": ")
        if label and colon and rest and _names_site_alone(first, site_name, host_core):
            return rest
        return title
    if _is_site_part(parts[-1], site_name, host_core):
        rest = title[: title.rfind(parts[-1])].rstrip(_SEPARATOR_CHARS)
        # "Story | The Daily | The Daily", "Story – Site - Site": every trailing copy of the name goes
        return (_strip_site(rest, site_name, host_core, generic, label) if len(parts) > 2 else rest) or title
    if _is_site_part(parts[0], site_name, host_core):
        rest = title[len(parts[0]) :].lstrip(_SEPARATOR_CHARS)
        # "Site | site.com - Headline"
        return (_strip_site(rest, site_name, host_core, False, label) if len(parts) > 2 else rest) or title
    # a short trailing part is a site name ("Story headline | The Daily")
    if generic and len(parts[-1].split()) <= 4 and len(parts[0].split()) >= 3:
        return title[: title.rfind(parts[-1])].rstrip(_SEPARATOR_CHARS)
    return title


def _choose_title(
    h1s: list[str],
    plausible: list[str],
    heads: list[str],
    site_name,
    host_core,
    mastheads: frozenset = frozenset(),
) -> str | None:
    """The headline: an <h1> the head's titles confirm, else the first plausible <h1>, else a head title.

    Publishers rewrite the head's titles for search and social, so when they disagree the visible
    <h1> wins; but a page's first <h1> is often a logo or section name, so an <h1> that some head
    title confirms beats an earlier one that none does.
    """
    stripped = [_strip_site(h, site_name, host_core) for h in heads]
    keys = {_title_key(h) for h in heads + stripped if h}
    for h1 in h1s:
        if _title_key(h1) in keys:
            if h1 != h1.translate(_QUOTES):
                # the head spells the same headline with straight quotes: both are the page's text, and
                # the plain one is what search and social cards (and most readers' copies) carry
                plain = next(
                    (
                        h
                        for h in heads + stripped
                        if h and h == h.translate(_QUOTES) and _title_key(h) == _title_key(h1)
                    ),
                    None,
                )
                if plain:
                    return _strip_site(plain, site_name, host_core, label=False)
            return _strip_site(h1, site_name, host_core, label=False)
    for h1 in h1s:
        k = _title_key(h1)
        for head in heads:
            hk = _title_key(head)
            if len(k) < 12 or hk == k or not (hk.startswith(k) or hk.endswith(k)):
                continue
            rest = (hk[len(k) :] if hk.startswith(k) else hk[: -len(k)]).strip()
            # "Headline | Site" or "Site - Headline": the part besides the <h1> is the shorter one (in
            # letters where a headline of a script without spaces between words is one "word")
            separated = rest and rest[0 if hk.startswith(k) else -1] in _SEPARATOR_CHARS
            if separated and (len(rest.split()) < len(k.split()) or " " not in k and 2 * len(rest) < len(k)):
                return _strip_site(h1, site_name, host_core, label=False)
    for h1 in h1s:
        # an <h1> that carries its date inside it ("Dec 18 2025 Headline", "Headline Posted on July 1, 2024")
        k = _title_key(h1)
        for head in stripped:
            hk = _title_key(head)
            if not head or len(hk) < 12 or hk == k or hk not in k:
                continue
            extra = k.replace(hk, " ", 1)
            if (k.startswith(hk) or k.endswith(hk)) and (_parse_loose(extra) or _ISO.search(extra)):
                return head
    site_parts = {
        _title_key(part)
        for head in heads
        for part in _TITLE_SEPARATORS.split(head)[1:]
        if _is_site_part(part, site_name, host_core) or len(part.split()) <= 4
    }
    # "Blog Name: Post title" (Blogger and others): an <h1> reading "Blog Name" is the masthead
    site_parts.update(_title_key(head.split(": ", 1)[0]) for head in heads if ": " in head)
    # the words of the head's titles, when they say more than the site's name
    head_words = {
        w for head in stripped if head and not _is_site_part(head, site_name, host_core) for w in _stems(head)
    }
    for h1 in plausible:
        if _title_key(h1) in site_parts:
            continue
        words = _stems(h1)
        if head_words and 4 * len(words & head_words) < len(words):
            break
        return _strip_site(h1, site_name, host_core, generic=False, label=False)
    # no <h1>: the head's titles, og:title first (JSON-LD headlines are often cut at 110 characters)
    title = next((s for s in stripped if s), None)
    # "Blog Name: Post title" over a masthead <h1> reading "Blog Name", a link to the blog's front page
    # (Blogger's and Movable Type's templates): the post's title is what follows the masthead's name
    label, colon, rest = (title or "").partition(": ")
    if colon and rest and _title_key(label) in mastheads:
        return rest
    return title


def _part_heading(
    tree: HtmlElement, title: str, site_name: str | None, host_core: str
) -> tuple[HtmlElement, str] | None:
    """The first <h2>/<h3> whose text is one part of ``title`` (cut at its separators), with that part; the
    part that names the site is the masthead's ("Story | Riverside Gazette Daily" over an <h2> masthead)."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return None
    parts = {
        _title_key(part): part
        for part in parts[:3]
        if len(part.split()) >= 3 and not _is_site_part(part, site_name, host_core)
    }
    for el in tree.xpath("//h2|//h3")[:8]:
        part = parts.get(_title_key(_heading_text(el)))
        if part:
            return el, part.strip()
    return None


def _titled(h1: str, titles: list[str], site_name: str | None, host_core: str) -> bool:
    """Whether the page's <title> or og:title shares a quarter of the words of a header <h1>, not
    counting the parts of them that name the site: an unlinked masthead ("Marsh Ledger Daily News") is
    no headline, the story's title block is. A page without either title gives no evidence against it."""
    if not titles:
        return True
    key = _title_key(h1)
    words: set[str] = set()
    for title in titles:
        parts = _TITLE_SEPARATORS.split(title)
        for part in parts:
            if len(parts) > 1 and (_title_key(part) == key or _is_site_part(part, site_name, host_core)):
                continue  # "Story | Marsh Ledger Daily News": the masthead's words again
            words |= _stems(part)
    h1_words = _stems(h1)
    # (a quarter, as in _choose_title: themes reword the head's titles as freely as for any <h1>)
    return 4 * len(h1_words & words) >= len(h1_words)


def _marked_headline(tree: HtmlElement) -> HtmlElement | None:
    """The page's one element whose class is "headline" (or that is marked ``itemprop="headline"``) holding a
    headline's words (three to 25); None when there are none, or several (a list of teasers)."""
    body = _part(tree, "body")
    found = (
        body.xpath(
            "(.//*[contains(concat(' ', normalize-space(@class), ' '), ' headline ') or @itemprop='headline']"
            ")[position() <= 2]"
        )
        if body is not None
        else []
    )
    if len(found) != 1 or found[0].tag == "meta":
        return None
    words = len(_heading_text(found[0]).split())
    return found[0] if 3 <= words <= 25 else None


def _part(tree: HtmlElement, tag: str) -> HtmlElement | None:
    """The page's ``<head>`` or ``<body>``, a child of the root: looked up there, because lxml's
    ``find(".//body")`` goes on through the whole page for a second match before it returns the first."""
    root = tree if tree.tag == "html" else tree.getroottree().getroot()
    found = root.find(tag)
    return found if found is not None else tree.find(f".//{tag}")


def _links_home(el: HtmlElement, url: str) -> bool:
    """Whether a heading is (or holds, or sits in) a link to the site's front page: a masthead."""
    links = el.xpath("ancestor-or-self::a[@href] | .//a[@href]")
    for link in links[:3]:
        try:
            parts = urlsplit(urljoin(url, link.get("href") or ""))
        except ValueError:
            continue  # "http://[broken": no address at all, so not the front page's
        if parts.path in ("", "/") and not parts.query:
            return True
    return False


def _links_up(el: HtmlElement, url: str) -> bool:
    """Whether a heading is (or holds, or sits in) a link to a page above ``url``: a masthead linking to the
    site's front page, a blog's name linking to the blog ("/transit/" over "/transit/2004/03/post.html"); not
    a series' name linking to the series' page beside the story, nor a headline linking to its own page."""
    here = urlsplit(url).path.rstrip("/")
    for link in el.xpath("ancestor-or-self::a[@href] | .//a[@href]")[:3]:
        try:
            target = urlsplit(urljoin(url, link.get("href") or ""))
        except ValueError:
            continue
        path = target.path.rstrip("/")
        if path != here and here.startswith(path + "/"):
            return True
    return False


def _text(el: HtmlElement) -> str:
    return _SPACE.sub(" ", el.text_content()).strip()


def _heading_text(el: HtmlElement) -> str:
    """A heading's text as a reader sees it: a ``<br>`` is a space ("WEEKEND<br>CODING" is two words),
    and an entity escaped twice by the CMS ("SQL &amp;#x26; AI") is the character it names."""
    if el.find(".//br") is None:
        text = el.text_content()
    else:
        parts: list[str] = []

        def walk(node: HtmlElement) -> None:
            parts.append(node.text or "")
            for child in node:
                if child.tag == "br":
                    parts.append(" ")
                elif isinstance(child.tag, str):
                    walk(child)
                parts.append(child.tail or "")

        walk(el)
        text = "".join(parts)
    if "&" in text:
        text = html_lib.unescape(text)
    return _SPACE.sub(" ", text).strip()


_AUTHOR_HREF = re.compile(
    r"/(?:authors?|contributors?|writers|staff|people|profile|team|journalist|by)/|/author-", re.I
)
_NOT_BYLINE_TAGS = frozenset(
    ("meta", "link", "script", "style", "body", "html", "img", "svg", "figure", "picture")
)


def _byline_candidates(tree: HtmlElement):
    """Elements marked as a byline or an author (class, id, rel, itemprop, a link to an author page)."""
    body = _part(tree, "body")
    # every element of the page passes here: each attribute and the tag are read once
    for el in (tree if body is None else body).iter(etree.Element):
        tag = el.tag
        if tag in _NOT_BYLINE_TAGS:
            continue
        get = el.get
        if get("rel") == "author" or get("itemprop") == "author":
            yield el
            continue
        cls, ident = get("class"), get("id")
        if cls or ident:
            # four substring tests on the lower-cased names cost half a case-blind regex search, and every
            # element with a class passes here
            words = f"{cls} {ident}".lower()
            if "author" in words or "byline" in words or "writer" in words or "creator" in words:
                yield el
                continue
        if tag == "a" and _AUTHOR_HREF.search(get("href") or ""):
            yield el


# bylines in navigation, comment threads, related-story teasers and sidebars name other people
_SKIP_BYLINE = re.compile(
    r"(?:^|\s)(?:comments?|related|recommend|teasers?|sidebar|site-footer|nav|navbar|menu)(?:$|\s|[_-])", re.I
)
_AUTHOR_DESCRIPTION = re.compile(r"(?:author|byline)[_-]*desc", re.I)
_LEADING_DATE = re.compile(
    rf"^(?:{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_WORD},?\s+\d{{4}}"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})\s*[-–—|·•⋅,]?\s*",
    re.I,
)
_ARCHIVE_LINK = re.compile(
    r"^(?:more|all|other|latest|recent)?\s*(?:articles|posts|stories|more|news)\s+(?:by|from)\b", re.I
)


def _spaced_text(el: HtmlElement) -> str:
    # adjacent inline elements ("<span>Jane Doe</span><span>June 1</span>") must not run together
    return _SPACE.sub(" ", " ".join(t for t in el.itertext() if t)).strip()


# a line that goes on below: "By Jane Doe and<br>John Roe", "By Jane Doe,<br>…", "By<br>Jane Doe"
_OPEN_LINE = re.compile(r"(?:\b(?:and|und|et|y|e|en|by|von|par|por|door)|[&,;:])$", re.I)


def _first_line(el: HtmlElement) -> str | None:
    """The text before ``el``'s first ``<br>`` child ("By Jane Doe<br>Staff Writer": the name's line, over
    the writer's job or paper), or None when it has no such line break or the line goes on below it."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "br":
            line = _SPACE.sub(" ", " ".join(parts)).strip()
            return line if line and not _OPEN_LINE.search(line) else None
        if isinstance(child.tag, str):
            parts.append(_spaced_text(child))
        parts.append(child.tail or "")
    return None


def _class_words(el: HtmlElement) -> str:
    # utility-CSS classes ("mr-[--sidebar-width]") say nothing about what the element is
    words = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    return " ".join(w for w in words if "[" not in w and ":" not in w)


_JOB_TITLE_END = re.compile(
    r"\b(?:reporter|editor|correspondent|writer|columnist|contributor|journalist|producer|critic|photographer"
    r"|analyst|director|manager)s?$",
    re.I,
)


# the word for reporter around a name in Chinese, Japanese and Korean bylines: "记者 王晓燕", "本报记者",
# "文/李明远", "佐藤美咲 記者", "김민준 기자 minjun.kim@…" (what follows it is the e-mail or the paper)
_REPORTER_WORD = re.compile(
    r"^\s*(?:本报|本社)?(?:记者|記者|特派员|通讯员)\s*[:：]?\s*|^\s*文\s*[/／]\s*"
    r"|\s*(?:記者|기자|特派員|특파원|记者)(?=\s|$).*$"
)


# the other roles of a Chinese byline's names, between them or after the last: "本报记者 王晓燕 通讯员 李明远"
# (a correspondent beside the reporter), "记者 王晓燕 摄" (and her photograph)
_CJK_ROLE_BETWEEN = re.compile(r"(?:\s+|(?<=[\u4e00-\u9fff]))(?:通讯员|通訊員|实习生|實習生)\s*")
_CJK_ROLE_AFTER = re.compile(r"\s+(?:摄|攝|摄影|攝影|报道|報導)$")


# a wire byline's name in capitals, then its agency or paper in ordinary case ("MARCUS ELWOOD Allied
# Press", "JANE DOE The Daily Ledger"): the name is the capitals
_CAPS_NAME_THEN_OUTLET = re.compile(
    r"^((?:[A-Z][A-Z.'’-]*\s+){1,4}[A-Z][A-Z'’-]+)\s+(?!(?:Jr|Sr)\b)[A-Z][a-z].*$"
)


def _name_from_text(text: str, loose: bool = False) -> list[str]:
    text = _SPACE.sub(" ", text).strip()
    if not text or len(text) > 160:
        return []
    if _ARCHIVE_LINK.match(text):
        return []
    text = _REPORTER_WORD.sub("", _LABEL.sub("", _LEADING_DATE.sub("", text)))
    text = _CJK_ROLE_BETWEEN.sub("; ", _CJK_ROLE_AFTER.sub("", text))
    by = _BY.search(text)
    if not by:
        # "Headline text By Jane Doe June 1, 2025": the byline starts at the last "By"
        inner = re.search(r"(?:^|\s)(?:[Ww]ritten |[Pp]osted )?(?:By|by)(?:\s*:\s*|\s+)(?=[A-Z])", text)
        if inner and inner.start() > 0:
            text = text[inner.start() :]
    text = _BY.sub("", text, count=1).strip()
    text = _NAME_END.sub("", text).strip(" ,;-–—:")
    parts = text.split(", ")
    while len(parts) > 1 and _JOB_TITLE_END.search(parts[-1]):
        parts.pop()  # "Jane Doe, Local Democracy Reporter": a job title after a comma, not a second name
    text = ", ".join(parts)
    first, _, rest = text.partition(" ")
    if rest:
        text = f"{first} {_ROLE_START.sub('', ' ' + rest).strip()}".strip()
    if not text:
        return []
    names = [_CAPS_NAME_THEN_OUTLET.sub(r"\1", n.strip()) for n in _split_author_string(text) if n.strip()]
    if (
        loose
        and len(names) == 1
        and re.fullmatch(r"[a-z][\w.-]{2,30}", names[0])
        and names[0] not in _BYLINE_WORDS
    ):
        # a handle in an element marked as the author ("jsteinhardt")
        return names
    if names and all(_looks_like_name(n) for n in names):
        return names
    # "Jane Doe and John Roe, extension educators", "Jane Doe, MD, gastroenterologist, Riverside Health":
    # the names, then what the writers do, after a comma
    parts = text.split(", ")
    cut = next((i for i, part in enumerate(parts) if i and _describes(part)), 0)
    if cut:
        names = [n.strip() for n in _split_author_string(", ".join(parts[:cut])) if n.strip()]
        if names and all(_looks_like_name(n) for n in names):
            return names
    return []


# a lower-case word that is no name particle nor a word joining two names ("Ravi Shah and Tom Reid"):
# a role or a description ("horticulture educators", "Extension horticulture educators")
_DESCRIPTION_WORD = re.compile(
    r"(?:^|\s)(?!(?:van|von|der|den|de|del|della|di|da|du|la|le|bin|ibn|al|el|and|und)\b)[a-z]{3,}"
)


def _describes(part: str) -> bool:
    """Whether a comma-separated part of a byline says what the writers do rather than naming one: a
    lower-case word in it (other than "and") or a role opening it ("Senior Editor")."""
    return bool(_DESCRIPTION_WORD.search(part) or _ROLE_START.match(" " + part.strip()))


_REVIEWED_BY = re.compile(r"\b(?:reviewed|fact[- ]?checked)\s+by\s*:?\s*$", re.I)


def _reviewer_link(link: HtmlElement) -> bool:
    """Whether a link to a writer's page follows "Reviewed by": the expert who checked the story."""
    before = link.getprevious()
    text = before.tail if before is not None else link.getparent().text
    return bool(text and _REVIEWED_BY.search(text))


def _byline_authors(tree: HtmlElement, story: frozenset = frozenset()) -> list[str]:
    tried = 0
    for el in _byline_candidates(tree):
        if tried >= 12:
            break
        if len(list(islice(el.iter(), 60))) >= 60:
            continue  # a container of the whole story ("post has-author-box"), not a byline
        if _AUTHOR_DESCRIPTION.search(_class_words(el)):
            continue  # "author-description": what the writer does, not who it is
        ancestors = [a for a in el.iterancestors() if a.tag not in ("body", "html")]
        in_article = any(a.tag in ("article", "main") for a in ancestors)
        if any(
            a not in story
            and (
                a.tag == "nav"
                or (a.tag in ("footer", "aside") and not in_article)
                or _SKIP_BYLINE.search(_class_words(a))
            )
            for a in ancestors
        ):
            continue
        tried += 1
        pieces = []
        named = [n for n in el.iter() if n.get("itemprop") == "name"]
        if named:
            pieces.append(" and ".join(_spaced_text(n) for n in named))
        links = (
            [a for a in el.iter("a") if _AUTHOR_HREF.search(a.get("href") or "") and not _reviewer_link(a)]
            if el.tag != "a"
            else []
        )
        if links:
            pieces.append(" and ".join(_spaced_text(a) for a in links))
        line = _first_line(el)
        if line:
            pieces.append(line)
        pieces.append(_spaced_text(el))
        marked = bool(
            el.get("rel") == "author"
            or el.get("itemprop") == "author"
            or re.search(r"author|byline", el.get("class") or "", re.I)
        )
        if marked and len(pieces[-1]) > 80:
            # an author box: the name, then a bio ("Jane Doe <p>Jane is a writer who...")
            pieces.append(next((t.strip() for t in el.itertext() if t.strip()), ""))
        for piece in pieces:
            names = normalise_authors(_name_from_text(piece, loose=marked))
            if names:
                return names
    return []


_BY_START = re.compile(
    r"^\s*(?:(?:written|posted|published|words|story|text|reporting|article)\s+)?"
    r"(?:by(?-i:(?=[A-Z][a-z]))|(?:by|von|par|por|door)\b\s*:?\s*(?=[^\W\d_]|$))"
    r"|^\s*(?:authors?|autor|auteur|contributors?|автор)(?:\s*:|\s+(?-i:(?=[A-Z]))|\s*$)"
    # a label with its colon ("Reporter: Jane Doe"), not a story's "Reporters Without Borders said…";
    # Turkish "Haber: …" and Indonesian "Penulis: …" too, and the Arabic "بقلم" ("by the pen of")
    r"|^\s*(?:reporters?|writers?|correspondents?|haber|muhabir|penulis|लेखक|रिपोर्ट)\s*:|^\s*بقلم\b",
    re.I,
)
# the reporter's name before the word for reporter, as Japanese and Korean papers print it ("佐藤美咲 記者",
# "김민준 기자"), alone on its line or before the reporter's e-mail address
_NAME_THEN_REPORTER = re.compile(r"^\s*([^\W\d_]{2,6}(?: [^\W\d_]{1,4})?)\s?(?:記者|기자)(?:\s+\S+@\S+)?\s*$")
# the word for reporter before the name, as Chinese papers print it under the headline ("记者 王晓燕",
# "本报记者王晓燕", "记者王晓燕 通讯员李明远"): a name of two to four characters, alone on its line or
# before the correspondent's, not a sentence that opens with a reporter's name ("记者王晓燕昨天走访了…")
_HAN_NAME = r"[\u4e00-\u9fff]{2,4}"
# nor a column's label made of the same word ("记者手记": a reporter's notebook, "记者观察", "记者调查")
_REPORTER_COLUMN = (
    r"(?:手记|手記|观察|觀察|调查|調查|连线|連線|问答|問答|笔记|筆記|札记|札記|专访|專訪|探访|探訪|直击|直擊"
    r"|走访|走訪|实测|實測|体验|體驗|追踪|追蹤|招待会|招待會)\s*$"
)
_REPORTER_THEN_NAME = re.compile(
    rf"^\s*(?:本报|本社)?(?:记者|記者)\s*[:：]?\s*(?!{_REPORTER_COLUMN}){_HAN_NAME}"
    rf"(?:\s*(?:通讯员|通訊員|实习生|實習生)\s*{_HAN_NAME})*(?:\s+(?:摄|攝|报道|報導))?\s*$"
)


_META_LINE = re.compile(r"^\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} \| ")


# an icon before a byline's text
_ICON_TAGS = frozenset(("i", "svg", "span", "img"))

# code, icons and page chrome: no byline or date is printed in them
_UNREAD_TAGS = frozenset(("script", "style", "noscript", "svg", "nav", "footer"))


def _text_byline(
    tree: HtmlElement, story: frozenset = frozenset(), headline: HtmlElement | None = None
) -> list[str]:
    """A "By Jane Doe and John Roe" line printed near the headline, whatever its markup."""
    body = _part(tree, "body")
    if body is None:
        return []
    seen_h1 = False
    after = 0
    before: list[HtmlElement] = []
    for el in body.iter(etree.Element):
        tag = el.tag
        if tag in _UNREAD_TAGS:
            continue
        if not seen_h1 and (tag == "h1" or el is headline):
            seen_h1 = True
            # a byline above the headline: the last one before it
            for candidate in reversed(before[-3:]):
                names = _by_line_names(candidate, label=False)
                if names:
                    return names
            continue
        if seen_h1:
            after += 1
            if after > _WINDOW * 4:
                break
        text = el.text
        if (not text or text.isspace()) and len(el) and el[0].tag in _ICON_TAGS and not el[0].text:
            text = el[0].tail  # "<li><i class="icon-user"></i> Jane Doe</li>"
        if not text or text.isspace():
            continue  # most elements' own text: neither pattern below can match it
        reporter = _NAME_THEN_REPORTER.match(text) if seen_h1 else None
        if reporter and not _aside_from(el, story):
            names = normalise_authors([reporter.group(1)])
            if names and _looks_like_name(names[0]):
                return names
        if seen_h1 and _REPORTER_THEN_NAME.match(text) and not _aside_from(el, story):
            names = normalise_authors(_name_from_text(text))
            if names:
                return names
        if not _BY_START.match(text):
            if seen_h1 and after <= 3 and _META_LINE.match(text):
                # "Jane Doe | Senior Writer | July 2, 2025" straight under the headline: a byline without "By"
                line = _spaced_text(el)
                names = _name_from_text(line) if _visible_date_text(line.rpartition("|")[2])[0] else []
                if len(names) == 1 and len(names[0].split()) >= 2:
                    return normalise_authors(names)
            continue
        if _aside_from(el, story):
            continue
        if not seen_h1:
            before.append(el)
            continue
        names = _by_line_names(el)
        if names:
            return names
    if not seen_h1:
        # no headline element at all (an old page sets it in <font><b>): the first "By" line on the page
        for candidate in before[:3]:
            names = _by_line_names(candidate, label=False)
            if names:
                return names
    return []


# a quotation, a caption or a pull-out box: a "By ..." in them signs something other than the story
_QUOTING_TAGS = frozenset(("blockquote", "q", "figure", "figcaption", "aside"))


def _aside_from(el: HtmlElement, story: frozenset, quoting: frozenset = frozenset()) -> bool:
    """Whether ``el`` sits in a menu, a sidebar or a teaser (or in one of the ``quoting`` tags) that does
    not also hold the story's headline."""
    return el.tag in quoting or any(
        a not in story and (a.tag == "nav" or a.tag in quoting or _SKIP_BYLINE.search(_class_words(a)))
        for a in el.iterancestors()
    )


def _by_line_names(el: HtmlElement, label: bool = True) -> list[str]:
    """The names of an element whose own text opens with "By" (``_BY_START``), or [] when they are none;
    with ``label``, those after it when it holds the label alone."""
    names = _name_from_text(_first_line(el) or _spaced_text(el))
    if not names and label and not _BY_START.sub("", _spaced_text(el)).strip():
        # "<p>Written by</p><p>Jane Doe</p>", "<strong>Contributors:</strong> Jane Doe": the label and
        # the name in sibling elements, or the name straight after the label's element
        following = el.getnext()
        if following is None and el.getparent() is not None and el.getparent().tag in ("td", "th", "dt"):
            # "<td><b>Reporter:</b></td><td>Jane Doe</td>": the label's cell, then the name's
            following = el.getparent().getnext()
        if (el.tail or "").strip():
            names = _name_from_text(f"By {el.tail}")
        elif following is not None and isinstance(following.tag, str):
            names = _name_from_text(f"By {_spaced_text(following)}")
    # "Sort by Industry", "Filter by Specialty": a one-word "name" is a control, not a byline
    if names and all(len(n.split()) >= 2 for n in names):
        return normalise_authors(names)
    return []


_WRITTEN_BY = re.compile(
    r"^(?:this (?:post|article|story|piece|blog post|guide) (?:was|is) )?(?:written|authored) by\s+", re.I
)


def _byline_under(headline: HtmlElement, window: int = 25) -> list[str]:
    """A "By Jane Doe" line among the first elements after the headline (not in a sidebar or a teaser
    beside it, nor in a quotation or a caption)."""
    story = frozenset(headline.iterancestors())
    for el in islice(_following(headline), window):
        if el.tag in _UNREAD_TAGS or not isinstance(el.tag, str):
            continue
        text = el.text
        if not text or text.isspace() or not _BY_START.match(text):
            continue
        if _aside_from(el, story, _QUOTING_TAGS):
            continue
        # (a label alone, its name in the next element, overruled the head on more dev pages than it helped)
        names = _by_line_names(el, label=False)
        if names:
            return names
    return []


def _description_byline(values: dict[str, str]) -> list[str]:
    """Wire copy's byline at the top of the summary: "By Jane Doe\n\nRIVERTON, May 2 (AP) - ..."."""
    line = (values.get("description") or values.get("og:description") or "").lstrip().partition("\n")[0]
    written = _WRITTEN_BY.match(line)
    if written:
        # "This post was written by Jane Doe, MD, cardiologist. Heart health is...": the first sentence
        line = "By " + re.split(r"\.\s", line[written.end() :], maxsplit=1)[0]
    if len(line) > (100 if written else 60) or not _BY_START.match(line):
        return []
    names = _name_from_text(line)
    return normalise_authors(names) if names and all(len(n.split()) >= 2 for n in names) else []


def _page_byline(tree: HtmlElement, headline: HtmlElement | None = None) -> list[str]:
    # the elements around the headline hold the story, whatever their class says ("sidebar_content" beside
    # a sidebar) or wherever broken markup nested them (a story swallowed by an unclosed menu): a byline in
    # them is the story's, not a sidebar's or a menu's
    story = frozenset(headline.iterancestors()) if headline is not None else frozenset()
    return _byline_authors(tree, story) or _text_byline(tree, story, headline)


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


def _local_day(published: str, url: str) -> str:
    """The publisher's calendar day for a UTC timestamp, when the URL states it.

    Many CMSs write JSON-LD or og dates in UTC while the URL uses local time: "2025-12-19T02:41:41+00:00"
    is December 18th in New York, and ``/2025/12/18/`` says so. Other offsets on the page are no guide:
    pages print the UTC day as often as the local one.
    """
    if not published.endswith("+00:00") or "T" not in published:
        return published
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return published
    day = url_date(url)
    if day and day != published[:10] and abs(date.fromisoformat(day) - moment.date()) <= timedelta(days=1):
        # the URL's date is the publisher's calendar day; the time of day in it is unknown
        return day
    return published


_STOPWORDS = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the and of to is that for it with was on are be this by from at have has not but they which",
        "es": "el la los las que y del por con una para es se su al lo como más pero sus le ya",
        "fr": "le la les des et est que une dans pour qui sur pas par au aux du ce il elle sont avec",
        "de": "der die das und ist nicht ein eine zu den mit von sich auf für dem des im wird auch",
        "it": "il di che la per non una sono del della con gli le si nel alla anche come più",
        "pt": "o que e do da em um para com não uma os no se na por mais as dos como",
        "nl": "de het een en van is dat op te in voor niet met zijn er aan ook bij worden",
        # words of each that its neighbours do not share (Swedish's with Danish and Norwegian, Polish's
        # with Czech); Indonesian's are Malay's too
        "pl": "się że jest nie w oraz przez dla jego są przy który która które był była tak",
        "sv": "och att är för av till inte ett från också efter sig när under mot hade skulle",
        "tr": "ve bir bu için ile olarak çok daha gibi olan ancak kadar sonra ama her değil ise yeni",
        "id": "yang dan ini itu dengan untuk dari dalam tidak akan pada juga karena bisa bahwa oleh mereka"
        " adalah tersebut",
    }.items()
}

# scripts that name their language (or its likeliest one) when most of a page's letters are in them
_SCRIPTS = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),  # kana: Japanese (beside its kanji)
    (re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"), "ko"),
    (re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"), "zh"),
    (re.compile(r"[\u0400-\u04ff]"), "cyrillic"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0600-\u06ff]"), "arabic"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
    (re.compile(r"[\u0900-\u097f]"), "devanagari"),
)


_HAN = _SCRIPTS[2][0]
_NON_LATIN = re.compile("|".join(pattern.pattern for pattern, _ in _SCRIPTS))
# the letters each script-named language writes in
_SCRIPT_OF = {
    **{code: pattern for pattern, code in _SCRIPTS},
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\u3400-\u4dbf]"),
    "ru": _SCRIPTS[3][0],
    "ar": _SCRIPTS[6][0],
    "hi": _SCRIPTS[8][0],
}
# the verbs "is" and "are" of Hindi (है, हैं), Marathi (आहे, आहेत) and Nepali (छ, छन्), as words (the danda
# "।" ends a sentence): every story in one of them says them again and again, and none of the others; and
# as a report told in the past tense may not say "is" once, "was" and "were" (Hindi था, थी, थे, थीं; Nepali
# थियो, थिए) and "in" (Hindi में; Marathi मध्ये, Nepali writes मा on the word)
_DEVANAGARI_WORD = r"(?<![\u0900-\u0963\u0966-\u097f])(?:{})(?![\u0900-\u0963\u0966-\u097f])"
_HINDI_IS = re.compile(_DEVANAGARI_WORD.format("है|हैं|था|थी|थे|थीं|में"))
_NOT_HINDI_IS = re.compile(_DEVANAGARI_WORD.format("आहे|आहेत|छ|छन्|थियो|थिए|मध्ये"))


def _written_in(text: str, code: str) -> bool:
    """``text`` has no letters, or half of them at least in the script ``code`` is written in."""
    letters = sum(ch.isalpha() for ch in text)
    pattern = _SCRIPT_OF.get(code)
    return pattern is None or not letters or len(pattern.findall(text)) >= 0.5 * letters


def _script_language(text: str) -> str | None:
    """The language of a text written mostly in a script other than Latin, when the script tells it."""
    if _NON_LATIN.search(text) is None:
        return None  # (most pages: no letter of another script, and no count of letters to pay for)
    letters = sum(ch.isalpha() for ch in text)
    if letters < 100:
        return None
    for pattern, code in _SCRIPTS:
        count = len(pattern.findall(text))
        if code == "ja" and count >= 0.1 * letters and count + len(_HAN.findall(text)) >= 0.5 * letters:
            # Japanese is kanji and kana, the kana a tenth of it at least (an English phrase guide that
            # gives each phrase in kana beside its English is not Japanese)
            return code
        if count < 0.5 * letters:
            continue
        if code == "cyrillic":
            # Russian writes ы and э; Ukrainian, Belarusian, Serbian and Kazakh letters rule it out
            if re.search(r"[ыэ]", text) and not re.search(r"[іїєґўјђљњћџәғқңөұүһ]", text):
                return "ru"
            return None
        if code == "arabic":
            # Persian's and Urdu's own letters rule Arabic out
            return None if re.search(r"[پچژگکیٹڈڑںے]", text) else "ar"
        if code == "devanagari":
            # Hindi's is the likeliest language of the script, but Marathi and Nepali write in it too: Hindi
            # only when its "is" and "are" outnumber theirs, and twice at least
            hindi = len(_HINDI_IS.findall(text))
            return "hi" if hindi >= 2 and hindi > len(_NOT_HINDI_IS.findall(text)) else None
        return code
    return None


def guess_language(tree: HtmlElement) -> str | None:
    """The language of a page that declares none (or "en"): from the script of its paragraphs when most
    of their letters are in one that names a language, else from their common words (Latin scripts).

    On the benchmark's pages that declare a language it agrees 1306 times, abstains 127 and disagrees once:
    an Indonesian translation of a manual that declares "en", as its English template did."""
    text = " ".join(p.text_content() for p in islice(tree.iter("p"), 40))[:4000].casefold()
    by_script = _script_language(text)
    if by_script:
        return by_script
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 40:
        return None
    counts = Counter(words)
    scores = sorted(
        ((sum(counts[w] for w in stop if w in counts), code) for code, stop in _STOPWORDS.items()),
        reverse=True,
    )
    (best, code), (second, _) = scores[0], scores[1]
    return code if best >= 8 and best >= 1.5 * second else None


def _before_stamp(day: str, stamp: str) -> bool:
    """Whether a printed ``day`` is before the moment ``stamp`` in every time zone: "Feb 22" is not before
    "2026-02-23T00:57Z" (7:57 pm on the 22nd in New York), but is before "2026-02-23T22:00Z"."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return False
    if "T" not in stamp and " " not in stamp.strip():
        # a date-only stamp is a calendar day, not a moment that a time zone could move back a day
        earliest = moment.date()
    elif moment.tzinfo is None:
        earliest = moment.date() - timedelta(days=1)
    else:
        earliest = (moment.astimezone(UTC) - timedelta(hours=12)).date()
    return date.fromisoformat(day) < earliest


def _printed_day(node: HtmlElement, stamp: str | None) -> str | None:
    """A ``<time datetime>``'s stamp, or the day the element prints when that is the day before or after:
    the stamp is in UTC or another zone, the printed day the publisher's ("2026-02-24T04:13Z" printed as
    "February 23, 2026")."""
    if not stamp or "T" not in stamp or not node.text:
        return stamp
    printed = printed_date(node.text)
    if printed and abs(date.fromisoformat(printed[0]) - date.fromisoformat(stamp[:10])) == timedelta(days=1):
        return printed[0]
    return stamp


_SENTENCE_END = re.compile(r"[.?!]\s+(?=[A-Z])")
# one token in lower case, or joined by a dot or an underscore, or with a capital inside ("KatieS")
_USER_NAME = re.compile(r"[a-z0-9][\w.-]*|\w+[._]\w+|\w*[a-z][A-Z]\w*")


def extract_metadata(tree: HtmlElement, url: str) -> PageMeta:
    meta = PageMeta()
    values = _meta_map(tree)
    nodes = _jsonld_nodes(tree)
    article = None
    webpage = None
    for node in nodes:
        names = {n.lower() for n in _type_names(node)}
        meta.ld_types |= names
        if _about_this_page(node, url):
            meta.ld_page_types |= names
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

    site = (meta.site_name or "").casefold()
    all_h1s: list[str] = []
    plausible: list[str] = []
    # <h1>s in a page header or a nav bar outside the article: mastheads as often as the story's own
    # headline (themes put the article's title block in a <header> too), so they come after the others
    in_header: list[str] = []
    h1_of: dict[str, HtmlElement] = {}
    h1_elements = tree.xpath("//h1")[:8]
    for el in h1_elements:
        h1 = _heading_text(el)
        if not h1 or len(h1) > 300:
            continue
        all_h1s.append(h1)
        if len(h1.split()) < 2 or (site and h1.casefold() == site):
            continue
        if len(h1.split()) > 25 and len(_SENTENCE_END.findall(h1)) >= 2:
            continue  # a summary of several sentences set as <h1>, not a headline
        if re.search(r"logo|brand|site-?(title|name)", f"{el.get('class') or ''} {el.get('id') or ''}", re.I):
            continue
        if el.xpath("ancestor::nav"):
            continue
        if el.xpath("ancestor::header[not(ancestor::article)]"):
            if not _links_home(el, url):
                in_header.append(h1)
                h1_of.setdefault(_title_key(h1), el)
            continue
        plausible.append(h1)
        h1_of.setdefault(_title_key(h1), el)
    head = _part(tree, "head")
    title_tag = head.find("title") if head is not None else None
    if title_tag is None:
        title_tag = tree.find(".//title")
    og_title = _clean(values.get("og:title"))
    title_text = _clean(title_tag.text_content()) if title_tag is not None else None
    heads = [
        og_title,
        _ld_str(ld, "headline"),
        _clean(values.get("twitter:title")),
        title_text,
        _ld_str(ld, "name"),
    ]
    heads = [h for h in heads if h]
    host_core = _host_core(url)
    titles = [t for t in (title_text, og_title) if t]
    plausible += [h1 for h1 in in_header if _titled(h1, titles, meta.site_name, host_core)]
    meta.h1 = plausible[0] if plausible else None
    mastheads = frozenset(_title_key(_heading_text(el)) for el in h1_elements if _links_up(el, url))
    meta.title = _choose_title(all_h1s, plausible, heads, meta.site_name, host_core, mastheads)
    headline = h1_of.get(_title_key(meta.title))
    if headline is None:
        headline = h1_of.get(_title_key(meta.h1))
    if not all_h1s and title_text:
        # no <h1> (an old hand-made page sets its headline as <h2> or <h3>): the heading that is one part of
        # the head's title ("Weekly Bulletin - Headline") is the headline, and its part the title
        part = _part_heading(tree, title_text, meta.site_name, host_core)
        headline, meta.title = part or (None, meta.title)
    if not all_h1s and headline is None and heads == [title_text] and len(title_text.split()) <= 4:
        # no <h1>, no heading in the title, and a <title> of a few words without a separator (the paper's
        # name alone, on every page of the site): the one element marked as the headline is the headline
        marked = _marked_headline(tree)
        if marked is not None:
            headline, meta.title = marked, _heading_text(marked)

    index = _ld_index(nodes)
    ld_author = _resolve(ld.get("author"), index)
    if not ld_author and webpage:
        ld_author = _resolve(webpage.get("author"), index)
    ld_names = normalise_authors(
        _person_names(ld_author) or _person_names(_resolve(ld.get("creator"), index))
    )
    publisher = _resolve(ld.get("publisher"), index)
    site_names = {
        n.casefold()
        for n in (meta.site_name, _ld_str(publisher, "name") if isinstance(publisher, dict) else None)
        if n
    }

    def is_site(names: list[str]) -> bool:
        return bool(names) and all(
            n.casefold() in site_names or any(n.casefold() in s or s in n.casefold() for s in site_names)
            for n in names
        )

    def user_names(names: list[str]) -> bool:
        # CMS log-in names ("jdoe", "jane.doe", "KatieS"): the full name in a byline on the page says more
        # (a lone capitalised word, "Brett" or "Paycom", is a first name or a firm: the byline rarely adds)
        return bool(names) and all(_USER_NAME.fullmatch(n) for n in names)

    authors = ld_names
    in_head = True  # the authors come from JSON-LD or the meta tags
    if not authors or _is_organisation(ld_author) or is_site(authors) or user_names(authors):
        # no person in JSON-LD (or an organisation, or the site itself, named as author): a person named
        # in the meta tags or in a byline on the page is the better answer; the organisation is the last
        metas = normalise_authors(_meta_authors(values))
        if metas and not is_site(metas) and not user_names(metas):
            authors = metas
        else:
            byline = _page_byline(tree, headline)
            if user_names(byline) and user_names(ld_names) and not _is_organisation(ld_author):
                byline = []  # one user name for another: JSON-LD's stands
            authors, in_head = byline or authors or metas, not byline
    if authors and in_head and headline is not None:
        # the person the head names is who filed the page in the CMS; a "By ..." line printed under the
        # headline that names someone else is the story's byline
        printed = [n for n in _byline_under(headline) if not is_site([n])]  # "By Jane Doe, The Daily"
        if printed and {n.casefold() for n in printed} != {n.casefold() for n in authors}:
            authors = printed
    if not authors:
        authors = _description_byline(values)
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
            published = _printed_day(node, parse_date(node.get("datetime") or node.get("content")))
            if published:
                source = "markup"
                break
    if not published:
        published = url_date(url)
        source = "url" if published else None
    if not published:
        # the first <time datetime> of the page (a union with //article//time would not rank those first:
        # XPath returns a union in page order)
        for node in tree.xpath("//time[@datetime]")[:1]:
            published = _printed_day(node, parse_date(node.get("datetime")))
            source = "time" if published else None
    modified = parse_date(ld.get("dateModified"))
    if not modified:
        _, value = _first(values, _MODIFIED_META)
        modified = parse_date(value)
    meta.modified = modified
    if published and modified and source in ("jsonld", "meta") and modified[:10] <= published[:10]:
        # one stamp given as both dates (or a "modified" before "published") is when a template or an
        # import wrote the page, not an editor's date: an earlier date printed by the headline is the story's
        printed = visible_date(tree, h1_elements[0] if h1_elements else None)
        if printed and _before_stamp(printed, published):
            published, source = printed, "page"
    if published:
        published = _local_day(published, url)
    meta.published, meta.date_source = published, source

    html = tree if tree.tag == "html" else tree.getroottree().getroot()
    declared = (
        _lang(html.get("lang") or html.get("{http://www.w3.org/XML/1998/namespace}lang"))
        or _lang(values.get("content-language"))
        or _lang(values.get("og:locale"))
        or _lang(_ld_str(ld, "inLanguage"))
    )
    # "en" is also what a theme or a CMS declares until someone sets the site's language: a text plainly in
    # another language overrules it
    guessed = guess_language(tree) if declared in (None, "en") else None
    if declared == "en" and guessed and not _written_in(meta.title or "", guessed):
        # the headline in English over paragraphs mostly in Russian: an English story quoting a poem at
        # length, as it declares (a Russian site left at "en" has a Russian headline)
        guessed = None
    meta.language = guessed or declared
    meta.description = (
        _clean(values.get("og:description"))
        or _clean(values.get("description"))
        or _clean(values.get("twitter:description"))
        or _ld_str(ld, "description")
    )
    image = _clean(values.get("og:image")) or _clean(values.get("twitter:image")) or _ld_image(ld)
    try:
        meta.image = urljoin(url, image) if image and url else image
    except ValueError:
        meta.image = None  # "http://[broken": not an address a reader could open

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

    # <link rel=canonical> belongs in <head>: the search of the whole page is for pages that break the rule
    links = [
        link
        for link in (head.iter("link") if head is not None else ())
        if link.get("href") and "canonical" in (link.get("rel") or "").split()
    ] or tree.xpath("//link[@href][contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]")
    meta.canonical.extend(link.get("href") for link in links)
    if values.get("og:url"):
        meta.canonical.append(values["og:url"])
    return meta


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})\b")
_DATE_LABEL = re.compile(
    r"\b(?:published|updated|posted|last|modified|date|on|am|le|publié|mis à jour"
    r"|veröffentlicht|aktualisiert|publicado|atualizado|em|às|há|pubblicato|aggiornato|alle|ore"
    r"|gepubliceerd|bijgewerkt|om|publicerad|uppdaterad|kl|opublikowano|aktualizacja|godz"
    r"|опубликовано|обновлено|yayınlanma|güncelleme|güncellendi|diterbitkan|diperbarui|pukul"
    r"|प्रकाशित|अपडेटेड|अपडेट)\b:?",
    re.I,
)
# an update's label, which makes the date beside it not the publication's
_UPDATED_LABEL = re.compile(
    r"updated|modified|aktualisiert|mis à jour|atualizado|aggiornato|bijgewerkt|uppdaterad|aktualizacja"
    r"|обновлено|güncelle|diperbarui|수정|更新|अपडेट",
    re.I,
)
# year first, as Chinese, Japanese and Korean papers print it: "2026.08.27 14:02", "2026-09-18 08:15"
# (with dots, the month and the day in two digits each, as the papers print them: "2024.10.2" and
# "v2025.11.03" are a program's versions)
_NUMERIC_YMD = re.compile(
    r"(?<![A-Za-z\d.\-/])((?:19|20)\d{2})(?:([/-])(\d{1,2})\2(\d{1,2})|(\.)(\d{2})\.(\d{2}))(?![\d\-/]|\.\d)"
)


# the days' names (lower case), which papers print before the date: "Thursday, October 14, 1999"
WEEKDAYS = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes"
    r"|sábado|domingo)"
)
# the day's name is the date's, not more words beside it
_WEEKDAY = re.compile(rf"\b{WEEKDAYS}\b", re.I)
_BYLINE_LEAD = re.compile(r"^\s*(?:by|par|von|por|door)\s+[^\W\d_][^|—–·•,\d]{1,60}[|—–·•,]", re.I)


def _visible_date_text(text: str) -> tuple[str | None, bool]:
    """(ISO day, labelled as published) for a short text that is a date and little else."""
    text = _one_word_months(text)
    day = _parse_loose(text)
    match = None
    if not day:
        match = _NUMERIC_DATE.search(text)
        ymd = None if match else _NUMERIC_YMD.search(text)
        if not match and not ymd:
            return None, False
        if ymd:
            y, m, d = int(ymd.group(1)), int(ymd.group(3) or ymd.group(6)), int(ymd.group(4) or ymd.group(7))
        else:
            a, sep, b, y = int(match.group(1)), match.group(2), int(match.group(3)), int(match.group(4))
            # dots are day-first (17.05.2021); slashes are month-first unless that cannot be
            d, m = (a, b) if sep == "." or a > 12 else (b, a)
        try:
            day = date(y, m, d).isoformat()
        except ValueError:
            return None, False
    rest = _NUMERIC_YMD.sub("", _CJK_DATE.sub("", _NUMERIC_DATE.sub("", text)))
    rest = _LOOSE_MDY.sub("", _LOOSE_DMY.sub("", rest))
    # "Par Hélène Maréchal — publié le 19/10/2005": the byline before the date is not more words about it
    rest = _WEEKDAY.sub("", _DATE_LABEL.sub("", _BYLINE_LEAD.sub("", rest)))
    if len(re.findall(r"[^\W\d_]{2,}", rest)) > 2:
        return None, False
    return day, not _UPDATED_LABEL.search(text)


_WINDOW = 60
_DIGIT = re.compile(r"\d")
_NO_DATE_TAGS = _UNREAD_TAGS


def printed_date(text: str) -> tuple[str, bool] | None:
    """(ISO day, labelled as published) for a short text that is a date and little else."""
    text = text.strip()
    if len(text) > 60:
        return None
    day, published = _visible_date_text(_SPACE.sub(" ", text))
    if not day or not 1990 <= int(day[:4]) <= date.today().year + 1:
        return None
    return day, published


def _first_published(candidates: list[tuple[str, bool]]) -> str | None:
    for day, published in candidates:
        if published:
            return day
    return candidates[0][0] if candidates else None


def _dates_in(elements, window: int = 0, enough: int = 0) -> list[tuple[str, bool]]:
    """The short date-only texts of ``elements`` (their own text and their tails), in page order."""
    found: list[tuple[str, bool]] = []
    counted = 0
    for el in elements:
        if el.tag in _NO_DATE_TAGS or not isinstance(el.tag, str):
            # an element's tail is its parent's text: "<svg>(calendar icon)</svg> Dec 12, 2025"
            texts = (el.tail,)
        else:
            counted += 1
            if window and counted > window:
                break
            texts = (el.text, el.tail)
        for text in texts:
            # cheap tests first: most texts are blank, long, or hold no digit
            if not text or len(text) > 400 or not _DIGIT.search(text):
                continue
            printed = printed_date(text)
            if printed:
                found.append(printed)
        if enough and len(found) >= enough:
            break
    return found


def _following(el: HtmlElement):
    """The elements after ``el``'s start tag in page order (its descendants, then the rest), lazily."""
    yield from islice(el.iter(), 1, None)
    while el is not None:
        for sibling in el.itersiblings():
            yield from sibling.iter()
        el = el.getparent()


def visible_date(tree: HtmlElement, h1: HtmlElement | None = None) -> str | None:
    """The date printed near the headline ("Published Nov 21, 2018", "17.05.2021"), for pages without
    structured dates: the first short date-only text within a window after the first <h1>, else the
    last ones before it. A caller that has the first <h1> at hand saves the walk down to it."""
    body = _part(tree, "body")
    if body is None:
        return None
    above: list[HtmlElement] | None = None
    if h1 is None:
        above = []
        for el in body.iter():
            if el.tag == "h1":
                h1 = el
                break
            above.append(el)
    if h1 is not None:
        found = _dates_in(_following(h1), window=_WINDOW, enough=3)
        if found:
            return _first_published(found)
    if above is None:
        above = list(takewhile(lambda el: el is not h1, body.iter()))
    return _first_published(_dates_in(above)[-2:])


def fallback_date(tree: HtmlElement, url: str, printed: bool = True) -> str | None:
    """For pages without any structured date: the date printed by the headline (unless ``printed`` is
    False: the caller has looked for it), else htmldate's fast mode."""
    day = visible_date(tree) if printed else None
    if day:
        return day
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover
        return None
    try:
        found = find_date(tree, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on odd trees; a missing date is fine
        return None
    return found or None
