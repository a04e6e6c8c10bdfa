"""The story's own structures, which a boilerplate rule can mistake for furniture and which trafilatura
sometimes drops: a long read's subheads, a table of figures, bulleted and numbered lists (short items,
linked items), a <dl> glossary, a Q&A interview with bold names, a timeline of dated entries, a "What we
know" box and an FAQ written by the newsroom, code blocks and inline code, a review's pros and cons and
its verdict, an editor's note, "Update (date):" paragraphs and a correction, footnotes, a quoted passage
and pull quotes, a "By the numbers" box (in a <div>, and boxes as <aside>s in the story's body), a
how-to guide told to the reader, story sentences that use a call's words as narrative, and a column of
one-line paragraphs under a dateline. Each page is our own (invented outlets, people and text),
with the furniture such sites print around it (menus, related links, newsletter boxes, share rows,
footers).

What a reader expects: all of the story's own structures are kept, each item on its own line, as the
page shows them: a subhead, a list item however short, a glossary's term and its definition, a date
heading a timeline entry, the question of an FAQ, the lines of a code block, the figures of a table and
its caption, the notes under a research summary, the newsroom's notes about the story itself (an
editor's note, an update, a correction). A pull quote repeats a sentence of the story in large type: the
reader has read it once, so it is furniture, and the sentence comes out once, in its paragraph. The
furniture around the story goes, and no rule of ours may cost a story paragraph that bare trafilatura
keeps (``ArticlePageChecks``)."""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.html
import pytest

from pipelines.extract import extract_article
from pipelines.recover import recover_dropped_blocks
from tests.news_pages import ArticlePageChecks, Page, page_source, page_tree, pages_fixture, words


@dataclass
class StoryPage(Page):
    # blocks of the story whose every line must stay (a code block's lines, a table's cells and caption)
    lines: str | None = None
    # the story's own sentences that the page prints a second time (a pull quote): none comes out as a
    # line of its own
    echoes: list[str] = field(default_factory=list)


