"""The reading room in a real headless browser (Debian's chromium driven by Playwright) against the
real server on a fixture archive.

Screenshots go to the test's tmp_path; set NEWSBOT_SCREENSHOTS=docs/screenshots to refresh the
ones the README shows.
"""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from datasette.utils import tilde_encode

from tests.archive_fixtures import HOSTILE_TITLE, HOSTILE_URL, build_archive, running_server

CHROMIUM = os.environ.get("NEWSBOT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BRIDGE = "https://harbour-gazette.example/2024/05/01/harbour-bridge"
ATOM = "{http://www.w3.org/2005/Atom}"
PHONE = {"width": 390, "height": 844}

try:
    from playwright.sync_api import Dialog, Page, sync_playwright
except ImportError:  # pragma: no cover - only without the test dependencies
    sync_playwright = None  # type: ignore[assignment]

if (sync_playwright is None or not Path(CHROMIUM).exists()) and not os.environ.get("CI"):
    pytestmark = pytest.mark.skip(
        reason="needs Debian's chromium (apt-get install chromium) and playwright (pip); never skipped on CI"
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = build_archive(tmp_path_factory.mktemp("browser") / "news.db")
    with running_server(path) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class Visit:
    """A page that records dialogs (a script that ran) and every request that left 127.0.0.1."""

    def __init__(self, browser: Any, shots: Path, viewport: dict[str, int] | None = None) -> None:
        self.context = browser.new_context(viewport=viewport or {"width": 1200, "height": 900})
        self.page: Page = self.context.new_page()
        self.dialogs: list[str] = []
        self.external: list[str] = []
        self.shots = shots
        self.page.on("dialog", self._dialog)
        self.context.route("**/*", self._route)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def shot(self, name: str) -> Path:
        target = self.shots / f"{name}.png"
        self.page.screenshot(path=str(target), full_page=True)
        publish = os.environ.get("NEWSBOT_SCREENSHOTS")
        if publish:
            Path(publish).mkdir(parents=True, exist_ok=True)
            shutil.copy(target, Path(publish) / target.name)
        return target

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any, tmp_path: Path) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_(viewport: dict[str, int] | None = None) -> Visit:
        v = Visit(browser, tmp_path, viewport)
        opened.append(v)
        return v

    yield open_
    for v in opened:
        v.close()


def test_front_page(server: str, visit: Any) -> None:
    v = visit()
    v.page.goto(server + "/")
    assert v.page.inner_text("#story-count") == "6"
    assert v.page.locator(".newsbot-sources tbody tr").count() == 3
    assert "ok" in v.page.inner_text(".last-crawl")
    assert v.page.locator("svg.newsbot-chart rect.mark").count() >= 5
    assert v.page.locator(".newsbot-queries li").count() >= 8
    assert v.shot("front").stat().st_size > 10_000
    assert v.external == [], "the front page must not fetch anything from elsewhere"


def test_search_with_snippets(server: str, visit: Any) -> None:
    v = visit()
    v.page.goto(server + "/")
    v.page.fill("#front-q", "harbour bridge")
    v.page.press("#front-q", "Enter")
    v.page.wait_for_selector("ol.newsbot-results li.story")
    assert "/news/search" in v.page.url
    first = v.page.locator("li.story").first
    assert first.locator("a.headline").inner_text() == "Harbour bridge reopens after long repairs"
    highlighted = [m.lower() for m in v.page.locator("li.story .snippet mark").all_inner_texts()]
    assert "bridge" in highlighted and "harbour" in highlighted
    v.shot("search")
    # Filter with the form: another source has no such story.
    v.page.select_option("select[name=source]", "valley-times")
    v.page.click("input[type=submit]")
    v.page.wait_for_load_state()
    assert v.page.locator("li.story").count() == 0 and "source=valley-times" in v.page.url
    v.page.go_back()
    assert v.external == []
    first.locator("a.headline").click()
    v.page.wait_for_selector("article.story-page")
    assert v.page.inner_text("h1.headline") == "Harbour bridge reopens after long repairs"


def test_reader_view_on_desktop_and_phone(server: str, visit: Any) -> None:
    for name, viewport in (("reader", None), ("reader-phone", PHONE)):
        v = visit(viewport)
        v.page.goto(server + "/news/articles/" + tilde_encode(BRIDGE))
        paragraphs = v.page.locator(".story-text p").all_inner_texts()
        assert len(paragraphs) == 3 and paragraphs[0].startswith("The harbour bridge reopened")
        assert v.page.locator("a.original-link").get_attribute("href") == BRIDGE
        assert v.page.locator(".byline a.author").all_inner_texts() == ["Ada Reporter", "Ben Writer"]
        assert v.page.locator("details.version").count() == 1
        assert v.page.locator(".diff-added").count() == 1
        # Readable at phone width: no sideways scrolling, text column fits the screen.
        width = v.page.evaluate("() => document.documentElement.scrollWidth")
        inner = v.page.evaluate("() => window.innerWidth")
        assert width <= inner + 1, (name, width, inner)
        box = v.page.locator(".story-text").bounding_box()
        assert box and box["width"] <= inner
        v.shot(name)
        # The only request that left the machine is the story's own lead image (and it was blocked).
        assert v.external == ["https://harbour-gazette.example/img/bridge.jpg"]


def test_charts_render_offline(server: str, visit: Any) -> None:
    v = visit()
    v.page.goto(server + "/-/charts")
    charts = v.page.locator("svg.newsbot-chart")
    assert charts.count() == 3
    for i in range(3):
        chart = charts.nth(i)
        box = chart.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 80
        marks = chart.locator("rect.mark")
        assert marks.count() >= 3
        mark_box = marks.first.bounding_box()
        assert mark_box and mark_box["width"] > 1 and mark_box["height"] > 1
    v.shot("charts")
    assert v.external == []


def test_atom_feed_parses(server: str, visit: Any) -> None:
    v = visit()
    response = v.context.request.get(server + "/news/latest.atom")
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.body())
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 6
    assert entries[0].findtext(f"{ATOM}title") == HOSTILE_TITLE
    # The feed is advertised on the latest-stories page, for feed readers and browsers.
    v.page.goto(server + "/news/latest")
    link = v.page.locator('link[rel=alternate][type="application/atom+xml"]').get_attribute("href")
    assert link == "/news/latest.atom"
    search = v.context.request.get(server + "/news/search.atom?q=tram")
    assert [e.findtext(f"{ATOM}title") for e in ET.fromstring(search.body()).findall(f"{ATOM}entry")] == [
        "New tram line approved by city council"
    ]


