"""trafilatura's costliest boilerplate selections, computed in Python for our own extraction runs.

trafilatura prunes every tree it is given with XPath expressions. libxml2 walks the whole tree for
each one, and their regular-expression tests (``re:test``) are Python calls that lxml makes for
every element and attribute tested: one such expression costs milliseconds on a page of a thousand
elements, and each run of trafilatura evaluates several, on the page and again on each container it
considers. The expressions that cost most are mirrored here, each as one walk applying the same
tests (attribute order included: XPath's ``string(@id|@class)`` is the attribute written first).

Inside ``fast_selections()`` trafilatura's expression objects hand over to these walks; anywhere
else (another caller of trafilatura in the same process, such as the benchmark's bare run) they
are trafilatura's own XPath. A mirror is installed only where trafilatura's expression has exactly
the form it was written for (its regular expressions are taken from the expression itself), so a
trafilatura release that changes an expression falls back to its own XPath.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from lxml import etree
from lxml.html import HtmlElement

__all__ = ["fast_selections", "install", "MIRRORS", "XPATH_LISTS"]

_ACTIVE: ContextVar[bool] = ContextVar("fast_selections", default=False)


@contextmanager
def fast_selections() -> Iterator[None]:
    token = _ACTIVE.set(True)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def _first(el: HtmlElement, a: str, b: str) -> str | None:
    """The value of whichever of attributes ``a`` and ``b`` comes first on ``el`` (XPath's
    ``string(@a|@b)``: the first attribute node in document order)."""
    va, vb = el.get(a), el.get(b)
    if va is None or vb is None:
        return vb if va is None else va
    keys = el.keys()
    return va if keys.index(a) < keys.index(b) else vb


def _search(rx: re.Pattern) -> Callable[[str | None], bool]:
    """``re:test(@attr, ...)``: a missing attribute is tested as the empty string. Class names repeat
    all over a page and from one of trafilatura's passes to the next: each is searched once."""
    empty = rx.search("") is not None
    search = rx.search
    seen: dict[str, bool] = {}

    def test(value: str | None) -> bool:
        if value is None:
            return empty
        if len(value) > 200:  # an inline style or a data URI: unlikely to recur, and not kept
            return search(value) is not None
        hit = seen.get(value)
        if hit is None:
            if len(seen) >= 50000:
                seen.clear()
            hit = seen[value] = search(value) is not None
        return hit

    return test


# --- the mirrors, one per expression form ---------------------------------------------------------
# Each template is trafilatura's expression with white space collapsed; {} stands for a regular
# expression, captured from the real expression and handed to the builder.


def _basic_clean(consent: str, consent_i: str) -> Callable[[HtmlElement], list]:
    if consent != consent_i:
        raise ValueError("two different patterns")
    test = _search(re.compile(consent, re.I))
    tags = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})

    def select(tree: HtmlElement) -> list:
        out = []
        for el in tree.iterdescendants():
            tag = el.tag
            if tag in tags:
                out.append(el)
                continue
            if not isinstance(tag, str):
                continue  # comments and processing instructions are not elements (``*``)
            cls, id_ = el.get("class"), el.get("id")
            named = cls is not None or id_ is not None
            if (tag == "div" and named and "footer" in _first(el, "class", "id")) or test(cls) or test(id_):
                out.append(el)
        return out

    return select


def _raw_scroll(outer: str, outer2: str, named: str, named2: str) -> Callable[[HtmlElement], list]:
    if outer != outer2 or named != named2:
        raise ValueError("two different patterns")
    test_outer, test_named = _search(re.compile(outer)), _search(re.compile(named))

    def select(tree: HtmlElement) -> list:
        out = []
        for el in tree.iterdescendants("div", "section", "aside"):
            id_, cls = el.get("id"), el.get("class")
            if not (test_outer(id_) or test_outer(cls)):
                continue
            if el.find(".//h1") is None or test_named(id_) or test_named(cls):
                out.append(el)
        return out

    return select


def _raw_share(token: str) -> Callable[[HtmlElement], list]:
    def select(tree: HtmlElement) -> list:
        blocks = tree.iterdescendants("div", "section", "aside")
        return [el for el in blocks if token in (el.get("class") or "")]

    return select