PAGES_UNDER_TEST = [
    # a long read with h2 subheads and h3s under them, some of them short and some made of a call's words
    # ("Read the small print", "More rain to come", "Who pays?")
    StoryPage(
        "body_longform_subheads.html",
        "https://rivermouthchronicle.example/longreads/2025/01/18/ashcombe-long-road-back",
        "//div[@class='lr__copy']/*",
        "The long road back: how one night of flooding remade Ashcombe",
        "2025-01-18",
        ["Bronagh Ellery-Quist"],
        [
            "Skip to content",
            "Support the Chronicle",
            "Copy link",
            "Topics",
            "More long reads",
            "The last ferryman of the Tamsin estuary",
            "The Sunday Long Read",
            "One long story, every Sunday morning",
            "Sign me up",
            "About us",
            "Rivermouth Chronicle Ltd",
        ],
        min_story=20,
    ),
    # a table of figures (row headers, a caption) in the story, and a one-sentence paragraph under it
    StoryPage(
        "body_table_figures.html",
        "https://harbourside-post.example/transport/2025/03/04/bus-punctuality-figures/",
        "//div[@class='entry-content']/p",
        "Half of Harbourside's bus routes missed punctuality target last year",
        "2025-03-04",
        ["Idris Pemberton-Lowe"],
        [
            "Transport correspondent",
            "Share this:",
            "Most popular",
            "Pier reopens after winter repairs",
            "The Post in your inbox",
            "Get the morning headlines",
            "12 Customs House Lane",
        ],
        min_story=7,
        lines="//table//td | //table/caption",
    ),
    # bulleted lists of one-to-four-word items, of items partly linked to venue pages, of items that are
    # each one link to a school's own site, and a numbered list; the post's related list and widgets go
    StoryPage(
        "body_lists.html",
        "https://lowenbyecho.example/community/2025/11/27/food-bank-shelves-bare/",
        "//div[@class='post-content']/p | //div[@class='post-content']//li",
        "Food bank shelves run bare as demand doubles in Lowenby",
        "2025-11-27",
        ["Ffion Achebe-Rowntree"],
        [
            "Tagged",
            "Share this:",
            "You might also like",
            "Warm spaces open in four Lowenby churches",
            "Echo Extra",
            "Get our weekly round-up",
            "Recent posts",
            "Lowenby Town through in the cup",
            "Advertise",
            "Announcements",
        ],
        min_story=25,
    ),
    # a <dl> glossary in an explainer: terms of three or four letters, each definition a sentence or two
    StoryPage(
        "body_glossary_dl.html",
        "https://brenmoorgazette.example/money/2025/09/09/heat-pump-grants-explained",
        "//div[@class='gz-text']/p | //dl/dt | //dl/dd",
        "Heat pump grants: what the new £7,500 offer means and the words you will hear",
        "2025-09-09",
        ["Kwame Oduya-Brandt"],
        [
            "Money explained",
            "consumer reporter",
            "Sign in",
            "Trending",
            "Ring road closure extended to October",
            "Money Matters newsletter",
            "Deals, rights and bills",
            "Contact the Gazette",
            "Privacy notice",
        ],
        min_story=16,
    ),
    # a Q&A: each question and answer opens with a bold name ("Westfold Courier:", then "WC:" and "IM:"),
    # some questions of three words
    StoryPage(
        "body_qa_interview.html",
        "https://westfoldcourier.example/people/2025/05/24/ilse-marwood-quire-and-spine",
        "//div[@class='c-article__body']/p",
        "'I closed the shop for a year and nobody noticed': Ilse Marwood on saving Calder's last bookshop",
        "2025-05-24",
        ["Teodor Akinyemi"],
        [
            "The interview",
            "Save",
            "More interviews",
            "The last blacksmith in the Westfold valleys",
            "Get the Courier Weekend",
            "Cookie settings",
            "Westfold Media Ltd",
        ],
        min_story=12,
    ),
    # a timeline: a list of entries opening with a bold month, then entries headed by a date alone (h3)
    StoryPage(
        "body_timeline.html",
        "https://stanmeremercury.example/politics/2025/06/30/pier-timeline",
        "//div[@class='story-text']/p | //ol[@class='timeline']/li | //div[@class='story-text']/h3",
        "Stanmere pier: nine years of delay in twelve dates",
        "2025-06-30",
        ["Maelle Ostrowski"],
        [
            "Monday 30 June 2025",
            "Stanmere 19°C",
            "Print",
            "Email this",
            "Report an error",
            "Read next",
            "Beach hut fees to rise by a fifth",
            "3 Esplanade Buildings",
        ],
        min_story=19,
    ),
    # a "What we know" box (an <aside> in the article, over the story) and the newsroom's FAQ as
    # <details>/<summary>, closing with the story's last paragraph
    StoryPage(
        "body_explainer_box_faq.html",
        "https://corranexaminer.example/health/2025/08/12/boil-water-notice-explained",
        "//aside[@class='art-summary']//li | //div[@class='art-body']/p"
        " | //div[@class='art-body']/h2 | //summary | //details/p",
        "Corran water supply: what we know about the contamination and when taps will be safe",
        "2025-08-12",
        ["Saoirse Lindqvist-Obi"],
        [
            "Explainer",
            "updated 5.05pm",
            "Share on Facebook",
            "Latest",
            "A92 reopens after lorry crash",
            "Breaking news alerts",
            "Complaints",
        ],
        min_story=19,
    ),
    # a tech feature: inline <code> in its paragraphs, two <pre> blocks (a query, a shell session)
    StoryPage(
        "body_code_article.html",
        "https://bitfieldweekly.example/features/2025/10/07/ledgerly-nightly-build",
        "//div[contains(@class,'feature-body')]/p",
        "How the Ledgerly data team cut its nightly build from four hours to twenty minutes",
        "2025-10-07",
        ["Ngozi Halvorsen"],
        [
            "6 min read",
            "Filed in:",
            "Bitfield in your inbox",
            "No spam, unsubscribe any time",
            "Keep reading",
            "What we learned from a year of Postgres vacuum tuning",
            "reader-funded",
        ],
        min_story=8,
        lines="//pre",
    ),
    # a review: subheads, pros and cons lists of two-to-four-word items, a verdict box with its rating;
    # the affiliate notice and the "Where to buy" buttons go
    StoryPage(
        "body_review_verdict.html",
        "https://gearwise.example/reviews/2025/04/03/corvina-trek-3",
        "//div[@class='gw-review__body']/p | //div[@class='gw-review__body']//h2"
        " | //div[@class='gw-proscons__col']/h3 | //div[@class='gw-proscons__col']//li"
        " | //div[@class='gw-verdict']/p",
        "Corvina Trek 3 review: the e-bike for hills, if you can lift it",
        "2025-04-03",
        ["Alasdair Nwosu"],
        [
            "We may earn a commission",
            "Where to buy",
            "£2,899 at Pedalhouse",
            "More e-bike reviews",
            "Pocketfold E review",
            "How we test",
            "reader-supported",
        ],
        min_story=19,
    ),
    # an editor's note over the story, two "Update (date):" paragraphs in it, a correction closing it
    StoryPage(
        "body_editors_note.html",
        "https://penhallowpacket.example/coast/2025/06/03/cliff-fall-penhallow-point/",
        "//div[@class='story-content']/p",
        "Man dies after fall from cliff path at Penhallow Point",
        "2025-06-03",
        ["Ruairi Bassong"],
        [
            "Published 3 June 2025",
            "Contact the newsroom",
            "Also on the coast",
            "Record year for seal pups at Gull Rock",
            "Our standards",
            "Independent local news for west Cornwall",
            "Notices",
        ],
        min_story=9,
    ),
    # a research summary: footnote markers in its paragraphs and its numbered notes under a "Notes" subhead
    StoryPage(
        "body_footnotes.html",
        "https://fieldnotesreview.example/research/2025/02/hedgerow-birds",
        "//div[@class='fr-article__text']/p | //div[@class='fr-article__text']/h2"
        " | //ol[@class='fr-notes']/li",
        "Hedgerows planted in the 1990s now hold twice the birds of older ones, survey finds",
        "2025-02-21",
        ["Henrike Asante"],
        [
            "Research summary",
            "From the archive",
            "Barn owls return to the Vale",
            "Write for us",
            "Find out how to contribute",
            "registered charity",
            "Accessibility",
        ],
        min_story=9,
    ),
    # a diary passage quoted in two paragraphs of a <blockquote>, and two pull quotes repeating the story
    StoryPage(
        "body_pull_quotes.html",
        "https://skerrowbaytimes.example/heritage/2025/07/19/lighthouse-diaries",
        "//div[@class='sbt-article__body']/p | //div[@class='sbt-article__body']/blockquote[not(@class)]/p",
        "Letters from the lighthouse: a keeper's daughter gives her father's diaries to the town",
        "2025-07-19",
        ["Cerys Okwuosa"],
        [
            "More from Heritage",
            "Old lifeboat house to become a café",
            "Times Daily",
            "The day's news from Skerrow Bay",
            "Get it",
        ],
        min_story=9,
        echoes=[
            "You can read the whole of the 1950s in them.",
            '"These are not mine. They belong to the town."',
        ],
    ),
    # a "By the numbers" box of short figure lines inside the story; sentences that open with a call's
    # words ("Residents can sign up", "Subscribers to the share offer", "Follow-up work") close it
    StoryPage(
        "body_fact_box.html",
        "https://tolworthadvertiser.example/news/2025/09/27/tolworth-baths-reopen",
        "//div[@class='ta-story__body']/p | //div[@class='ta-factfile']/h3 | //div[@class='ta-factfile']//li",
        "Tolworth Baths reopen after £6.4m restoration, with a membership scheme for residents",
        "2025-09-27",
        ["Benedikt Amoah"],
        [
            "Subscribe",
            "Share this story",
            "Most read",
            "Ring road speed limit cut to 40mph",
            "Get the Advertiser newsletter",
            "Tolworth news in your inbox",
            "Advertise with us",
        ],
        min_story=12,
    ),
    # a guide: what the reader must do, told to the reader ("Register for an account…", "Fill out the
    # form…", "Call the council's benefits team…", "Don't wait for a letter…"), in numbered steps and in
    # its last paragraphs, where a call to the reader is usually the site's
    StoryPage(
        "body_howto_steps.html",
        "https://ellesfordbugle.example/your-money/2025/05/12/warm-homes-rebate-how-to-claim",
        "//div[@class='bg-article__content']/*[self::p or self::h2]"
        " | //div[@class='bg-article__content']//li",
        "How to claim the £150 warm homes rebate before the 30 June deadline",
        "2025-05-12",
        ["Priya Venkataraman-Holt"],
        [
            "Share on Facebook",
            "Share by email",
            "Popular now",
            "Bypass work to start in July",
            "Bugle Money",
            "Our weekly guide to your bills and rights",
            "Contact us",
            "Terms and conditions",
        ],
        min_story=19,
    ),
    # the story's own boxes as <aside>s inside its body ("By the numbers", "Key dates"), which trafilatura
    # leaves out with every <aside>, beside a box of the site's other story (a picture and a link) and the
    # page's rail, which go
    StoryPage(
        "body_aside_boxes.html",
        "https://marrowbyherald.example/arts/2025/11/08/regal-cinema-saved",
        "//div[@class='mh-story__body']/p | //aside[@class='mh-infobox']/h3"
        " | //aside[@class='mh-infobox']//li",
        "Marrowby's last cinema saved by 2,100 shareholders",
        "2025-11-08",
        ["Oskar Nwachukwu-Reid"],
        [
            "More on this story",
            "Queues form as Regal share offer opens",
            "Most popular",
            "Old bridge to close for repairs in spring",
            "The Herald Weekly",
            "The week's Marrowby news every Saturday morning",
        ],
        min_story=17,
    ),
    # a column: a dateline alone on its line, one-sentence paragraphs, two of them a shop's figures in a
    # call's words ("Subscribers to the paper's print edition fell", "Click-and-collect orders doubled")
    StoryPage(
        "body_column_one_liners.html",
        "https://keldbystar.example/opinion/2025/10/16/paper-round",
        "//div[@class='es-col__text']/p",
        "The paper round is dead. Long live the paper round",
        "2025-10-16",
        ["Marguerite Achterberg-Lowe"],
        [
            "Column",
            "Comment",
            "More opinion",
            "Whoever designed the new bus station",
            "Have your say",
            "Write to the editor",
            "writes for the Star every Thursday",
            "North Riding Newspapers",
            "Family notices",
        ],
        min_story=13,
    ),
]


