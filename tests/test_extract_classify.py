"""Article recognition: stories (long or brief) are kept; galleries, fronts, shops, forums, docs are not."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from pipelines.classify import classify_page, looks_like_listing, text_features
from pipelines.extract import extract_article

PAGES = Path(__file__).parent / "fixtures" / "pages"


def extract(name: str, url: str):
    return extract_article((PAGES / name).read_bytes(), url)


@pytest.mark.parametrize(
    ("name", "url"),
    [
        (
            "kind_news_article.html",
            "https://northport.example/news/2025/03/14/ferry-timetable-cut-by-a-third",
        ),
        # a 120-word brief with no JSON-LD and no byline markup is still a story
        ("kind_news_brief.html", "https://northport.example/news/harbour-road-closed-overnight"),
        ("kind_news_brief.html", "https://northport.example/local/8812345"),
    ],
)
def test_news_pages_are_articles(name, url):
    result = extract(name, url)
    assert result.is_article, (result.reason, result.features)
    assert result.record["word_count"] >= 100


@pytest.mark.parametrize(
    ("name", "url", "kinds"),
    [
        # og:type article and a date, but twenty words of captions
        ("kind_gallery.html", "https://northport.example/pictures/in-pictures-the-spring-regatta", None),
        # the URL says nothing: the teaser cards do
        ("kind_section_front.html", "https://northport.example/latest", {"listing", "other"}),
        (
            "kind_product.html",
            "https://paddlesupply.example/products/tidewater-2-person-sea-kayak",
            {"product"},
        ),
        ("kind_product.html", "https://paddlesupply.example/tidewater-2-person-sea-kayak", {"product"}),
        (
            "kind_forum_thread.html",
            "https://sailing.example/clubs/buying-a-second-hand-rescue-boat-4411",
            None,
        ),
        ("kind_docs.html", "https://tidekit.example/en/latest/retries.html", None),
        # marked up as a post (og:type article, a publish date): the calls to action give it away
        ("kind_service_as_post.html", "https://harbourside.example/boat-engine-servicing/", None),
    ],
)
def test_other_pages_are_not_articles(name, url, kinds):
    result = extract(name, url)
    assert not result.is_article, result.features
    assert result.reason.startswith(("not-article:", "empty-text"))
    if kinds:
        assert result.page_type in kinds, result.reason


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/tag/ferries/",
        "/category/transport/",
        "/author/helen-marsh/",
        "/news/page/2/",
        "/news/?page=2",
        "/search?q=ferry",
        "/news/",
    ],
)
def test_listing_urls_are_never_articles(path):
    # the full story served at a front/tag/author/search address is a listing page, not a new story
    assert looks_like_listing("https://northport.example" + path)
    result = extract("kind_news_article.html", "https://northport.example" + path)
    assert not result.is_article
    assert result.reason == "not-article:listing-url"


@pytest.mark.parametrize(
    "path",
    [
        "/news/2025/03/14/ferry-timetable-cut",
        "/ferry-timetable-cut-by-a-third",
        "/local/8812345",
        "/p/abc",
        "/?p=123",  # a WordPress permalink, not the front page
        "/archive/2025/12/16/ferry-timetable-cut",  # a story under an archive path
        "/sections/health/2022/11/09/1135211525/ferry-timetable-cut",
        "/page/how-to-read-a-tide-table",
    ],
)
def test_story_urls_are_not_listings(path):
    assert not looks_like_listing("https://northport.example" + path)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://northport.example/services/boat-engine-servicing", "service"),
        ("https://northport.example/forum/thread/which-tender-for-a-small-yacht", "forum"),
        # a forum host's thread under /topic/ is a thread, not a topic listing
        ("https://forum.northport.example/topic/4412-which-tender-for-a-small-yacht/", "forum"),
        ("https://social.example/r/sailing/comments/1ab2c3/which_tender_for_a_small_yacht/", "forum"),
        ("https://community.northport.example/blog/harbour-open-day-recap", ""),
        ("https://docs.tidekit.example/en/latest/retries.html", "documentation"),
        # a story section or a dated path below a service/archive/docs name is the page's own
        ("https://northport.example/about/blog/how-we-restored-the-old-ferry", ""),
        ("https://northport.example/archive/2014/04/ferry-timetable-cut/361373/", ""),
        ("https://developers.northport.example/story/25/03/14/1234/ferry-app-rewritten", ""),
        # a manual published once per release: on a docs host, or under a language/version path
        ("https://tidekit.readthedocs.io/user/retries/", "documentation"),
        ("https://tidekit.example/en/stable/retries.html", "documentation"),
        ("https://tidekit.example/book/en/v2/Retries-in-a-Nutshell", "documentation"),
        # a language and an article number are not a version
        ("https://papers.northport.example/paper/en/3261/tides-and-harbour-silting", ""),
    ],
)
def test_url_kind_gives_way_to_a_deeper_story_section(url, kind):
    from pipelines.classify import _url_features

    assert _url_features(url)["url_non_article"] == kind


def test_a_story_on_a_developer_subdomain_is_an_article():
    url = "https://developers.northport.example/story/25/03/14/1234/ferry-timetable-cut-by-a-third"
    result = extract("kind_news_article.html", url)
    assert result.is_article, (result.reason, result.features)


def test_the_sales_pitch_is_what_gives_a_service_page_marked_up_as_a_post_away():
    result = extract("kind_service_as_post.html", "https://harbourside.example/boat-engine-servicing/")
    assert result.features["og_article"] and result.features["has_date"]
    assert not result.is_article
    # the same page without its calls to action would have been archived as a story
    assert classify_page({**result.features, "pitch": 0}) == ("article", "scored")


def test_a_story_that_asks_readers_to_get_in_touch_stays_a_story():
    # "Contact us" or "sign up" once or twice (a tip line, a newsletter) is not a sales pitch
    result = extract("kind_news_brief.html", "https://northport.example/news/harbour-road-closed-overnight")
    assert classify_page({**result.features, "pitch": 2}) == ("article", "scored")


def test_sales_pitch_counts_calls_to_action_not_reported_speech():
    pitch = text_features(
        "Our team will get back to you. Contact us today for a free quote, or book a visit.", 100
    )["pitch"]
    story = text_features(
        "The council said residents could contact the harbour office. Ferry staff were told on Monday.", 100
    )["pitch"]
    assert pitch >= 3
    assert story <= 1


def test_too_short_text_is_not_an_article_whatever_the_page_declares():
    strong = {"og_article": 1.0, "ld_article": 1.0, "has_date": 1.0, "has_author": 1.0, "url_dated": 1.0}
    assert classify_page({**strong, **text_features("A caption. " * 10, 400)})[1] == "too-short"
    long_text = "\n\n".join(["One sentence of a real story that goes on for a while, as news does."] * 12)
    assert classify_page({**strong, **text_features(long_text, 2000)}) == ("article", "scored")


def test_demo_site_stories_are_articles_and_its_other_pages_are_not():
    from newsbot.demo.site import DemoWorld, serve_world

    with serve_world(DemoWorld()) as world:
        for expected in world.expected_articles():
            result = extract_article(urllib.request.urlopen(expected.url, timeout=10).read(), expected.url)
            assert result.is_article, (expected.url, result.reason)
        others = world.non_article_urls() + [p.url("/") for p in world.publishers]
        assert any("galler" in url for url in others)
        for url in others:
            result = extract_article(urllib.request.urlopen(url, timeout=10).read(), url)
            assert not result.is_article, (url, result.features)


def _features(html: str, url: str = "https://northport.example/some-page") -> dict:
    import lxml.html

    from pipelines.classify import page_features
    from pipelines.metadata import extract_metadata

    tree = lxml.html.document_fromstring(html)
    return page_features(tree, url, extract_metadata(tree, url))


def test_a_shop_template_named_in_the_body_class_marks_a_product_page():
    shop = '<html><body class="single single-product woocommerce-page"><p>Rope.</p></body></html>'
    post = (
        '<html><body class="single single-post postid-12 single-format-standard"><p>Story.</p></body></html>'
    )
    assert _features(shop)["shop_template"] == 1.0
    assert _features(post)["shop_template"] == 0.0


def test_a_shop_product_whose_buy_box_is_drawn_by_script_is_a_product():
    # no price or cart in the HTML (a script fills the buy box) and og:type article: the body class tells
    result = extract(
        "kind_product_template.html", "https://quayside.example/harbourline-braided-mooring-rope/"
    )
    assert not result.is_article, result.features
    assert result.page_type == "product"
    assert classify_page({**result.features, "shop_template": 0.0}) == ("article", "scored")


def test_photo_captions_count_lines_of_caption_not_empty_slots_or_credits():
    figure = '<figure><img src="/p{0}.jpg"><figcaption>{1}</figcaption></figure>'
    captions = [
        "Passengers queue at the harbour gate before the first ferry on Monday.",
        "The old pier, closed since the storm, seen from the lifeboat station.",
        "",  # a template's empty slot
        "Photo: J. Doe",  # a credit, not a caption
    ]
    body = "".join(figure.format(i, text) for i, text in enumerate(captions))
    assert _features(f"<html><body><p>Story.</p>{body}</body></html>")["captions"] == 2
    assert _features("<html><body><p>Story.</p><img src='/a.jpg'></body></html>")["captions"] == 0


def test_captioned_photos_keep_an_undated_photo_story_on_a_plain_page():
    # no og:type, schema, date, byline or story section in the URL, a few headings and a call to book
    # a walk: what tells it from a visitor page is the reporting, shown in photos with captions
    result = extract("kind_photo_story.html", "https://northport-harbour.example/winter-on-the-quay")
    assert result.features["captions"] == 3
    assert not (result.features["og_article"] or result.features["has_date"] or result.features["has_author"])
    assert result.is_article, (result.reason, result.features)
    assert classify_page({**result.features, "captions": 0})[0] != "article"
