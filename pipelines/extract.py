"""The extraction function: one HTML page in, one clean article record (or a reason) out.

    result = extract_article(html_or_bytes, url, declared_encoding=None)
    result.is_article, result.reason, result.record

The page is decoded once (``decode_html``), parsed once with lxml, cleaned by our named rules
(``pipelines.cleanup``), handed as a tree to trafilatura, and its output filtered again
paragraph by paragraph. Metadata come from the same tree (``pipelines.metadata``).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from contextvars import ContextVar
from copy import copy
from dataclasses import dataclass, field
from html import unescape

import lxml.html
import trafilatura
import trafilatura.core
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import HTML_PARSER, is_dubious_html, repair_faulty_html

from pipelines.classify import classify_page, count_words, page_features, page_rule, text_features
from pipelines.cleanup import (
    DOM_RULES,
    TEXT_RULES,
    apply_dom_rules,
    drop_invisible,
    element_text,
    other_headlines,
    text_rules,
    word_key,
)
from pipelines.decode import MAX_BYTES, NotHTML, decode_html, fix_mojibake, sniff
from pipelines.metadata import extract_metadata, fallback_date, visible_date
from pipelines.recover import recover_dropped_blocks, word_runs
from pipelines.selections import fast_selections, install
from pipelines.urls import choose_key_url, clean_url

__all__ = ["Extraction", "decode_html", "extract_article", "EXTRACTION_VERSION", "RULES"]

EXTRACTION_VERSION = 1
# every name ``extract_article(rules=...)`` answers to, in the order the rules run
RULES = (*(name for name, _ in DOM_RULES), "recovered_blocks", *TEXT_RULES)
MAX_CHARS = MAX_BYTES

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass
class Extraction:
    is_article: bool
    reason: str | None = None
    record: dict | None = None
    page_type: str | None = None
    features: dict = field(default_factory=dict)


_SPACE = re.compile(r"\s+")
_HEADLINE_CHARS = 200
_INLINE_TAGS = frozenset({"span", "a", "b", "strong", "em", "i", "font", "small"})
_BLANKS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def content_hash(text: str) -> str:
    return hashlib.sha256(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()


def _class_lookup() -> etree.ElementNamespaceClassLookup:
    """lxml.html's element classes (form controls included), looked up in C: lxml.html's own lookup is a
    Python method that lxml calls for every element proxy it builds, thousands per page in our walks and
    in trafilatura's copies of our tree (the copies keep the parser, so they keep this lookup too)."""
    fallback = etree.ElementDefaultClassLookup(
        element=HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
    lookup = etree.ElementNamespaceClassLookup(fallback)
    # the form controls' classes (a private table of lxml.html's; without it they are plain elements)
    lookup.get_namespace(None).update(
        getattr(lxml.html.HtmlElementClassLookup, "_default_element_classes", {})
    )
    return lookup


# trafilatura's parser settings (a copy: bare trafilatura keeps its own parser and lookup)
_HTML_PARSER = HTML_PARSER.copy()
_HTML_PARSER.set_element_class_lookup(_class_lookup())


def _parse_bytes(text: str) -> HtmlElement | None:
    try:
        return lxml.html.fromstring(text.encode("utf8", "surrogatepass"), parser=_HTML_PARSER)
    except Exception:
        return None


# A theme that prints ``</html>`` after its header, then the story. Browsers show what follows (HTML's
# "after after body" mode reopens the body); libxml2 2.14 drops it, story and headline with it.
_HTML_END = re.compile(r"</html\s*>", re.I)
_CONTENT_TAG = re.compile(r"<(?:p|div|article|section|main|h[1-6]|table|ul|ol)[\s>]", re.I)
_PAGE_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.I)


def _reopen_closed_page(text: str) -> str:
    """``text`` without its ``</body>``/``</html>`` tags when page content follows the first ``</html>``
    (the parser closes both at the end), else ``text`` as it is."""
    end = _HTML_END.search(text)
    if end is None or not _CONTENT_TAG.search(text, end.end()):
        return text
    return _PAGE_END_TAGS.sub("", text)