extracted = pages_fixture(PAGES_UNDER_TEST)


class TestStoryStructures(ArticlePageChecks):
    pass


def _ids(page: Page) -> str:
    return page.name.removesuffix(".html")


@pytest.mark.parametrize("page", [page for page in PAGES_UNDER_TEST if page.lines], ids=_ids)
def test_every_line_of_the_story_blocks_stays(page):
    found = [
        words(line) for el in page_tree(page).xpath(page.lines) for line in el.text_content().split("\n")
    ]
    found = [line for line in found if line]
    assert len(found) >= 5
    text = words(extract_article(page_source(page), page.url).record["text"])
    assert [line for line in found if line not in text] == []


@pytest.mark.parametrize("page", [page for page in PAGES_UNDER_TEST if page.echoes], ids=_ids)
def test_a_pull_quote_does_not_repeat_the_story(page):
    result = extract_article(page_source(page), page.url)
    lines = [words(line) for line in result.record["text"].split("\n")]
    assert [echo for echo in page.echoes if echo in lines] == []


_STORY = [
    "The harbour trust voted on Tuesday to sell the old net loft to the sailing club for £1.",
    "The loft, built in 1872, has stood empty since the last of the town's drift-net crews gave up in 1991.",
    '"It is the last building on the quay that still smells of tar," said the trust\'s chair, Ewan Rossiter.',
    "The club has promised to repair the roof within two years and to open the ground floor to visitors.",
    "Its members raised £40,000 towards the work at a single auction last spring.",
    "The sale must still be approved by the council, which owns the quay.",
]
_URL = "https://quaysidenews.example/harbour/2025/03/18/net-loft-sold"


