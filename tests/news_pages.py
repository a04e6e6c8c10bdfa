"""Pages of real news of our own (invented outlets and text) and what a reader expects of each: it is taken
for an article, keeps every paragraph of its story, loses the furniture around it, and gives the title, date
and author it prints plainly. Shared by the test modules that hold such pages (test_news_variety,
test_old_web): each lists its pages and asks these questions of them (``ArticlePageChecks``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import pytest

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


def words(text: str) -> str:
    return " ".join(text.split())


def page_tree(page: Page) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((PAGES / page.name).read_bytes())


def story_paragraphs(page: Page) -> list[str]:
    found = page_tree(page).xpath(page.story)
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
        return page, extract_article((PAGES / page.name).read_bytes(), page.url)

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