def _parse(text: str) -> HtmlElement | None:
    """trafilatura's ``load_html`` for decoded text, step by step, with our parser; content printed after
    a premature ``</html>`` is kept, as a browser keeps it."""
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
    text = _reopen_closed_page(text)
    beginning = text[:50].lower()
    text = repair_faulty_html(text, beginning)
    tree, tried_bytes = None, False
    try:
        tree = lxml.html.fromstring(text, parser=_HTML_PARSER)
    except ValueError:  # a str with an encoding declaration
        tree, tried_bytes = _parse_bytes(text), True
    except Exception:
        pass
    if (tree is None or len(tree) < 1) and not tried_bytes:
        tree = _parse_bytes(text)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None  # not HTML at all
    return tree


def _paragraphs(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        line = _BLANKS.sub(" ", line).strip()
        if line:
            out.append(line)
    return out


# trafilatura runs its main extractor, then (unless ``fast``) copies the page and compares the result
# with readability/justext (its ``_extract_and_compare``, also used by its own recall retry). We want
# the comparison only when the main text is short next to the page's own text; rather than running
# trafilatura twice (fast, then full), one full run consults this gate before copying and comparing.
# trafilatura is pinned to the 2.3 series, whose layout this relies on: a release that moves these names
# fails at import, loudly, instead of silently comparing on every page.
_COMPARE_GATE: ContextVar[Callable[[str], bool] | None] = ContextVar("compare_gate", default=None)
_extract_and_compare = trafilatura.core._extract_and_compare
_extract_content = trafilatura.core.extract_content
_compare_extraction = trafilatura.core.compare_extraction


def _gated_extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options):
    gate = _COMPARE_GATE.get()
    if gate is None or options.fast:
        return _extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options)
    body, text = _extract_content(cleaned_tree, options)
    if not gate(text):
        return body, text
    return _compare_extraction(cleaned_tree_backup, copy(tree), body, text, options)


trafilatura.core._extract_and_compare = _gated_extract_and_compare


def _needs_fallback(p_chars: int) -> Callable[[str], bool]:
    """The comparison pays off where the main text is short, absolutely or next to the page's own
    paragraphs; elsewhere it costs a readability and a justext run for almost nothing."""

    def gate(text: str) -> bool:
        n = len(text)
        return n < 500 or n < 0.4 * p_chars

    return gate


def _run_gated(tree: HtmlElement, url: str, p_chars: int, retry: bool = True) -> tuple[str, str]:
    """trafilatura's text, and how it was found: its main extractor alone, compared with its fallback
    extractors (only when the main text is short next to the page's own), or in recall mode (when
    ``retry``: not on pages that are mostly links, where short text is the right answer)."""
    gate = _needs_fallback(p_chars)
    fell_back = []

    def watch(text: str) -> bool:
        fell_back.append(gate(text))
        return fell_back[-1]

    token = _COMPARE_GATE.set(watch)
    try:
        raw = _run_trafilatura(tree, url, fast=False)
    finally:
        _COMPARE_GATE.reset(token)
    if retry and len(raw) < 0.5 * p_chars:
        # less than half the page's paragraph text, even after the comparison: trafilatura's own
        # recall mode prunes less (it finds an article inside a container named like a header, say)
        fuller = _run_trafilatura(tree, url, fast=False, recall=True)
        if len(fuller) > 1.2 * len(raw):
            return fuller, "trafilatura-recall"
    if retry and any(fell_back) and len(raw) > 2000 and "\n" not in raw:
        # the fallback's text came back as one run without paragraphs (a page-wide text dump, with
        # its contents table and bios): the main extractor in recall mode keeps the page's structure
        structured = _run_trafilatura(tree, url, fast=True, recall=True)
        if "\n" in structured and len(structured) > 0.3 * len(raw):
            return structured, "trafilatura-recall"
    return raw, "trafilatura+fallback" if any(fell_back) else "trafilatura"


install()  # trafilatura's costliest XPath selections, as Python walks inside fast_selections()


def _run_trafilatura(tree: HtmlElement, url: str, fast: bool = False, recall: bool = False) -> str:
    with fast_selections():
        return (
            trafilatura.extract(
                tree,
                url=url or None,
                fast=fast,
                include_comments=False,
                include_tables=True,
                deduplicate=False,
                with_metadata=False,
                favor_recall=recall,
            )
            or ""
        )


