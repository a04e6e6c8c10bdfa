"""Metadata of our own hand-written pages: the title, authors and date a reader sees on each."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.utils import load_html

from pipelines.extract import extract_article
from pipelines.metadata import extract_metadata, fallback_date, normalise_authors, url_date

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _meta(name: str, url: str):
    tree = load_html((PAGES / name).read_text(encoding="utf-8"))
    meta = extract_metadata(tree, url)
    return meta, meta.published or fallback_date(tree, url)


def test_jsonld_graph_authors_by_reference_and_title_without_site_suffix():
    meta, published = _meta("meta_jsonld_graph.html", "https://courier.example/news/harbour-ferry/")
    # Yoast-style @graph: the article names its authors only by @id
    assert meta.authors == ["Ann Lowther", "Raj Patel"]
    assert meta.title == "Harbour ferry returns after winter repairs"
    # datePublished wins over dateModified and over the "Updated" line printed on the page
    assert published[:10] == "2025-03-14"
    assert meta.modified[:10] == "2025-03-20"
    assert meta.site_name == "The Coastal Courier"
    assert meta.language == "en"


def test_byline_only_page():
    meta, published = _meta("meta_byline_only.html", "https://gazette.example/news/allotments")
    assert meta.authors == ["Maria Okafor", "Tom Brennan"]
    # no og:site_name: the " - Riverside Gazette" suffix of <title> goes, the <h1> agrees
    assert meta.title == "Allotment waiting list falls for the first time in a decade"
    assert published == "2024-06-05"


def test_utc_timestamp_keeps_the_publishers_calendar_day():
    url = "https://metroledger.example/2025/12/18/late-night-buses/"
    meta, published = _meta("meta_timezone_day.html", url)
    # 02:41 UTC on the 19th is the evening of the 18th where the story was published, as its URL says
    assert published[:10] == "2025-12-18"
    # article:author is a profile URL, not a name: the rel=author byline names the writer
    assert meta.authors == ["Dana Ruiz"]


def test_date_printed_under_the_headline_and_person_over_organisation():
    meta, published = _meta("meta_visible_date.html", "https://valleytimes.example/story/old-mill")
    assert published == "2018-11-21"
    # the first <h1> is the masthead; the second is the one og:title confirms
    assert meta.title == "Why the old mill is being turned into flats"
    # JSON-LD names the paper as author, the page names the reporter
    assert meta.authors == ["Li Wei"]


def test_extract_article_carries_the_metadata():
    html = (PAGES / "meta_byline_only.html").read_text(encoding="utf-8")
    record = extract_article(html, "https://gazette.example/news/allotments", force=True).record
    assert record["authors"] == ["Maria Okafor", "Tom Brennan"]
    assert record["published"] == "2024-06-05"
    assert record["title"] == "Allotment waiting list falls for the first time in a decade"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("<p>Written byJane Doe</p>", ["Jane Doe"]),
        ("<p>By Jane Doe | Senior Reporter</p>", ["Jane Doe"]),
        ("<p>By Jane Doe, MD</p>", ["Jane Doe, MD"]),
        ("<p>By: Jane Doe &amp; Ravi Shah on March 3, 2024</p>", ["Jane Doe", "Ravi Shah"]),
        ("<div><p>Written by</p><p>Jane Doe</p></div>", ["Jane Doe"]),
        ("<p>Sort by Industry</p>", []),
        # "par" and "door" are "by" in French and Dutch, but not inside English words
        ('<p><a href="/parenting">PARENTING PROGRAM</a> <a href="/s">Door &amp; Window Sensors</a></p>', []),
    ],
)
def test_byline_text_cleanup(byline, expected):
    page = (
        f"<html><body><h1>A headline of several words</h1>{byline}<p>{'Story text. ' * 40}</p></body></html>"
    )
    assert extract_metadata(load_html(page), "https://example.org/a").authors == expected


def test_author_names_drop_urls_handles_and_ids():
    assert normalise_authors(["By Jane Doe", "https://x.example/jane", "@jdoe", "262588213843476"]) == [
        "Jane Doe"
    ]


def test_url_dates():
    assert url_date("https://example.org/2023/october/03/wine-styles") == "2023-10-03"
    assert url_date("https://example.org/news/2024/02/30/bad-day") is None
    assert url_date("https://example.org/news/20240105/story") == "2024-01-05"


def test_title_drops_a_date_printed_inside_the_h1():
    page = (
        "<html><head><title>Preparing a transition in Debusine | Colin's blog</title></head><body>"
        "<h1><span>Dec 18 2025</span> Preparing a transition in Debusine</h1>"
        f"<p>{'Story text. ' * 40}</p></body></html>"
    )
    assert (
        extract_metadata(load_html(page), "https://example.org/a").title
        == "Preparing a transition in Debusine"
    )


def test_title_suffix_naming_the_domain_goes():
    page = (
        # two words before the separator: too short for the generic "short trailing part" rule
        "<html><head><title>Barrier reopens | Valleynews.co.uk</title></head><body>"
        f"<p>{'Story text. ' * 40}</p></body></html>"
    )
    meta = extract_metadata(load_html(page), "https://www.valleynews.co.uk/story/1")
    assert meta.title == "Barrier reopens"


def test_repeated_author_meta_tags_are_all_kept():
    page = (
        '<html><head><meta name="parsely-author" content="Jane Doe">'
        '<meta name="parsely-author" content="Ravi Shah"></head>'
        f"<body><h1>A headline of several words</h1><p>{'Story text. ' * 40}</p></body></html>"
    )
    assert extract_metadata(load_html(page), "https://example.org/a").authors == ["Jane Doe", "Ravi Shah"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "The council said on Monday that the work on the bridge will be finished by the end of the year. "
            * 4,
            "en",
        ),
        (
            "El ayuntamiento dijo el lunes que las obras del puente se terminarán para el final del año. "
            * 4,
            "es",
        ),
    ],
)
def test_language_of_a_page_that_declares_none(text, code):
    page = f"<html><head><title>T</title></head><body><h1>A headline here</h1><p>{text}</p></body></html>"
    assert extract_metadata(load_html(page), "https://example.org/a").language == code
