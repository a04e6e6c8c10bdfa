"""News as current publishing stacks print it: each page of our own (invented outlets, people and text) in the
markup of a modern news front end — a story rendered in the browser from its JSON-LD, the next story appended
below by infinite scroll, AMP, paragraphs as <div>s between ad slots, embedded posts and video, a key-points
box, an explainer's FAQ, a table of figures, a gallery, a <noscript> copy of the story (or the story only
there), a paywall cut, a Next.js data script, ranked most-read and editor's-picks rails. Like
tests/test_news_variety.py (whose checks run here too, over these pages): each page is taken for an article,
keeps every paragraph of its story, loses the furniture around it and gives the title, date and author it
prints. Besides: each paragraph of the story comes out once and as a paragraph of its own, the record says how
its text was found when that is not the page's HTML, and newsbot keeps every story paragraph that bare
trafilatura keeps.

What a reader expects of embeds: a post quoted in the story (a tweet's text in its blockquote) is part of
the story, as on most news sites and in trafilatura's output; an embed's own controls ("View this post on
Instagram", "A post shared by …", a video player's title) are furniture. Gallery captions are not asserted
either way (trafilatura leaves them out and reference texts differ on them); the gallery's controls go."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
import pytest

from pipelines.extract import extract_article
from tests.news_pages import ArticlePageChecks, Page, page_source, pages_fixture, words


@dataclass
class ModernPage(Page):
    # how the record must say its text was found (``extraction.method``), when not from the page's HTML
    method: str | None = None
    # table cells that are the story's figures: each must stay somewhere in the text
    figures: str | None = None


PAGES_UNDER_TEST = [
    # a client-rendered story: the HTML holds the headline, a teaser and loading placeholders; the story
    # is in JSON-LD articleBody, and the record says it was taken from there
    ModernPage(
        "modern_client_rendered.html",
        "https://quillmoorobserver.example/news/2025/02/11/ferry-fares-rise-third",
        "//script[@type='application/ld+json']",
        "Ferry fares to Quillmoor islands to rise by a third from April",
        "2025-02-11",
        ["Tomasz Wierzbicki"],
        ["Loading the rest of the story", "Enable JavaScript", "Privacy", "Terms"],
        min_story=9,
        declared=True,
        method="jsonld",
    ),
    # infinite scroll: the next story (its own <article>, headline, byline), longer than the first, is
    # appended below it; the record holds the first story only
    ModernPage(
        "modern_infinite_scroll.html",
        "https://harwickmercury.example/news/2025/06/03/library-reopens-teen-floor",
        "//article[@data-article-id='88121']//div[@class='article-body']/p",
        "Harwick library reopens after two-year rebuild with a floor just for teenagers",
        "2025-06-03",
        ["Abena Mensah-Ward"],
        [
            "Canal Wharf brewery to double in size",
            "Tollgate Brewing won planning permission",
            "Resident Colin Marsh",
            "a bakery, two coffee roasters and a climbing wall",
            "Lewis Tranter",
            "Next story",
            "Loading next story",
            "Harwick Council",
        ],
        min_story=7,
    ),
    # AMP: amp-img, amp-ad with its fallback label, amp-social-share, an amp-sidebar menu, amp-analytics
    ModernPage(
        "modern_amp.html",
        "https://pennockvalleynews.example/news/2025/08/19/reservoir-lowest-level",
        "//div[@class='article-body']/p",
        "Dry summer leaves Pennock reservoir at lowest level in 40 years",
        "2025-08-19",
        ["Siobhan Kearsley"],
        [
            "Advertisement",
            "Menu",
            "Announcements",
            "Share this article",
            "More from Pennock Valley News",
            "Hosepipe ban: how much",
            "View full site",
            "UA-000000-1",
        ],
        min_story=6,
    ),
    # paragraphs as <div>s (no <p> on the page), ad slots between them
    ModernPage(
        "modern_div_paragraphs.html",
        "https://ostervalegazette.example/transport/2025/09/25/n7-night-bus-returns",
        "//div[@class='text-block']",
        "Night bus to the airport returns after drivers' pay deal",
        "2025-09-25",
        ["Niamh Oyelaran"],
        ["Advertisement", "Latest news", "Market Square fountain", "Share", "Email", "About us"],
        min_story=6,
    ),
    # an embedded tweet (its text is quoted in the story), an Instagram embed, a YouTube iframe
    ModernPage(
        "modern_embeds.html",
        "https://tilbrookecho.example/sport/football/2025/04/14/ferreira-save-cup-final",
        "//div[@class='article-content']/p | //blockquote[@class='twitter-tweet']/p",
        "Marsh Lane goalkeeper's 90th-minute save goes viral as Tilbrook reach cup final",
        "2025-04-14",
        ["Callum Rhys-Baptiste"],
        [
            "View this post on Instagram",
            "A post shared by",
            "Share on Facebook",
            "More football",
            "Corley Athletic win on penalties",
        ],
        min_story=8,
    ),
    # a "Key points" box over the story: its bullets are the story's own summary and stay
    ModernPage(
        "modern_key_points.html",
        "https://brackwatertimes.example/environment/2025/11/20/brackwater-head-path-closes",
        "//ul[@class='key-points__list']/li | //div[@class='article-body']/p",
        "Coastal path at Brackwater Head to close for a year as cliff erodes",
        "2025-11-20",
        ["Eluned Parry-Okafor"],
        ["Copy link", "Related stories", "Landslip closes Gull Cove beach", "Ten winter walks"],
        min_story=9,
    ),
    # an explainer whose FAQ block (FAQPage schema beside the NewsArticle) closes it: the FAQ is the story's;
    # the kicker over the headline is the section's label
    ModernPage(
        "modern_faq_explainer.html",
        "https://dunhallowargus.example/explainers/2025/03/27/parking-zones-explained",
        "//div[@class='explainer-body']/p | //h3[@class='faq-q'] | //div[@class='faq-a']/p",
        "Explained: what the new parking zones in Dunhallow mean for you",
        "2025-03-27",
        ["Ravi Lindqvist"],
        ["Explainer", "Share this explainer", "Most popular", "Station footbridge closed"],
        min_story=11,
    ),
    # a data story: its table of figures is the story
    ModernPage(
        "modern_data_table.html",
        "https://fenmoorstandard.example/education/2025/07/02/school-waiting-lists",
        "//div[@class='body']/p",
        "Which Fenmoor schools have the longest waiting lists?",
        "2025-07-02",
        ["Keziah Amankwah"],
        ["Get the Fenmoor Standard daily", "Our best stories in your inbox", "Sign up"],
        min_story=6,
        figures="//table[@class='data-table']//td",
    ),
    # a gallery with long captions inside the story, its counter and controls around it
    ModernPage(
        "modern_gallery_captions.html",
        "https://wrenfordcourier.example/news/2025/10/31/lantern-parade-tanners-bridge",
        "//div[@class='story-body']/p",
        "Lantern parade lights up Wrenford for the last time before the old bridge comes down",
        "2025-10-31",
        ["Adaeze Holmqvist"],
        [
            "1 / 4",
            "Open gallery",
            "Previous image",
            "Next image",
            "View all 24 photos",
            "More pictures",
            "The autumn fair in 30 pictures",
        ],
        min_story=5,
    ),
    # the story twice: rendered, and again in <noscript> for readers without scripts
    ModernPage(
        "modern_noscript_duplicate.html",
        "https://kilbrannanpress.example/food/2025/05/09/rise-and-crumb-bread-award",
        "//div[contains(@class,'js-render')]/p",
        "Orchard Street bakery wins national bread award",
        "2025-05-09",
        ["Marguerite Oduya-Hale"],
        ["Please enable JavaScript", "Trending", "New ferry timetable", "Share on Facebook"],
        min_story=5,
    ),
    # the story only in <noscript> (a script renders it from an API for readers with one): opened, as a
    # browser without scripts opens it
    ModernPage(
        "modern_noscript_only.html",
        "https://ebbwickweekly.example/nature/2025/07/17/swifts-church-tower",
        "//noscript/div[contains(@class,'article-body')]/p",
        "Volunteers count 212 swifts' nests in Ebbwick church tower",
        "2025-07-17",
        ["Hollis Achterberg"],
        ["Trending", "Town bridge to close", "Share on Facebook", "Ebbwick Weekly 2025"],
        min_story=5,
    ),
    # a paywalled story (isAccessibleForFree false): three paragraphs, then the subscribe box
    ModernPage(
        "modern_paywall_cut.html",
        "https://ashbyvalechronicle.example/health/2025/04/22/maternity-unit-overnight-closure",
        "//div[@class='article-body']/p",
        "Hospital trust to close Ashby Vale maternity unit overnight from June",
        "2025-04-22",
        ["Oluwaseun Grieve"],
        [
            "Subscriber exclusive",
            "Continue reading",
            "This article is for subscribers",
            "Get 3 months for £1",
            "Cancel anytime",
            "Subscribe now",
            "Already a subscriber",
            "Most read",
            "Bypass opening delayed",
        ],
    ),
    # a Next.js page: the story is also in <script id="__NEXT_DATA__">, which is data, not text
    ModernPage(
        "modern_nextjs.html",
        "https://greyhavendispatch.example/news/repair-cafe-fixes-1300-things",
        "//div[starts-with(@class,'ArticleBody_root')]/p",
        "Greyhaven repair café fixed 1,300 broken things last year",
        "2025-09-12",
        ["Priyanka Halvorsen"],
        ["pageProps", "buildId", "Library of things lends out", "Advertisement", "Copy link", "mpu-1"],
        min_story=6,
    ),
    # a "Most read" rail ranked 1 to 10 beside the story, an "Editor's picks" rail inside its <article>
    ModernPage(
        "modern_most_read_rail.html",
        "https://corrinherald.example/news/2025/10/21/harbour-seawall-raised",
        "//div[@class='article__body']/p",
        "Corrin harbour seawall to be raised by a metre after winter floods",
        "2025-10-21",
        ["Tadhg Osei-Brannigan"],
        [
            "Editor's picks",
            "Lifeboat crew honoured",
            "Fish market reopens",
            "What Quay Street taught us",
            "Most read",
            "Bin collections move to fortnightly",
            "Council tax to rise",
            "Primary school pupils win national science prize",
        ],
        min_story=6,
    ),
]


extracted = pages_fixture(PAGES_UNDER_TEST)


class TestModernNews(ArticlePageChecks):
    def test_the_record_says_how_its_text_was_found(self, extracted):
        page, result = extracted
        if page.method is not None:
            assert result.record["extraction"]["method"] == page.method
        else:
            assert result.record["extraction"]["method"].startswith("trafilatura")


@pytest.mark.parametrize(
    "page",
    [page for page in PAGES_UNDER_TEST if page.figures],
    ids=lambda page: page.name.removesuffix(".html"),
)
def test_the_figures_of_the_story_stay(page):
    result = extract_article(page_source(page), page.url)
    cells = [words(td.text_content()) for td in lxml.html.fromstring(page_source(page)).xpath(page.figures)]
    assert len(cells) >= 20
    text = words(result.record["text"])
    assert [cell for cell in cells if cell not in text] == []