def _shingles(text: str) -> set[tuple[str, ...]]:
    return set(word_runs(word_key(text)))


def _prefer_declared_body(declared: str, extracted: str) -> bool:
    """JSON-LD articleBody instead of our text, when it is the same story of which we found only part:
    clearly longer, and sharing a good part of our text (or, twice as long, at least some of it, or
    our text is a scrap). A declared body about something else is never taken."""
    size = max(len(extracted), 200)
    if len(declared) < 1.3 * size:
        return False
    ours = _shingles(extracted)
    if not ours or len(extracted) < 500 and len(declared) > 2 * size:
        return len(declared) > 2 * size
    shared = len(ours & _shingles(declared)) / len(ours)
    return shared >= 0.4 or (shared >= 0.2 and len(declared) > 2 * size)


def _declared_paragraphs(declared: str, extracted: str) -> bool:
    """JSON-LD articleBody instead of our text, when ours is that same text run together: trafilatura's
    own fallback takes the declared body of a page rendered in the browser (its HTML holds only a headline
    and a teaser) as one line. The declared body has the story's paragraphs. Not when most of our paragraphs
    are paragraphs of the declared body: ours is the story set out already, and what the declared body has
    more is what our rules took out or the page shows apart ("RELATED: …", "ADVERTISEMENT", a caption, a
    newsletter's prompt, a CMS's shortcodes), run into the story's text."""
    if declared.count("\n\n") <= extracted.count("\n\n"):
        return False
    ours_paragraphs = extracted.split("\n\n")
    theirs_paragraphs = {word_key(p) for p in declared.split("\n\n")}
    if 2 * sum(1 for p in ours_paragraphs if word_key(p) in theirs_paragraphs) > len(ours_paragraphs):
        return False
    ours, theirs = _shingles(extracted), _shingles(declared)
    return len(ours) >= 20 and len(ours & theirs) >= 0.9 * max(len(ours), len(theirs))


def extract_article(
    html: str | bytes,
    url: str,
    *,
    declared_encoding: str | None = None,
    rules: set[str] | None = None,
    force: bool = False,
) -> Extraction:
    """Extract the article in ``html`` fetched from ``url``.

    ``rules`` restricts our rules to the named ones (all when None), for benchmarks and tests;
    ``force`` skips the page-type decision (the record is built for any page with text).
    Never raises on bad input: a reason is returned instead.
    """
    try:
        return _extract(html, url, declared_encoding, rules, force)
    except NotHTML as err:
        return Extraction(False, err.reason)
    except (etree.LxmlError, ValueError, RecursionError, MemoryError) as err:
        return Extraction(False, f"unparseable:{type(err).__name__}")