def _story_page(inserts: dict[int, str], story: list[str] = _STORY) -> str:
    """A story page of ``story``'s paragraphs, with ``inserts`` (HTML) put after the paragraph of each
    index."""
    body = "".join(f"<p>{p}</p>{inserts.get(i, '')}" for i, p in enumerate(story))
    return (
        "<html lang='en'><head><title>Old net loft sold to sailing club for £1 - Quayside News</title>"
        "<meta property='og:type' content='article'><meta name='author' content='Isla Petrakis'>"
        "<meta property='article:published_time' content='2025-03-18T09:00:00Z'></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/harbour'>Harbour</a> <a href='/sport'>Sport</a></nav>"
        "</header>"
        "<main><article><h1>Old net loft sold to sailing club for £1</h1>"
        f"<p class='byline'>By Isla Petrakis</p><div class='story'>{body}</div></article></main>"
        "<footer><a href='/about'>About us</a> <a href='/contact'>Contact</a></footer></body></html>"
    )


def _lines(html: str) -> tuple[list[str], dict]:
    result = extract_article(html, _URL)
    assert result.is_article, result.reason
    return [words(line) for line in result.record["text"].split("\n") if line.strip()], result.record[
        "extraction"
    ]["rules"]


def test_a_pull_quote_of_the_story_goes_and_a_quoted_post_stays():
    # the pull quote leaves out the attribution between its two sentences; the embedded post's text is
    # also quoted in the story, but the embed holds its author and date too
    pull = (
        "<figure class='wp-block-pullquote'><blockquote><p>\u201cIt is the last building on the quay."
        " It still smells of tar.\u201d</p></blockquote></figure>"
    )
    post = (
        "<blockquote class='twitter-tweet'><p>Forty thousand pounds in one night. Thank you all!</p>"
        "&mdash; Skerrow Sailing Club (@skerrowsc) <a href='https://x.example/skerrowsc/status/1'>March 2,"
        " 2025</a></blockquote>"
    )
    story = list(_STORY)
    story[2] = (
        '"It is the last building on the quay," said the trust\'s chair, Ewan Rossiter.'
        ' "It still smells of tar."'
    )
    story[4] = (
        'Its members raised £40,000 at one auction. "Forty thousand pounds in one night," the club posted.'
    )
    lines, rules = _lines(_story_page({2: pull, 4: post}, story))
    assert "“It is the last building on the quay. It still smells of tar.”" not in lines
    assert rules.get("pull_quotes") == 1
    assert "Forty thousand pounds in one night. Thank you all!" in lines
    assert [p for p in story if p not in lines] == []