def _comments_and_lists(ids: str, classes: str, list_ids: str, classes2: str) -> Callable[..., list]:
    if classes != classes2:
        raise ValueError("two different patterns")
    test_id, test_class, test_list_id = (_search(re.compile(p)) for p in (ids, classes, list_ids))

    def select(tree: HtmlElement) -> list:
        out = []
        for el in tree.iterdescendants("div", "list", "section", "details", "ol", "ul"):
            id_, cls = el.get("id"), el.get("class")
            if not (test_id(id_) or test_class(cls)):
                continue
            if el.tag not in ("ol", "ul") or test_list_id(id_) or test_class(cls):
                out.append(el)
        return out

    return select


_BLOCK_TAGS = ("div", "item", "list", "p", "section", "span")


def _overall_boxes(first_token: str, ids: str, classes: str) -> Callable[[HtmlElement], list]:
    test_first = _search(re.compile(first_token))
    test_id, test_class = _search(re.compile(ids)), _search(re.compile(classes))

    def select(tree: HtmlElement) -> list:
        out = []
        for el in tree.iterdescendants(*_BLOCK_TAGS):
            id_, cls = el.get("id"), el.get("class")
            if (
                test_id(id_)
                or test_class(cls)
                or el.get("data-lp-replacement-content") is not None
                or "nav" in (el.get("role") or "").replace("N", "n")
                or "MostPopularStories" in (el.get("data-component") or "")
                or ((id_ is not None or cls is not None) and test_first(_first(el, "id", "class")))
            ):
                out.append(el)
        return out

    return select


def _overall_hidden(
    title: str, reply: str, hidden: str, none1: str, none2: str, ids: str, classes: str, aria: str
) -> Callable[[HtmlElement], list]:
    test_hidden, test_id, test_class = (_search(re.compile(p)) for p in (hidden, ids, classes))
    if test_hidden("") or test_id("") or test_class("") or "" in (title, reply, none1, none2, aria):
        raise ValueError("a test that holds without its attribute")

    def select(tree: HtmlElement) -> list:
        out = []
        for el in tree.iterdescendants():
            if not el.attrib or not isinstance(el.tag, str):
                continue  # every test needs an attribute (none of the patterns matches an empty one)
            id_, cls, style = el.get("id"), el.get("class"), el.get("style")
            if (
                cls == title
                or test_id(id_)
                or test_class(cls)
                or el.get("aria-hidden") == aria
                or (style is not None and (none1 in style or none2 in style))
                or ((id_ is not None or cls is not None) and _first(el, "id", "class").startswith(reply))
                or ((id_ is not None or style is not None) and test_hidden(_first(el, "id", "style")))
            ):
                out.append(el)
        return out

    return select


def _contains_either(first_attr: str, second_attr: str, upper: str | None = None):
    def build(*args: str) -> Callable[[HtmlElement], list]:
        if upper is not None:
            a_from, a_to, token, b_from, b_to, token2 = args
            if (a_from, a_to, token) != (b_from, b_to, token2) or (a_from, a_to) != (upper, upper.lower()):
                raise ValueError("not the expected translation")
        else:
            token, token2 = args
            if token != token2:
                raise ValueError("two different tokens")

        def select(tree: HtmlElement) -> list:
            out = []
            for el in tree.iterdescendants(*_BLOCK_TAGS):
                a, b = el.get(first_attr) or "", el.get(second_attr) or ""
                if upper is not None:
                    a, b = a.replace(upper, upper.lower()), b.replace(upper, upper.lower())
                if token in a or token in b:
                    out.append(el)
            return out

        return select

    return build


_ANY = "{}"
_BLOCKS = "self::div or self::item or self::list or self::p or self::section or self::span"