def _extract(html, url, declared_encoding, rules, force) -> Extraction:
    if isinstance(html, bytes | bytearray):
        body = sniff(bytes(html))
        text = decode_html(body, declared_encoding)
    elif isinstance(html, str):
        if not html.strip():
            return Extraction(False, "empty")
        text = fix_mojibake(html[:MAX_CHARS])
    else:
        raise TypeError("html must be str or bytes")
    if "<" not in text[:200000]:
        return Extraction(False, "not-html:text")
    tree = _parse(text)
    if tree is None or len(tree) == 0:
        return Extraction(False, "unparseable")
    if tree.tag != "html":
        root = tree.getroottree().getroot()
        tree = root if isinstance(root, HtmlElement) else tree

    # lxml builds a Python proxy for an element each time one is reached, through lxml.html's Python
    # class lookup, and frees it when nothing holds it: holding them all makes every later walk (ours
    # and trafilatura's over this tree) reuse the same proxies
    alive = list(tree.iter())  # noqa: F841 - held, not read
    in_headline: dict[HtmlElement, list[HtmlElement]] = {}  # <h1> -> its line breaks
    for br in tree.iter("br"):
        # a line break parts words as a space does: "By Jana Holt<br>Staff Writer" is five words to every
        # reader of the text, our rules included (lxml's text_content() runs "HoltStaff" together)
        br.tail = " " + br.tail if br.tail else " "
        parent = br.getparent()
        if parent is None:
            continue
        h1 = parent if parent.tag == "h1" else parent.getparent() if parent.tag in _INLINE_TAGS else None
        if h1 is not None and h1.tag == "h1":
            in_headline.setdefault(h1, []).append(br)
    for h1, breaks in in_headline.items():
        # a headline set on two lines is one headline: trafilatura would print it as two lines of the text,
        # which neither the title nor the rule that drops its copy from the text would know (only a
        # headline's length: an <h1> holding a list or paragraphs keeps its lines; so do lower headings, which
        # sites use for lists of products, steps, questions)
        if len(element_text(h1)) <= _HEADLINE_CHARS:
            for br in breaks:
                br.drop_tree()
    meta = extract_metadata(tree, url)
    body = tree.find("body")
    page_chars = len(element_text(body if body is not None else tree))
    p_lens = {p: len(element_text(p)) for p in tree.iter("p")}
    p_chars = sum(p_lens.values())  # = rules' p_len
    printed = None if meta.published else visible_date(tree)
    features = page_features(tree, url, meta, "", body_len=page_chars, p_lens=p_lens, printed_date=printed)
    ruled = None if force else page_rule(features)
    if ruled is not None:
        # a tag, author, search or page-2 URL, a page that says it is one, or one whose platform names it a
        # forum's or a manual's page, is not a story whatever its text: no extraction to pay for
        page_type, why = ruled
        return Extraction(False, f"not-article:{why}", page_type=page_type, features=features)
    # both read the page as published, before our rules change it
    headlines = other_headlines(tree, url)
    published = meta.published or printed or fallback_date(tree, url, printed=False)

    # from here on the tree is ours to change: the rules edit it in place
    drop_invisible(tree)
    fired = apply_dom_rules(tree, url, rules, p_len=p_chars)
    raw, method = _run_gated(tree, url, p_chars, retry=features.get("link_density", 0) < 0.5)
    paragraphs = _paragraphs(raw)
    if rules is None or "recovered_blocks" in rules:
        paragraphs, recovered = recover_dropped_blocks(tree, paragraphs, url)
        if recovered:
            fired["recovered_blocks"] = recovered
    paragraphs, text_fired = text_rules(
        paragraphs, meta.title or meta.h1, headlines, rules, authors=meta.authors
    )
    for key, value in text_fired.items():
        fired[key] = fired.get(key, 0) + value

    body_text = "\n\n".join(paragraphs)
    ld_body = (meta.ld_article or {}).get("articleBody")
    if isinstance(ld_body, str) and len(ld_body) >= 0.9 * len(body_text):
        # measured as text: a CMS may declare its template's stripped HTML, indentation and entities
        # and all, twice as long as the story it holds
        declared = "\n\n".join(_paragraphs(re.sub(r"\r\n?|\\n", "\n", unescape(ld_body))))
        if _prefer_declared_body(declared, body_text) or _declared_paragraphs(declared, body_text):
            # trafilatura missed much of the story that the publisher declares in JSON-LD, or its
            # paragraphs
            body_text = declared
            method = "jsonld"

    features.update(text_features(body_text, page_chars))
    page_type, why = classify_page(features)
    if not body_text.strip():
        return Extraction(False, "empty-text", page_type=page_type, features=features)
    if page_type != "article" and not force:
        return Extraction(False, f"not-article:{why}", page_type=page_type, features=features)

    record = {
        "url": choose_key_url(url, meta.canonical),
        "fetched_url": url,
        "title": meta.title or meta.h1,
        "authors": meta.authors,
        "published": published,
        "modified": meta.modified,
        "language": meta.language,
        "site_name": meta.site_name,
        "description": meta.description,
        "image": meta.image,
        "tags": meta.tags,
        "text": body_text,
        "word_count": count_words(body_text),
        "content_hash": content_hash(body_text),
        "page_type": "article",
        "extraction": {"method": method, "rules": fired, "version": EXTRACTION_VERSION},
    }
    return Extraction(True, None, record, page_type=page_type, features=features)


__all__ += ["clean_url"]