def test_a_quote_box_that_says_more_than_the_story_stays():
    # a box of the chair's words that the story does not print: a quote of its own, not a repeat
    box = (
        "<blockquote class='pullquote'><p>\u201cWe would rather give it away than watch it fall down.\u201d"
        "</p></blockquote>"
    )
    lines, rules = _lines(_story_page({2: box}))
    assert "pull_quotes" not in rules
    assert "“We would rather give it away than watch it fall down.”" in lines


def _announced_links(hrefs: list[str]) -> lxml.html.HtmlElement:
    items = "".join(
        f"<li><a href='{href}'>{name}</a></li>"
        for href, name in zip(
            hrefs, ["Castlegate Primary", "Mereside Infants", "Hollinsfield Primary"], strict=True
        )
    )
    return lxml.html.fromstring(
        "<html><body><nav><a href='/'>Home</a></nav><div class='story'>"
        f"<p>{_STORY[0]}</p><p>Three primary schools are collecting tins until the end of term:</p>"
        f"<ul>{items}</ul><p>{_STORY[1]}</p></div></body></html>"
    )


def test_a_list_of_other_sites_that_the_story_announces_comes_back_and_one_of_its_own_pages_does_not():
    # trafilatura leaves out a list made of links; a sentence of the story announcing it and every link
    # leading off the site make it the story's (the schools it names); the site's own pages there are its
    # pointers to more of them (other stories, its guides), which stay out as before
    kept = [_STORY[0], "Three primary schools are collecting tins until the end of term:", _STORY[1]]
    schools = ["https://castlegate.example/", "https://mereside.example/", "https://hollinsfield.example/"]
    out, added = recover_dropped_blocks(_announced_links(schools), list(kept), _URL)
    assert out == [*kept[:2], "Castlegate Primary", "Mereside Infants", "Hollinsfield Primary", kept[2]]
    assert added == 3
    own = ["/schools/castlegate", "/schools/mereside", "/schools/hollinsfield"]
    assert recover_dropped_blocks(_announced_links(own), list(kept), _URL) == (kept, 0)
    # not announced: a list of links under a paragraph that is no announcement stays out too
    tree = _announced_links(schools)
    tree.find(".//p[2]").text = "Three primary schools are collecting tins until the end of term."
    kept[1] = "Three primary schools are collecting tins until the end of term."
    assert recover_dropped_blocks(tree, list(kept), _URL) == (kept, 0)


