"""trafilatura's boilerplate selections as Python walks (``pipelines.selections``): the same elements as
trafilatura's own XPath, on our pages and on the cases where XPath's rules are easy to get wrong."""

from __future__ import annotations

import contextlib
import importlib
from copy import copy
from pathlib import Path

import pytest
from lxml import html as lxml_html
from trafilatura.utils import load_html

import pipelines.extract
from pipelines.decode import decode_html
from pipelines.extract import extract_article
from pipelines.selections import XPATH_LISTS, fast_selections, mirror_for

PAGES = Path(__file__).parent / "fixtures" / "pages"
_xpaths = importlib.import_module("trafilatura.xpaths")
_baseline = importlib.import_module("trafilatura.baseline")


def _expressions():
    for name in XPATH_LISTS:
        for i, xpath in enumerate(getattr(_xpaths, name)):
            yield f"{name}[{i}]", getattr(xpath, "xpath", xpath)
    basic = _baseline.BASIC_CLEAN_XPATH
    yield "BASIC_CLEAN_XPATH", getattr(basic, "xpath", basic)


EXPRESSIONS = dict(_expressions())

# what XPath's string(@a|@b) (the attribute written first), case-sensitive tests, missing attributes
# and nested matches make of a page
TRICKY = """<html><head><title>t</title></head><body>
<div id="footer" class="x">id first</div><div class="x" id="footer">class first</div>
<div class="cookie-x" id="main">cookie class second</div><div id="main" class="cookie-x">id first</div>
<section class="COOKIE-BANNER">upper case</section><p id="Cookie-Notice">id</p>
<div class="comments-area"><ol class="comment-list"><li>a</li></ol><ul id="comments"><li>b</li></ul>
<ul class="list"><li>c</li></ul><ol id="disqus_thread"><li>d</li></ol></div>
<div id="Comment">capital</div><div id="commentary">not comments</div>
<details class="post-comments">x</details>
<div class="infinite-scroll"><h1>Story</h1></div><div class="infinite-scroll">more</div>
<section id="mvp-post-add-box"><h1>Next</h1></section><aside class="elementor-share-buttons">s</aside>
<span role="Navigation">n</span><p data-component="MostPopularStories">m</p>
<div data-lp-replacement-content="">r</div>
<div style="color: red" id="hidden-box">style first</div><div id="box" style="display: none">none</div>
<p class="reply-link" id="r1">class first</p><p id="reply-1" class="x">id first</p><b aria-hidden="true">h</b>
<div class="comments-title">c</div><div id="Teaser-1">t</div><span class="photo-caption">cap</span>
<div class="widget sidebar"><div class="social share-bar"><p class="byline">nested</p></div></div>
<footer>f</footer><svg></svg><template>x</template><div class="">empty class</div><p>plain</p>
<list class="comment-list"><item>l</item></list><item class="teaser-box">i</item><list id="Related-list">
<item class="social-share">s</item></list><item id="caption-1" class="x">c</item>
</body></html>"""


def _source(path: Path) -> str:
    # the page as extraction reads it: most fixtures are UTF-8, one is declared ISO-8859-1
    return decode_html(path.read_bytes())


def _trees():
    for path in sorted(PAGES.glob("*.html")):
        # (bytes: lxml refuses a str that declares its encoding, as an XHTML page's <?xml ... ?> does)
        yield path.name, lxml_html.fromstring(path.read_bytes())
    yield "tricky", lxml_html.fromstring(TRICKY)


TREES = dict(_trees())


def test_every_expression_has_its_walk():
    # an upgrade of trafilatura that changes one of these leaves it to XPath: correct, but slower again
    missing = [name for name, xpath in EXPRESSIONS.items() if mirror_for(xpath) is None]
    assert not missing


@pytest.mark.parametrize("name", sorted(EXPRESSIONS))
def test_walk_selects_what_xpath_selects(name):
    xpath = EXPRESSIONS[name]
    walk = mirror_for(xpath)
    checked = 0
    for page, tree in TREES.items():
        for root in (tree, tree.find("body")):
            expected = xpath(root)
            assert walk(root) == expected, (page, [e.get("class") or e.get("id") or e.tag for e in expected])
            checked += len(expected)
    assert checked  # the pages exercise the expression


def test_walk_reads_the_attribute_written_first():
    tree = TREES["tricky"]
    basic = mirror_for(EXPRESSIONS["BASIC_CLEAN_XPATH"])
    texts = [el.text for el in basic(tree)]
    assert "id first" in texts and "class first" not in texts  # <div id="footer" class="x"> only
    assert "upper case" in texts  # the cookie test ignores case


def test_outside_our_runs_trafilatura_keeps_its_xpath(monkeypatch):
    # the stand-in decides by context: its walk inside fast_selections(), the XPath object outside
    wrapped = _baseline.BASIC_CLEAN_XPATH
    tree = copy(TREES["tricky"])
    calls = []
    monkeypatch.setattr(wrapped, "mirror", lambda t: calls.append("walk") or [])
    assert wrapped(tree) == EXPRESSIONS["BASIC_CLEAN_XPATH"](tree) != []
    assert calls == []
    with fast_selections():
        assert wrapped(tree) == []
    assert calls == ["walk"]


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_extraction_is_the_same_with_trafilatura_own_xpath(name, monkeypatch):
    source = _source(PAGES / name)
    url = f"https://example.org/news/2024/01/02/{name.removesuffix('.html')}"
    fast = extract_article(source, url, force=True)
    monkeypatch.setattr(pipelines.extract, "fast_selections", contextlib.nullcontext)
    slow = extract_article(source, url, force=True)
    assert (fast.record or {}).get("text") == (slow.record or {}).get("text")
    assert fast.features == slow.features


@pytest.mark.parametrize(
    "source",
    [
        *(_source(p) for p in sorted(PAGES.glob("*.html"))),
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>declared</p></body></html>',
        "<html><body><p>unclosed <b>bold<p>next",
        "<p>a fragment</p>",
        "<div><p>two</p><p>blocks</p></div>",
    ],
    ids=lambda s: s[:30],
)
def test_our_parser_builds_the_tree_trafilatura_would(source):
    # extraction parses with its own copy of trafilatura's load_html (a cheaper element class lookup);
    # an upgrade of trafilatura that changed how pages are parsed would show here
    ours = pipelines.extract._parse(source)
    theirs = load_html(source)
    if theirs is None:  # what trafilatura rejects as not a page (a lone fragment), ours rejects too
        assert ours is None
        return
    assert lxml_html.tostring(ours) == lxml_html.tostring(theirs)
    assert [type(el) for el in ours.iter()] == [type(el) for el in theirs.iter()]


def test_trafilatura_asks_our_gate_before_comparing():
    # the comparison with readability/justext runs only where the gate says so (the 2.3 layout)
    import trafilatura.core

    assert trafilatura.core._extract_and_compare is pipelines.extract._gated_extract_and_compare
