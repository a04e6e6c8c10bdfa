"""Pages of real news of our own (invented outlets and text) and what a reader expects of each: it is taken
for an article, keeps every paragraph of its story, loses the furniture around it, and gives the title, date
and author it prints plainly. Shared by the test modules that hold such pages (test_news_variety,
test_old_web, test_modern_news): each lists its pages and asks these questions of them
(``ArticlePageChecks``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import pytest
import trafilatura

from pipelines.extract import extract_article

PAGES = Path(__file__).parent / "fixtures" / "pages"


@dataclass
class Page:
    name: str
    url: str
    # the story's paragraphs, picked out of the page itself (what a reader reads as the story): elements,
    # or text nodes where the page separates its paragraphs with <br><br> instead of <p>
    story: str
    title: str
    date: str
    authors: list[str] | None  # None: not asserted (see the page's note)
    furniture: list[str] = field(default_factory=list)
    # the fewest paragraphs ``story`` must find, so that a wrong XPath cannot pass as an empty one
    min_story: int = 3
    # the story is the one the page declares as JSON-LD ``articleBody`` (its HTML holds only the headline
    # and a teaser until a script renders the rest): ``story`` picks that script
    declared: bool = False


def words(text: str) -> str:
    return " ".join(text.split())


def page_tree(page: Page) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page_source(page))


def page_source(page: Page) -> bytes:
    return (PAGES / page.name).read_bytes()


def story_paragraphs(page: Page) -> list[str]:
    found = page_tree(page).xpath(page.story)
    if page.declared:
        bodies = [json.loads(script.text)["articleBody"] for script in found]
        paragraphs = [words(p) for body in bodies for p in body.split("\n\n")]
    else:
        paragraphs = [words(p if isinstance(p, str) else p.text_content()) for p in found]
    assert len(paragraphs) >= page.min_story, paragraphs
    return paragraphs


def _holds(text: str, line: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(line)}(?!\w)", text) is not None


def pages_fixture(pages: list[Page]):
    """The ``extracted`` fixture over a module's pages: (page, ``extract_article`` of it), once a page."""

    @pytest.fixture(
        scope="module", params=pages, ids=lambda page: page.name.removesuffix(".html"), name="extracted"
    )
    def extracted(request):
        page = request.param
        return page, extract_article(page_source(page), page.url)

    return extracted


class ArticlePageChecks:
    """What a reader expects of each page: a module lists its pages (``pages_fixture``), subclasses this."""

    def test_the_page_is_an_article(self, extracted):
        result = extracted[1]
        assert result.is_article, (result.reason, result.page_type, result.features)

    def test_every_paragraph_of_the_story_is_kept(self, extracted):
        page, result = extracted
        text = words(result.record["text"])
        missing = [p for p in story_paragraphs(page) if p not in text]
        assert not missing, (missing, result.record["extraction"])

    def test_each_story_paragraph_comes_out_once_and_on_its_own(self, extracted):
        # a layout table read as a table gives one "| menu | story | copyright |" line holding every
        # paragraph; a story appended twice (a <noscript> copy, a recovered block) gives two
        page, result = extracted
        # a list item comes out of trafilatura with its bullet
        lines = [words(line).removeprefix("- ") for line in result.record["text"].split("\n")]
        wrong = [p for p in story_paragraphs(page) if lines.count(p) != 1]
        assert not wrong, (wrong, result.record["extraction"])

    def test_newsbot_keeps_the_story_paragraphs_bare_trafilatura_keeps(self, extracted):
        # a rule of ours must not cost story text that trafilatura found
        page, result = extracted
        bare = words(trafilatura.extract(page_source(page), url=page.url) or "")
        by_bare = [p for p in story_paragraphs(page) if p in bare]
        assert by_bare  # (a check over nothing would pass whatever newsbot does)
        ours = words(result.record["text"])
        lost = [p for p in by_bare if p not in ours]
        assert not lost, (lost, result.record["extraction"])

    def test_the_furniture_around_the_story_goes(self, extracted):
        page, result = extracted
        kept = [line for line in page.furniture if _holds(result.record["text"], line)]
        assert not kept, (kept, result.record["extraction"])

    def test_the_furniture_asserted_gone_is_on_the_page(self, extracted):
        # a line the page never printed (an input's placeholder, a typo) would pass the test above
        page = extracted[0]
        text = words(" ".join(page_tree(page).itertext()))
        absent = [line for line in page.furniture if not _holds(text, line)]
        assert not absent, absent

    def test_title_date_and_author_are_the_ones_printed(self, extracted):
        page, result = extracted
        record = result.record
        assert record["title"] == page.title
        assert (record["published"] or "")[:10] == page.date
        if page.authors is not None:
            assert record["authors"] == page.authors