def test_a_verdict_box_closing_the_story_in_an_aside_stays():
    # trafilatura leaves out every <aside>; after the story's last paragraph one to three sentences are read
    # as a box at its end (an appeal, a note about the publisher), but not under a verdict's heading
    verdict = (
        "<aside class='verdict'><h2>Our verdict</h2><p>The right buyer at the right price, if the roof can"
        " be saved before the winter storms.</p></aside>"
    )
    lines, _ = _lines(_story_page({len(_STORY) - 1: verdict}))
    assert "The right buyer at the right price, if the roof can be saved before the winter storms." in lines


@pytest.mark.parametrize(
    ("where", "copy"),
    [
        # a reader's comment under the story that quotes the statement back
        (
            "</article>",
            "<section class='talk'><h3>Have your say</h3><p><b>Ron Tulloch</b></p><p>The trust regrets"
            " that the loft could not stay in public hands. We thank the club for its offer. Same words as"
            " in 2014.</p></section>",
        ),
        # the site's box of the week's quotes beside the story
        (
            "</main>",
            "<aside class='sidebar'><h3>Quote of the week</h3><p>The trust regrets that the loft could not"
            " stay in public hands. We thank the club for its offer.</p></aside>",
        ),
    ],
    ids=["comment", "sidebar"],
)
def test_a_statement_the_story_prints_only_in_a_blockquote_stays_though_a_box_beside_it_repeats_it(
    where, copy
):
    # the story's only copy of the trust's statement is its blockquote: that a comment under the story or
    # a sidebar box repeats it does not make it a pull quote
    statement = (
        "<blockquote><p>The trust regrets that the loft could not stay in public hands. We thank the club for"
        " its offer.</p></blockquote>"
    )
    lines, rules = _lines(_story_page({1: statement}).replace(where, where + copy, 1))
    assert "pull_quotes" not in rules
    assert (
        "The trust regrets that the loft could not stay in public hands. We thank the club for its offer."
        in lines
    )


@pytest.mark.parametrize(
    "closing",
    [
        "Their model is the Eastgate Ledger, which has been reader-funded since 2019 and now employs six.",
        "Its photographs, every print stamped © 1962 Clarion Newspapers, go to the county library.",
    ],
)
def test_the_storys_closing_sentence_about_a_papers_funding_or_its_copyright_mark_stays(closing):
    # the site's foot ("Bitfield Weekly is reader-funded. © 2025 Bitfield Media.") goes; the story's own
    # last sentence that speaks of another paper's funding, or of a © printed on its photographs, stays
    story = [*_STORY[:4], closing]
    lines, rules = _lines(_story_page({}, story))
    assert "tail_calls" not in rules
    assert closing in lines


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        (
            "From our partners",
            "Save 20% on storm shutters this month at Coastline Home. The offer ends on Sunday.",
        ),
        (
            "Support local journalism",
            "Quayside News has reported on this town since 1887. Every subscription keeps a reporter at the"
            " council.",
        ),
        ("Most read", "Lifeboat crew praised for night rescue off the point."),
    ],
)
def test_a_headed_aside_between_the_paragraphs_that_is_the_sites_box_stays_out(heading, text):
    # an advert, an appeal or the most-read stories set in plain text between the story's paragraphs: the
    # rules take their heading off the text, and what it heads does not come back as the story's own box
    aside = f"<aside><h3>{heading}</h3><p>{text}</p></aside>"
    lines, _ = _lines(_story_page({2: aside}))
    assert text not in lines
    assert [p for p in _STORY if p not in lines] == []
