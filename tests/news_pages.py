"""Pages of real news of our own (invented outlets and text) and what a reader expects of each: it is taken
for an article, keeps every paragraph of its story, loses the furniture around it, and gives the title, date
and author it prints plainly. Shared by the test modules that hold such pages (test_news_variety,
test_old_web); each module lists its pages and asks these questions of them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

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


def assert_is_article(result) -> None:
    assert result.is_article, (result.reason, result.page_type, result.features)


def assert_story_kept(page: Page, result) -> None:
    text = words(result.record["text"])
    missing = [p for p in story_paragraphs(page) if p not in text]
    assert not missing, (missing, result.record["extraction"])


def assert_furniture_gone(page: Page, result) -> None:
    kept = [line for line in page.furniture if _holds(result.record["text"], line)]
    assert not kept, (kept, result.record["extraction"])


def assert_furniture_printed(page: Page) -> None:
    """Each furniture line the page is said to lose is on the page: a line it never printed would pass."""
    text = words(" ".join(page_tree(page).itertext()))
    absent = [line for line in page.furniture if not _holds(text, line)]
    assert not absent, absent


def assert_printed_metadata(page: Page, result) -> None:
    record = result.record
    assert record["title"] == page.title
    assert (record["published"] or "")[:10] == page.date
    if page.authors is not None:
        assert record["authors"] == page.authors
