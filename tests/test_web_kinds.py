"""Pages of the common web platforms that are not stories are not archived as articles; their stories are.

A crawler that follows links off a news site, or imports a general web crawl, meets manuals, forum threads,
Q&A pages, shop products, pricing and service pages, vacancies and business directories. A reader of the
archive expects none of them among the stories, and expects the blog post of a docs site, the journal post
of a shop and the news post of a club forum to be there. Each page here is of our own invention, printed the
way its platform prints it (Sphinx with the Read the Docs theme, MkDocs Material, Docusaurus, GitBook,
Discourse, phpBB, Question2Answer, an old-Reddit-like board, Shopify's Dawn theme, WooCommerce's
Storefront, Webflow, WordPress with Elementor, WP Job Manager, Invision Community).
"""

from __future__ import annotations

import pytest

from pipelines.classify import classify_page
from tests.test_extract_classify import _features, extract

_NOT_YET = "a service or manual page its platform does not name apart from a post: scored as a story"


def _not_yet(name: str, url: str):
    # strict: once the page is recognised, the mark has to go
    return pytest.param(name, url, None, None, marks=pytest.mark.xfail(strict=True, reason=_NOT_YET))


@pytest.mark.parametrize(
    ("name", "url", "kind", "reason"),
    [
        # the Read the Docs theme types every page schema.org/Article; the Docutils generator tag tells
        (
            "webkind_sphinx.html",
            "https://rivergauge.example/guide/calibrate.html",
            "documentation",
            "platform-page",
        ),
        (
            "webkind_docusaurus.html",
            "https://ledgerline.example/guides/webhooks",
            "documentation",
            "platform-page",
        ),
        (
            "webkind_gitbook.html",
            "https://handbook.tidelineclub.example/accounts/setup.html",
            "documentation",
            "platform-page",
        ),
        _not_yet("webkind_mkdocs.html", "https://quillnotes.example/sync/conflicts/"),
        # parameter tables, code samples, "Was this page helpful?": no generator, the code blocks tell
        (
            "webkind_api_reference.html",
            "https://harbourpay.example/api-reference/refunds/create-a-refund",
            "documentation",
            None,
        ),
        (
            "webkind_discourse.html",
            "https://talk.rivergauge.example/t/gauge-readings-stuck-after-the-2-4-firmware-update/2231",
            "forum",
            None,
        ),
        # "Joined:", "Posts:", "Quote", at an address with no forum word in it
        (
            "webkind_phpbb.html",
            "https://boatbuilders.example/glues-and-coatings/when-can-i-recoat-epoxy-without-sanding-t4412.html",
            "forum",
            "platform-page",
        ),
        (
            "webkind_qa.html",
            "https://answers.crumbandcrust.example/1182/why-does-my-sourdough-starter-smell-of-nail-polish-remover",
            "forum",
            "platform-page",
        ),
        (
            "webkind_reddit_like.html",
            "https://threadhub.example/r/hillwalking/comments/1k8q2z/is_a_30_litre_pack_enough_for_a_threeday_hut_trip/",
            "forum",
            None,
        ),
        # og:type product; the cart button alone did not outweigh a description in long paragraphs
        (
            "webkind_shopify.html",
            "https://fernandflax.example/products/linen-apron-with-cross-back-straps",
            "product",
            "declared-page",
        ),
        (
            "webkind_woocommerce.html",
            "https://hollowaywoodcraft.example/shop/kitchen/oak-chopping-board-end-grain/",
            "product",
            None,
        ),
        ("webkind_pricing.html", "https://rotaboard.example/plans-and-pricing", "product", None),
        _not_yet("webkind_agency_service.html", "https://saltboxstudio.example/what-we-do/brand-strategy/"),
        # og:type article and a publication time, but a JobPosting in its structured data
        (
            "webkind_job.html",
            "https://kestleport.example/vacancy/deputy-harbour-master/",
            "listing",
            "declared-page",
        ),
        ("webkind_directory.html", "https://northportlocal.example/find/plumbers/northport", "listing", None),
    ],
)
def test_a_platforms_pages_that_are_not_stories_are_not_articles(name, url, kind, reason):
    result = extract(name, url)
    assert not result.is_article, result.features
    if kind:
        assert result.page_type == kind, result.reason
    if reason:
        assert result.reason == f"not-article:{reason}", result.features