def test_hostile_story_never_runs(server: str, visit: Any) -> None:
    v = visit()
    pages = [
        "/news/articles/" + tilde_encode(HOSTILE_URL),
        "/news/search?q=zebra",
        "/news/latest",
        "/news/articles?_search=zebra",
        "/news/articles?_facet_array=tags",
        "/news/rule_audit",
        "/-/charts",
    ]
    for path in pages:
        v.page.goto(server + path)
        v.page.wait_for_load_state("load")
        injected = v.page.evaluate(
            """() => ({
                onerror: document.querySelectorAll('[onerror]').length,
                imgx: document.querySelectorAll('img[src="x"]').length,
                jslinks: [...document.querySelectorAll('a[href]')]
                    .filter(a => a.protocol === 'javascript:').length,
                scripts: [...document.scripts].filter(s => s.textContent.includes('alert(1)')).length,
                bold: [...document.querySelectorAll('b')].filter(b => b.textContent === 'rule').length,
            })"""
        )
        assert injected == {"onerror": 0, "imgx": 0, "jslinks": 0, "scripts": 0, "bold": 0}, (path, injected)
        assert v.dialogs == [], (path, v.dialogs)
    v.page.goto(server + pages[0])
    assert v.page.inner_text("h1.headline") == HOSTILE_TITLE
    assert "<img src=x onerror=alert(1)>" in v.page.inner_text(".story-text")
    assert v.page.locator("figure.lead-image").count() == 0
    v.shot("hostile")
    assert v.dialogs == []
    assert v.external == []