# (template, builder): trafilatura's expressions as of trafilatura 2.3
MIRRORS: list[tuple[str, Callable[..., Callable[[HtmlElement], list]]]] = [
    (
        ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|.//style"
        "|.//svg|.//template|.//*[re:test(@class, '{}', 'i') or re:test(@id, '{}', 'i')]",
        _basic_clean,
    ),
    (
        ".//*[self::div or self::section or self::aside][ re:test(@id, '{}') or re:test(@class, '{}')]"
        "[ not(.//h1) or re:test(@id, '{}') or re:test(@class, '{}')]",
        _raw_scroll,
    ),
    (".//*[self::div or self::section or self::aside][contains(@class, '{}')]", _raw_share),
    (
        ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul]"
        "[ re:test(@id, '{}') or re:test(@class, '{}')][ not(self::ol or self::ul) or re:test(@id, '{}')"
        " or re:test(@class, '{}')]",
        _comments_and_lists,
    ),
    (
        f".//*[{_BLOCKS}][ @data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or"
        " contains(@data-component, 'MostPopularStories') or re:test(@id|@class, '{}') or"
        " re:test(@id, '{}') or re:test(@class, '{}')]",
        _overall_boxes,
    ),
    (
        ".//*[@class='{}' or starts-with(@id|@class, '{}') or re:test(@id|@style, '{}') or"
        " contains(@style, '{}') or contains(@style, '{}') or re:test(@id, '{}') or re:test(@class, '{}')"
        " or @aria-hidden='{}']",
        _overall_hidden,
    ),
    (
        f".//*[{_BLOCKS}][ contains(translate(@id, '{{}}', '{{}}'), '{{}}') or"
        " contains(translate(@class, '{}', '{}'), '{}')]",
        _contains_either("id", "class", upper="T"),
    ),
    (f".//*[{_BLOCKS}][ contains(@id, '{{}}') or contains(@class, '{{}}')]", _contains_either("id", "class")),
]


def _template_rx(template: str) -> re.Pattern:
    return re.compile("([^']*)".join(re.escape(part) for part in template.split(_ANY)))


_TEMPLATES = [(_template_rx(t), build) for t, build in MIRRORS]


def mirror_for(xpath) -> Callable[[HtmlElement], list] | None:
    """The Python walk for trafilatura's expression ``xpath``, or None when its form is not one we mirror."""
    path = " ".join(getattr(xpath, "path", "").split())
    for rx, build in _TEMPLATES:
        match = rx.fullmatch(path)
        if match:
            try:
                return build(*match.groups())
            except (ValueError, re.error):
                return None
    return None


class _Mirrored:
    """Stands in for one of trafilatura's XPath objects: the mirror inside ``fast_selections()``,
    the XPath itself anywhere else."""

    def __init__(self, xpath, mirror: Callable[[HtmlElement], list]) -> None:
        self.xpath = xpath
        self.mirror = mirror
        self.path = xpath.path

    def __call__(self, tree, **kwargs):
        if kwargs or not _ACTIVE.get() or not isinstance(tree, etree._Element):
            return self.xpath(tree, **kwargs)
        return self.mirror(tree)


def _wrap(xpath):
    if isinstance(xpath, _Mirrored):
        return xpath
    mirror = mirror_for(xpath)
    return xpath if mirror is None else _Mirrored(xpath, mirror)


# trafilatura.xpaths' lists of expressions that are mirrored (``baseline.BASIC_CLEAN_XPATH`` besides)
XPATH_LISTS = (
    "RAW_TREE_PRUNE_XPATH",
    "REMOVE_COMMENTS_AND_LISTS_XPATH",
    "OVERALL_DISCARD_XPATH",
    "TEASER_DISCARD_XPATH",
    "DISCARD_IMAGE_ELEMENTS",
)


def install() -> int:
    """Put the mirrors in place of trafilatura's expressions; how many were installed."""
    try:
        # (``trafilatura.baseline`` the attribute is a function of that name: the modules themselves)
        baseline = importlib.import_module("trafilatura.baseline")
        xpaths = importlib.import_module("trafilatura.xpaths")
    except ImportError:  # pragma: no cover
        return 0
    installed = 0
    for name in XPATH_LISTS:
        # the lists are shared by every trafilatura module that imported them: replaced in place
        expressions = getattr(xpaths, name, None)
        if isinstance(expressions, list):
            for i, xpath in enumerate(expressions):
                expressions[i] = _wrap(xpath)
                installed += isinstance(expressions[i], _Mirrored)
    basic = getattr(baseline, "BASIC_CLEAN_XPATH", None)
    if basic is not None:
        baseline.BASIC_CLEAN_XPATH = _wrap(basic)
        installed += isinstance(baseline.BASIC_CLEAN_XPATH, _Mirrored)
    return installed