@pytest.mark.parametrize(
    ("name", "url", "sentence"),
    [
        # the same generator as the docs pages, but Docusaurus's blog template
        (
            "webkind_docusaurus_blog_post.html",
            "https://ledgerline.example/blog/webhook-delivery-queue",
            "We moved the last customers to the new path on 6 March.",
        ),
        # on Shopify, beside a grid of products with prices
        (
            "webkind_shop_journal_post.html",
            "https://fernandflax.example/blogs/journal/the-linen-mill-that-nearly-closed",
            "We will keep paying in advance.",
        ),
        # the agency's own news, with the same "Get a quote" band as its service pages
        (
            "webkind_agency_journal_post.html",
            "https://saltboxstudio.example/journal/long-rise-bakery-reopens-after-the-flood/",
            "There was a queue down to the bridge by half past seven.",
        ),
        # a forum's news post, with members' comments, "Quote" buttons and the latest topics beside it
        (
            "webkind_forum_news_post.html",
            "https://tamardinghy.example/news/article/218-boat-jumble-returns-to-ferry-quay-on-26-april/",
            "Pitches cost five pounds for members and ten for everyone else",
        ),
    ],
)
def test_a_platforms_stories_are_articles(name, url, sentence):
    result = extract(name, url)
    assert result.is_article, (result.reason, result.features)
    assert sentence in result.record["text"]


def test_the_platform_mark_is_what_keeps_a_manual_page_out_that_declares_an_article():
    # the Read the Docs theme's itemtype schema.org/Article on every page would have made it a story
    result = extract("webkind_sphinx.html", "https://rivergauge.example/guide/calibrate.html")
    assert result.features["ld_article"] == 1.0
    assert classify_page({**result.features, "platform_page": ""}) == ("article", "scored")


def _page(head: str = "", html: str = "<html>", body: str = "<body>") -> str:
    return f"{html}<head>{head}</head>{body}<p>Ferry fares frozen.</p></body></html>"


_GENERATOR = '<meta name="generator" content="{}">'


@pytest.mark.parametrize(
    ("page", "url", "kind"),
    [
        (_page(_GENERATOR.format("Discourse 3.3.0 - https://github.com/discourse/discourse")), "", "forum"),
        (_page(_GENERATOR.format("vBulletin 4.2.5")), "", "forum"),
        (_page(_GENERATOR.format("Docutils 0.20.1: https://docutils.sourceforge.io/")), "", "documentation"),
        (_page(_GENERATOR.format("GitBook 3.2.3")), "", "documentation"),
        (_page(_GENERATOR.format("bookdown 0.37 and GitBook 2.6.7")), "", "documentation"),
        (_page(_GENERATOR.format("rustdoc")), "", "documentation"),
        (_page(_GENERATOR.format("Starlight v0.36.0")), "", "documentation"),
        (_page(_GENERATOR.format("DokuWiki")), "", "documentation"),
        # a manual generator's blog: a story section or a dated path is the page's own
        (
            _page(_GENERATOR.format("Docutils 0.20.1")),
            "https://rivergauge.example/blog/2025/03/new-release/",
            "",
        ),
        # the tools that print blogs and shops as well as manuals and forums name nothing
        (_page(_GENERATOR.format("mkdocs-1.6.0, mkdocs-material-9.5.27")), "", ""),
        (_page(_GENERATOR.format("Docusaurus v3.4.0")), "", ""),
        (_page(_GENERATOR.format("WordPress 6.6.1")), "", ""),
        (_page(html='<html class="plugin-docs docs-doc-page docs-doc-id-intro">'), "", "documentation"),
        (_page(html='<html class="blog-wrapper blog-post-page plugin-blog">'), "", ""),
        (_page(body='<body id="phpbb" class="nojs notouch section-viewtopic ltr">'), "", "forum"),
        (
            _page(
                body='<body class="ipsApp ipsApp_front" data-pageApp="forums" data-pageController="topic">'
            ),
            "",
            "forum",
        ),
        (_page(body='<body class="ipsApp ipsApp_front" data-pageApp="cms" data-pageModule="pages">'), "", ""),
        (_page(body='<body class="qa-template-question qa-theme-snowflat">'), "", "forum"),
        (_page(html='<html id="XF" data-template="thread_view">'), "", "forum"),
        # XenForo 2.2's article threads are the forum's stories
        (_page(html='<html id="XF" data-template="thread_view_type_article">'), "", ""),
    ],
)
def test_platform_page_is_the_kind_the_platforms_template_names(page, url, kind):
    assert _features(page, url or "https://northport.example/some-page")["platform_page"] == kind


_OG = '<meta property="og:type" content="{}">'
_LD = '<script type="application/ld+json">{}</script>'


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (_OG.format("product"), "product"),
        (_OG.format("product.item"), "product"),
        (_OG.format("product.group"), "product"),
        (_LD.format('{"@type": "JobPosting", "title": "Deputy Harbour Master"}'), "listing"),
        # a review of a product is a story that declares itself one
        (_OG.format("product") + _LD.format('{"@type": "Review"}'), ""),
        (_OG.format("article"), ""),
    ],
)
def test_a_product_or_a_vacancy_declared_in_the_head_is_the_pages_kind(head, kind):
    assert _features(_page(head))["declared_page"] == kind
