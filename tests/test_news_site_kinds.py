"""A news site's own pages that are not stories are not archived as articles; its short stories are.

A crawler that follows a site's feeds, sitemaps and section links meets its tag and author pages, search
results, video and photo hubs, "About us", the subscription offers, the newsletter sign-up and the rest.
Three invented outlets, built the way common news CMSs build them (a WordPress news theme with an SEO
plugin's schema graph, an Arc-like and a Brightspot-like site), serve them here beside six short stories.
"""

from __future__ import annotations

import pytest

from pipelines.classify import classify_page
from pipelines.extract import extract_article
from tests.test_extract_classify import PAGES, _features, extract

HERALD = "https://tollgateherald.example"  # WordPress news theme, Yoast-style schema graph
COURIER = "https://fenwickcourier.example"  # Arc-like
GAZETTE = "https://saltmarshgazette.example"  # Brightspot-like

_NOT_YET = "a data, form or notice page that declares no kind of page beyond WebPage: scored as a story"


def _not_yet(name: str, url: str):
    # strict: once the page is recognised, the mark has to go
    return pytest.param(name, url, None, marks=pytest.mark.xfail(strict=True, reason=_NOT_YET))


@pytest.mark.parametrize(
    ("name", "url", "reason"),
    [
        # CollectionPage in the schema graph beside og:type article and dated teasers
        ("kind_site_tag.html", f"{HERALD}/topics/ferries/", "declared-page"),
        # ProfilePage and og:type profile: a bio paragraph and twelve dated, bylined teasers
        ("kind_site_author.html", f"{COURIER}/people/nadia-pellow/", "declared-page"),
        ("kind_site_search.html", f"{GAZETTE}/search?q=ferry+fares", "listing-url"),
        ("kind_site_video_hub.html", f"{HERALD}/news/video/", "declared-page"),
        # AboutPage with a datePublished, og:type article and two hundred words about the paper
        ("kind_site_about.html", f"{HERALD}/about-us/", "declared-page"),
        ("kind_site_contact.html", f"{COURIER}/contact-us/", "declared-page"),
        ("kind_site_subscribe.html", f"{GAZETTE}/subscribe/offers", "product"),
        ("kind_site_login.html", f"{COURIER}/account/login/?redirect=%2Fnews%2F", "too-short"),
        ("kind_site_gallery_index.html", f"{COURIER}/news/photos/", "declared-page"),
        ("kind_site_most_popular.html", f"{HERALD}/most-popular/", "too-short"),
        ("kind_site_scoreboard.html", f"{GAZETTE}/sport/live-scores", "other"),
        _not_yet("kind_site_league_table.html", f"{GAZETTE}/sport/football/county-league-table"),
        _not_yet("kind_site_weather.html", f"{COURIER}/weather/fenwick-7-day-forecast/"),
        _not_yet("kind_site_epaper.html", f"{GAZETTE}/e-edition/"),
        _not_yet("kind_site_newsletters.html", f"{HERALD}/newsletters/sign-up/"),
        _not_yet("kind_site_corrections.html", f"{HERALD}/corrections-and-clarifications/"),
        _not_yet("kind_site_events.html", f"{COURIER}/whats-on/events-calendar/"),
        _not_yet("kind_site_death_notices.html", f"{GAZETTE}/obituaries/death-notices"),
    ],
)
def test_a_news_sites_other_pages_are_not_articles(name, url, reason):
    result = extract(name, url)
    assert not result.is_article, result.features
    if reason:
        assert result.reason == f"not-article:{reason}", result.features


@pytest.mark.parametrize(
    ("name", "url", "sentence"),
    [
        (
            "kind_site_story_brief.html",
            f"{HERALD}/ferry-fares-frozen-for-island-residents/",
            "Visitors' fares are not covered and will go up by five per cent as planned.",
        ),
        (
            "kind_site_story_photo.html",
            f"{COURIER}/news/photos/lambing-season-on-the-high-farms/",
            "Most go back out to their mothers within a day.",
        ),
        (
            "kind_site_story_qa.html",
            f"{GAZETTE}/news/local/qa-what-the-new-parking-rules-mean-for-you",
            "Blue badge holders will continue to park free in any marked bay, with no time limit.",
        ),
        (
            "kind_site_story_liveblog.html",
            f"{HERALD}/live/storm-ellis-live-updates/",
            "About 1,200 homes in the old town are without power after a line came down on Bridge Street.",
        ),
        (
            "kind_site_story_letter.html",
            f"{COURIER}/opinion/letters/letter-the-library-van-is-a-lifeline-for-the-hill-villages/",
            "I was delighted to read that the mobile library van is returning to the hill villages",
        ),
        (
            "kind_site_story_review.html",
            f"{GAZETTE}/whats-on/review-the-tempest-at-the-corn-exchange",
            "Lily Ferris is a sharp, funny Miranda.",
        ),
    ],
)
def test_a_news_sites_short_stories_are_articles(name, url, sentence):
    result = extract(name, url)
    assert result.is_article, (result.reason, result.features)
    assert sentence in result.record["text"]


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("kind_site_author.html", f"{COURIER}/people/nadia-pellow/"),
        ("kind_site_about.html", f"{HERALD}/about-us/"),
    ],
)
def test_the_declared_page_type_is_what_keeps_an_author_or_about_page_out(name, url):
    # force: the page's text is extracted and scored as if nothing had ruled it out
    features = extract_article((PAGES / name).read_bytes(), url, force=True).features
    assert classify_page(features)[1] == "declared-page"
    assert classify_page({**features, "declared_page": ""}) == ("article", "scored")


_LD = '<script type="application/ld+json">{}</script>'


@pytest.mark.parametrize(
    ("head", "body", "kind"),
    [
        (_LD.format('{"@type": "CollectionPage", "name": "Ferries"}'), "<body>", "listing"),
        (_LD.format('{"@type": "SearchResultsPage"}'), "<body>", "listing"),
        (_LD.format('{"@type": "ContactPage"}'), "<body>", "service"),
        # the page's own node, named by its address (Yoast's graph); another page's node is not the page's
        (
            _LD.format('{"@type": "AboutPage", "@id": "https://northport.example/some-page/#webpage"}'),
            "<body>",
            "service",
        ),
        (_LD.format('{"@type": "ContactPage", "url": "https://northport.example/contact/"}'), "<body>", ""),
        ('<meta property="og:type" content="profile">', "<body>", "listing"),
        # a theme that types every page "profile" and still stamps the story's publication time in the head
        # (Open Graph's article:published_time, a story's field): an author page states no such time
        (
            '<meta property="og:type" content="profile">'
            '<meta property="article:published_time" content="2025-05-03T09:00:00Z">',
            "<body>",
            "",
        ),
        ("", '<body itemscope itemtype="https://schema.org/ProfilePage">', "listing"),
        ("", '<body><div itemscope itemtype="https://schema.org/ProfilePage">', ""),  # an author box
        # a story's page node wraps its article: the story is what the page declares
        (_LD.format('{"@graph": [{"@type": "CollectionPage"}, {"@type": "NewsArticle"}]}'), "<body>", ""),
        (_LD.format('{"@type": "WebPage"}'), "<body>", ""),
        ('<meta property="og:type" content="website">', "<body>", ""),
    ],
)
def test_declared_page_is_the_kind_a_page_says_it_is_unless_it_declares_a_story(head, body, kind):
    html = f"<html><head>{head}</head>{body}<p>Ferry fares frozen.</p></body></html>"
    assert _features(html)["declared_page"] == kind
